# Checks tuple construction, single-element syntax, immutability, count/index, concatenation, repetition, slicing and nesting.
t = (1, 2, 3)
single = (1,)
not_tuple = (1)
empty = ()
packed = 4, 5, 6
print(t, single, not_tuple, empty, packed, type(single).__name__, type(not_tuple).__name__)
print(tuple(), tuple([1, 2]), tuple("abc"), tuple(range(3)), tuple({"a": 1}), tuple(x * x for x in range(4)))
print(len(t), t[0], t[-1], t[1:], t[::-1], t[5:], t + (4,), t * 2, 0 * t, (0,) * 3)
print(t.count(2), (1, 1, 2, 1).count(1), t.index(3), (1, 2, 1, 2).index(2, 2), 2 in t, 9 not in t)
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.append(4)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    t.index(99)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t + [4]
except TypeError as e:
    print(type(e).__name__, e)
holder = ([1, 2], "s")
holder[0].append(3)
print(holder)
try:
    holder[0] += [4]
except TypeError as e:
    print(type(e).__name__, e, "| but list was still extended:", holder)
a = (1, 2)
b = a
a += (3,)
print(a, b, a is b)
print(t == (1, 2, 3), t == [1, 2, 3], (1, 2) < (1, 2, 3), (2,) > (1, 99), () < (0,), (1, "a") < (1, "b"))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), nested[1][1])
print(repr((None,)), repr(((),)), str((1.5, "x", b"y")), ("a" "b",))
print(tuple(t) == t, t[:] == t, tuple(list(t)) == t, t[:0] == ())
x, = single
print(x)
print(max((3, 1, 2)), min(((2, "b"), (1, "z"))), sorted((3, 1, 2)), sum((1, 2, 3)), list(reversed(t)))
big = tuple(range(1000))
print(len(big), big[500], big[-1], big.index(999), sum(big))
