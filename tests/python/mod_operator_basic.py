# operator: function forms, itemgetter, attrgetter, methodcaller
import operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(5), op.pos(-5), op.not_(0), op.truth([]), op.abs(-3), op.invert(5), op.inv(0))
print(op.eq(1, 1), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 5), op.rshift(64, 2))
print(op.is_(None, None), op.is_not(1, None), op.contains([1, 2], 2), op.concat([1], [2]), op.concat('a', 'b'))
print(op.index(7), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'), op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(5, 9))
l = [1, 2, 3]
op.setitem(l, 0, 'x'); op.delitem(l, 1); print(l, op.getitem(l, 1), op.getitem('hello', slice(1, 3)))
a = [1]; b = op.iadd(a, [2]); print(a, b is a)
print(op.iadd(1, 2), op.isub(5, 1), op.imul('ab', 2), op.iconcat([1], (2,)), op.ior({1}, {2}), op.ipow(2, 3))
for f in [lambda: op.index(1.5), lambda: op.concat(1, 2), lambda: op.indexOf([1], 5), lambda: op.add(1, 'a')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
g = op.itemgetter(1)
print(g('abc'), g([5, 6]), op.itemgetter(0, 2)('abc'), op.itemgetter('k')({'k': 'v'}), g)
print(op.itemgetter(0, 'x'))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=op.itemgetter(1)))
class N:
    pass
n = N(); n.a = 1; n.child = N(); n.child.name = 'kid'
print(op.attrgetter('a')(n), op.attrgetter('child.name')(n), op.attrgetter('a', 'child.name')(n), op.attrgetter('a', 'b.c'))
try:
    op.attrgetter('zz')(n)
except AttributeError as e:
    print('AttributeError', e)
try:
    op.attrgetter(1)
except TypeError as e:
    print('TypeError', e)
m = op.methodcaller('split', ',', maxsplit=1)
print(m('a,b,c'), m, op.methodcaller('upper')('q'), op.methodcaller('count', 'a'))
print(list(map(op.mul, [1, 2, 3], [4, 5, 6])), op.call(len, 'abc'))
