# copy: shallow and deep copies of builtins, instances, slots, custom hooks, recursion
import copy
l = [1, [2, 3], {'k': [4]}]
s = copy.copy(l); d = copy.deepcopy(l)
l[1].append(99); l[2]['k'].append(5)
print(s, d, s[1] is l[1], d[1] is l[1])
t = (1, [2]); print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(t) == t)
t2 = (1, 2, 'x'); print(copy.deepcopy(t2) is t2)
print(copy.copy({1, 2}), copy.deepcopy(frozenset([1])), copy.copy(bytearray(b'ab')), copy.copy('s'), copy.deepcopy(None))
class P:
    def __init__(self, x, tags):
        self.x = x
        self.tags = tags
    def __repr__(self):
        return 'P(%r, %r)' % (self.x, self.tags)
p = P(1, ['a'])
pc = copy.copy(p); pd = copy.deepcopy(p)
p.tags.append('b')
print(pc, pd, pc.tags is p.tags, type(pd).__name__)
class S:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = [1]
s1 = S(); s2 = copy.deepcopy(s1); s3 = copy.copy(s1)
print(s2.a, s2.a is s1.a, s3.a is s1.a)
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print('__copy__ called')
        return Custom(self.v + 1)
    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return Custom(self.v + 100)
print(copy.copy(Custom(1)).v, copy.deepcopy([Custom(1)])[0].v)
r = [1]; r.append(r)
rc = copy.deepcopy(r); print(rc[1] is rc, rc[0], rc is r)
shared = [0]; both = [shared, shared]
bc = copy.deepcopy(both); print(bc[0] is bc[1], bc[0] is shared)
dd = {'self': None}; dd['self'] = dd
dc = copy.deepcopy(dd); print(dc['self'] is dc)
class Node:
    def __init__(self):
        self.other = None
n1 = Node(); n2 = Node(); n1.other = n2; n2.other = n1
m = copy.deepcopy(n1); print(m.other.other is m, m is n1)
class L(list):
    pass
lc = copy.deepcopy(L([[1]])); print(type(lc).__name__, lc)
class Dd(dict):
    pass
print(type(copy.copy(Dd(a=1))).__name__, copy.deepcopy(Dd(a=[1])))
print(copy.copy(len) is len, copy.deepcopy(P) is P)
memo = {}
x = [1, 2]; y = copy.deepcopy([x, x], memo); print(y, id(x) in memo)
