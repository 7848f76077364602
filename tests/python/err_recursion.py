# Ends with an uncaught RecursionError from unbounded recursion (last stderr line is the RecursionError message).
import sys

def f():
    return f()

print("about to recurse forever")
print("recursion limit is", sys.getrecursionlimit())
f()
