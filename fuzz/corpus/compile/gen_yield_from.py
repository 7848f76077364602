# Checks yield from: delegation to sub-generators and iterables, return value propagation, forwarding of send/throw/close.
def inner():
    x = yield "inner-1"
    print("  inner received", x)
    y = yield "inner-2"
    print("  inner received", y)
    return f"inner result ({x}, {y})"

def outer():
    result = yield from inner()
    print("  outer got", repr(result))
    yield "outer-final"
    return "outer done"

g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("outer returned", e.value)

def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [], [[6]]])))

def from_iterables():
    yield from range(3)
    yield from "ab"
    yield from (x * x for x in range(3))
    yield from {"k1": 1, "k2": 2}
    yield from []
print(list(from_iterables()))

def sub_with_handler():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("  sub caught", repr(e))
        yield "recovered"
def delegator():
    yield from sub_with_handler()
    yield "after sub"
d = delegator()
print(next(d))
print(d.throw(KeyError("thrown")))
print(next(d))

def sub_closing():
    try:
        yield 1
        yield 2
    finally:
        print("  sub finally on close")
def del2():
    try:
        yield from sub_closing()
    finally:
        print("  delegator finally")
d2 = del2()
next(d2)
d2.close()

def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), "xy", range(2))))

def tree_walk(node, depth=0):
    name, kids = node
    yield "  " * depth + name
    for k in kids:
        yield from tree_walk(k, depth + 1)
tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b1x", [])])])])
for line in tree_walk(tree):
    print(line)

def returns_only():
    return 42
    yield
def collect():
    v = yield from returns_only()
    yield v
print(list(collect()))
def accumulate():
    total = 0
    while True:
        x = yield
        if x is None:
            return total
        total += x
def gather(results):
    while True:
        results.append((yield from accumulate()))
res = []
ga = gather(res)
next(ga)
for v in [1, 2, 3, None, 10, 20, None]:
    ga.send(v)
print(res)
