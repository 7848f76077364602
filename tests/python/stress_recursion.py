# Stress: deep recursion (depth 50,000 after raising the limit) and RecursionError at the default limit.
import sys

def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)

def catch_overflow():
    def runaway(k):
        return runaway(k + 1) + 1
    try:
        runaway(0)
    except RecursionError as e:
        return type(e).__name__ + ": " + str(e).split(" while")[0]

default_limit = sys.getrecursionlimit()
print("default limit:", default_limit)
print(catch_overflow())
print("still usable after overflow:", depth_sum(100))

sys.setrecursionlimit(100000)
print("limit now:", sys.getrecursionlimit())
print("sum to 50000 recursively:", depth_sum(50000))

def count_nodes(depth):
    # mutual recursion, deep
    return 1 if depth == 0 else 1 + count_other(depth - 1)
def count_other(depth):
    return 1 if depth == 0 else 1 + count_nodes(depth - 1)
print("mutual recursion depth 40000:", count_nodes(40000))

def nested_lists(n):
    result = []
    for _ in range(n):
        result = [result]
    return result
def list_depth(x):
    return 0 if not x else 1 + list_depth(x[0])
print("nested list depth:", list_depth(nested_lists(30000)))

sys.setrecursionlimit(default_limit)
print(catch_overflow())
print("restored limit:", sys.getrecursionlimit())
