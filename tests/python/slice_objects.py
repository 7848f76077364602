# Checks slice objects: construction, attributes, indices() normalisation, use on lists/strings/tuples, equality and hashing rules.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None), slice(None, None, -1))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) != slice(1, 3), slice(0, 1) < slice(0, 2))
for sl in (slice(None), slice(2, 8), slice(-3, None), slice(None, None, -1), slice(8, 2, -2), slice(-100, 100), slice(5, 100, 3), slice(None, -20, -1)):
    print(sl, sl.indices(10), list(range(10))[sl], "abcdefghij"[sl])
print(slice(0, 10, 3).indices(5), slice(None, None, -2).indices(0), slice(3, 1).indices(4))
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    slice(1).indices(-1)
except ValueError as e:
    print(type(e).__name__, e)
t = tuple(range(6))
rev = slice(None, None, -1)
print(t[rev], [1, 2, 3][rev], "xyz"[rev], b"abc"[rev], range(4)[rev])
lst = list(range(8))
lst[slice(0, 4)] = ["a"]
print(lst)
del lst[slice(None, None, 2)]
print(lst)
slice_of_strs = slice("a", "b", "c")
print(slice_of_strs, slice_of_strs.start)
class Recorder:
    def __getitem__(self, item):
        return item
r = Recorder()
print(r[::], r[1:], r[:2], r[::3], r[1:2:3], r[-1:], r[None:None])
print(repr(slice(1, 2, 3)), str(slice(None, 5)), type(slice(1)).__name__)
try:
    hash(slice(1, 2))
except TypeError as e:
    print(type(e).__name__, e)
try:
    {slice(1): "key"}
except TypeError as e:
    print(type(e).__name__, e)
