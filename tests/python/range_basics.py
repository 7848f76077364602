# Checks range objects: repr, len, indexing, slicing (returns range), negative steps, membership, equality, index/count, big bounds.
for r in (range(5), range(2, 10), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(5, 0), range(-3, 3), range(0, -10, -4)):
    print(repr(r), len(r), list(r), bool(r))
r = range(3, 30, 4)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], r[-2:], r[5:100], list(r[::-1]))
print(r.start, r.stop, r.step, r.index(11), r.count(11), r.count(12), 27 in r, 28 in r, 3.0 in r, "3" in r)
try:
    r.index(4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    r[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(0, 10, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(range(0) == range(5, 5), range(0, 3) == range(3), range(0, 5, 2) == range(0, 6, 2), range(1) == [0], range(3) != range(4))
huge = range(10 ** 20)
print(len(range(0, 10 ** 18, 7)), huge[-1], 10 ** 19 in huge, huge[10 ** 19], huge[::10 ** 19])
print(sum(range(101)), max(range(-5, 5)), min(range(10, 0, -1)), sorted(range(5, 0, -1)), list(reversed(range(4))))
print(list(range(10))[2:8:2] == list(range(10)[2:8:2]), tuple(range(3)), set(range(3)))
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "done"))
print(range(3).__len__(), hash(range(3)) == hash(range(0, 3)), str(range(1, 4, 1)), repr(range(0, 5, 1)))
acc = []
for i in range(10, -11, -5):
    acc.append(i)
print(acc)
print([len(range(a, b, s)) for a, b, s in [(0, 10, 3), (0, 9, 3), (10, 0, -3), (0, 0, 1), (-5, 5, 2)]])
