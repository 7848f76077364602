# Every list/tuple method, sort (key, reverse, stability, mutation during sort), dunders by name on subclasses, slice assignment errors.
a = [3,1,4,1,5,9,2,6]
a.sort(); print(a); a.sort(reverse=True); print(a)
w = ['banana','Apple','cherry','apple']; w.sort(key=len); print(w)
b = [(1,'b'),(0,'z'),(1,'a'),(0,'a')]; b.sort(key=lambda t: t[0]); print(b)
b.sort(key=lambda t: t[0], reverse=True); print(b)
x = [ (i*7919) % 1000 for i in range(500)]; y = sorted(x); x.sort(); print(x == y, x[:5], x[-3:])
try: [1,'a'].sort()
except TypeError as e: print(e)
l = [3,2,1]
def k(v):
    l.append(v); return v
try: l.sort(key=k)
except ValueError as e: print(e, l)
try: [].sort(1)
except TypeError as e: print(e)
a=[1,2,3]; a.extend(a); a.insert(0, 9); a.insert(-1, 8); a.insert(100, 7); print(a)
print(a.pop(), a.pop(0), a, a.index(2), a.index(2, 2), a.count(2))
try: a.index(42)
except ValueError as e: print(e)
try: a.remove(42)
except ValueError as e: print(e)
try: [].pop()
except IndexError as e: print(e)
try: [1].pop(5)
except IndexError as e: print(e)
a.reverse(); print(a, a.copy(), a.copy() is a); a.clear(); print(a)
class L(list):
    def __getitem__(self, i):
        return ('L', super().__getitem__(i))
    def __len__(self): return 42
x = L([1,2,3]); print(x[0], len(x), list.__len__(x), list.__getitem__(x, 1), list(x))
print(list.__add__([1],[2]), [1].__mul__(3), [1,2].__contains__(2), [1] == [1], [1].__lt__([2]), [1].__eq__((1,)))
t = (1,2,3,2); print(t.index(2), t.count(2), t.__len__(), t[1:], (1,)+(2,), tuple.__add__((1,),(2,)), hash(t) == t.__hash__())
try: t.index(7)
except ValueError as e: print(e)
try: [1]*'a'
except TypeError as e: print(e)
try: hash([])
except TypeError as e: print(e)
try: hash({})
except TypeError as e: print(e)
r = [1,2,3].__reversed__(); print(list(r))
a = [1,2,3]; a[0:1] = 'xy'; print(a)
try: a[0:1] = 5
except TypeError as e: print(e)
try: a[::2] = 5
except TypeError as e: print(e)
