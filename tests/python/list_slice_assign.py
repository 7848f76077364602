# Checks list slicing, slice assignment (growing, shrinking, extended slices), slice deletion and negative/out-of-range bounds.
base = list(range(10))
print(base[2:5], base[:3], base[7:], base[-3:], base[::3], base[::-1], base[8:2:-2], base[-100:100], base[5:1])
a = base[:]
a[2:5] = ["x"]
print(a)
a = base[:]
a[2:3] = ["p", "q", "r", "s"]
print(a)
a = base[:]
a[:0] = [-2, -1]
print(a)
a = base[:]
a[len(a):] = [10, 11]
print(a)
a = base[:]
a[3:3] = "ins"
print(a)
a = base[:]
a[::2] = "ABCDE"
print(a)
a = base[:]
a[::-3] = [0, 0, 0, 0]
print(a)
a = base[:]
a[1:8:3] = (None, None, None)
print(a)
a = base[:]
a[5:] = []
print(a)
a = base[:]
a[:] = range(3)
print(a)
a = base[:]
del a[::2]
print(a)
a = base[:]
del a[1:-1]
print(a)
a = base[:]
del a[::-4]
print(a)
a = base[:]
del a[100:]
del a[:0]
print(a)
a = base[:]
a[8:2] = ["between"]
print(a)
a = base[:]
a[-2:] = a[:2]
print(a)
a = [1, 2, 3]
a[1:2] = a
print(a)
try:
    b = base[:]
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    b = base[:]
    b[1:3] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    base[::0]
except ValueError as e:
    print(type(e).__name__, e)
print(base)
