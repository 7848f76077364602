# Checks iterable unpacking: starred targets, nested targets, starred expressions in calls/literals.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
x, *y = [1]
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, [n, *o]] = [10, (20, 30, 40)]
print(m, n, o)
for i, (c, d) in enumerate([("a", 1), ("b", 2)]):
    print(i, c, d)
print([*range(3), *"ab", *[None]])
print((*[1, 2], 3))
print({*[1, 2], *(2, 3)})
print({**{"a": 1}, "b": 2, **{"a": 3}})
def show(*args, **kw):
    return args, sorted(kw.items())
print(show(*[1, 2], 3, *(4,), **{"x": 1}, y=2))
print(*[1, 2, 3], sep="-")
print(*"abc")
a = b = c = [0]
print(a is b is c)
a, b = c = 1, 2
print(a, b, c)
s = "xy"
u, v = s
print(u, v)
d = {"k1": 1, "k2": 2}
k1, k2 = d
print(k1, k2)
*everything, = (1, 2, 3)
print(everything)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9  # i assigned first, then lst[1]
print(i, lst)
# errors
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
