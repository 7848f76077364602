# Checks del of names/items/slices/attributes and assert statements with/without messages.
x = 1
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)

class Box:
    pass
b = Box()
b.v = 5
b.w = 6
del b.v
print(hasattr(b, "v"), b.w)
try:
    del b.v
except AttributeError as e:
    print(type(e).__name__, e)

a, c = 1, 2
del a, c
print("a" in dir(), "c" in dir())
p = [[1, 2], [3, 4]]
del p[0][1], p[1]
print(p)

assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert False, "custom message"
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert [], ["payload", 42]
except AssertionError as e:
    print(type(e).__name__, e.args)
def check(n):
    assert n > 0, f"n must be positive, got {n}"
    return n
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print(e)
def delete_local():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)
print(delete_local())
