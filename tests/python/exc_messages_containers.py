# Checks exact CPython messages for container, indexing, key and iteration errors (one caught exception per output line).
def check(fn):
    try:
        r = fn()
        print("no error:", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

lst = [1, 2, 3]
tup = (1, 2)
d = {"a": 1}
check(lambda: lst[3])
check(lambda: lst[-4])
check(lambda: tup[5])
check(lambda: "abc"[10])
check(lambda: b"abc"[3])
check(lambda: bytearray(b"x")[1])
check(lambda: range(3)[3])
check(lambda: lst["0"])
check(lambda: lst[1.0])
check(lambda: tup["x"])
s = "abc"
check(lambda: s["a"])
check(lambda: range(3)["a"])
check(lambda: d["b"])
check(lambda: d[("x", 1)])
check(lambda: {1: 2}[0])
check(lambda: d[[1]])
check(lambda: {[1]: 2})
check(lambda: {[1]})
check(lambda: {}.popitem())
check(lambda: [].pop())
check(lambda: [1].pop(5))
check(lambda: lst.index(99))
check(lambda: tup.index(99))
check(lambda: "abc".index("z"))
check(lambda: [].remove(1))
check(lambda: set().pop())
check(lambda: set().remove(3))
check(lambda: frozenset().add)
nothing, five = None, 5
check(lambda: nothing[0])
check(lambda: five[0])
check(lambda: len(None))
check(lambda: iter(None))
check(lambda: next(iter([])))
check(lambda: max([]))
check(lambda: min([], key=len))
check(lambda: sum(["a", "b"]))
check(lambda: sum([[1]], []))
check(lambda: dict([(1, 2, 3)]))
check(lambda: dict([1]))
check(lambda: tuple(5))
check(lambda: list(None))
check(lambda: sorted([1, "a"]))
check(lambda: [1, 2, 3].sort(key=1))
check(lambda: {}.fromkeys(1))
check(lambda: "x".join([1, 2]))
check(lambda: list(zip([1], 5)))
check(lambda: [0] * "2")
check(lambda: range(1.5))
check(lambda: range(1, 2, 0))
check(lambda: slice(1, 2)(3))

def assign(fn):
    try:
        fn()
        print("assigned fine")
    except Exception as e:
        print(type(e).__name__, e)

def set_tuple():
    t = (1, 2)
    t[0] = 5
def set_str():
    s = "abc"
    s[0] = "x"
def del_tuple():
    t = (1,)
    del t[0]
def ext_slice():
    x = [1, 2, 3, 4]
    x[::2] = [1]
def set_oob():
    x = [1]
    x[5] = 2
def del_oob():
    x = []
    del x[0]
def set_bytes():
    b = b"ab"
    b[0] = 1
def bytearray_range():
    ba = bytearray(2)
    ba[0] = 300
assign(set_tuple)
assign(set_str)
assign(del_tuple)
assign(ext_slice)
assign(set_oob)
assign(del_oob)
assign(set_bytes)
assign(bytearray_range)
