# collections.deque: both ends, maxlen, rotate, indexing, comparisons, errors
from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft([9, 8])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(0); print(d)
print(d.count(1), d.index('a'), 'b' in d, 99 in d)
d.insert(1, 'x'); print(d)
d.remove('x'); print(d)
d.reverse(); print(d)
e = d.copy(); e[0] = 'changed'; print(d[0], e[0])
del e[1]; print(e)
print(list(reversed(deque([1, 2, 3]))))
m = deque(range(5), maxlen=3); print(m, m.maxlen)
m.append(10); print(m)
m.appendleft(-1); print(m)
m.extend([7, 8]); print(m)
print(deque(maxlen=0), deque('abc', 2), deque())
z = deque(maxlen=0); z.append(1); print(z)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1, 2]) < deque([1, 3]), deque([2]) >= deque([1, 9]))
print(deque([1]) + deque([2]), deque([1, 2]) * 2, 2 * deque([3]))
q = deque([1]); q += [2, 3]; print(q)
q *= 2; print(q)
q.clear(); print(q, bool(q), bool(deque([0])))
# a long run of mixed operations to exercise wrap-around and growth
big = deque()
for i in range(100):
    big.append(i)
    if i % 3 == 0:
        big.appendleft(-i)
    if i % 5 == 0:
        big.popleft()
print(len(big), big[0], big[-1], big[50], sum(big))
while len(big) > 3:
    big.popleft()
print(big)
r = deque(range(10)); r.rotate(23); print(r)
s = deque([1]); s.append(s); print(s)
for f in [lambda: deque().pop(), lambda: deque().popleft(), lambda: d[50], lambda: d.index(99),
          lambda: d.remove(99), lambda: deque(maxlen=-1), lambda: deque(maxlen='a'),
          lambda: deque([1, 2, 3], 3).insert(0, 1), lambda: d + [1], lambda: d['a'],
          lambda: deque(1), lambda: deque([1]) * 'a']:
    try:
        print(f())
    except Exception as ex:
        print(type(ex).__name__, ex)
it = deque([1, 2, 3])
try:
    for x in it:
        it.append(x)
except RuntimeError as ex:
    print('RuntimeError', ex)
print(deque([1, 2, 3, 2]).index(2, 2), deque('abcabc').index('c', -3))
