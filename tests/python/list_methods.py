# Checks list methods: append/extend/insert/pop/remove/index/count/reverse/copy/clear and their edge cases.
a = [3, 1, 4]
a.append(1)
print(a)
a.extend([5, 9])
a.extend("ab")
a.extend(range(2))
a.extend(())
print(a)
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before last")
a.insert(-100, "very first")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(3))
print(a)
a.remove(1)
print(a, a.count(1), a.count("x"), a.index(5), a.index(1), a.index(9, 2), a.index("a", 0, 100))
try:
    a.index(3, 2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a.remove("zzz")
except ValueError as e:
    print(type(e).__name__, e)
a.reverse()
print(a)
b = a.copy()
b.append("only in b")
print(len(a), len(b), a == b[:-1], b is not a)
a.clear()
print(a, len(a), b[-1])
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append("shared")
shallow[1] = "replaced"
print(nested, shallow)
x = []
x.append(x)
print(x, len(x), x[0] is x)
x.clear()
lst = [1, 2, 3]
ret = lst.append(4)
print(ret, lst.extend([5]), lst.insert(0, 0), lst.reverse(), lst.sort(), lst.clear())
self_extend = [1, 2]
self_extend.extend(self_extend)
print(self_extend)
count_types = [1, 1.0, True, "1", [1], (1,)]
print(count_types.count(1), count_types.index(True), [1, [1]].count([1]))
e = []
try:
    e.pop()
except IndexError as err:
    print(type(err).__name__, err)
try:
    [1, 2].pop(2)
except IndexError as err:
    print(type(err).__name__, err)
try:
    [].insert()
except TypeError as err:
    print(type(err).__name__, err)
