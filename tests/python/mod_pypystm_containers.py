# pypystm: stmdict, stmset and hashtable operations, alone and updated by 4 threads.
try:
    import pypystm
except ImportError:  # CPython: the pure-Python stand-in in _stm_fallback.py
    from _stm_fallback import pypystm
import threading

atomic = pypystm.atomic

# --- stmdict
d = pypystm.stmdict()
print('empty', len(d), 'a' in d, d.get('a'), d.get('a', 5))
d['a'] = 1
d['b'] = 2
d[3] = 'three'
d[(1, 2)] = [1, 2]
print('len', len(d), 'a' in d, 3 in d, (1, 2) in d, 'z' in d)
print('getitem', d['a'], d[3], d[(1, 2)])
try:
    d['missing']
except KeyError as e:
    print('KeyError', e)
print('setdefault', d.setdefault('a', 100), d.setdefault('c', 30), d['c'], d.setdefault('n'), d['n'])
print('pop', d.pop('c'), d.pop('c', 'dflt'), len(d))
try:
    d.pop('c')
except KeyError as e:
    print('pop KeyError', e)
del d['n']
try:
    del d['n']
except KeyError as e:
    print('del KeyError', e)
d['a'] += 10
print('keys', sorted(map(str, d.keys())))
print('values', sorted(map(str, d.values())))
print('items', sorted((str(k), str(v)) for k, v in d.items()))
print('types', type(d.keys()).__name__, type(d.values()).__name__, type(d.items()).__name__)
print('iter', sorted(map(str, d)))
d.clear() if hasattr(d, 'clear') else None
print('cleared', len(d))

# --- stmset
s = pypystm.stmset()
for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    s.add(x)
print('set', len(s), sorted(s), 4 in s, 7 in s)
s.remove(4)
s.discard(4)
s.discard(100)
try:
    s.remove(4)
except KeyError as e:
    print('remove KeyError', e)
print('set after', len(s), sorted(s))
s.add('x')
s.add(('t', 1))
print('mixed', 'x' in s, ('t', 1) in s, len(s))

# --- hashtable (integer keys)
h = pypystm.hashtable()
h[42 + 65536] = 'bar'
try:
    h[42]
except KeyError as e:
    print('h KeyError', e)
h[42] = 'foo'
print('h', h[42], 42 in h, 43 in h, len(h))
del h[42]
print('h del', 42 in h, h[42 + 65536], len(h))
try:
    del h[42]
except KeyError as e:
    print('h del KeyError', e)
print('h get', h.get(42), h.get(-43, None), h.get(44, 81))
print('h setdefault', h.setdefault(42), h[42], h.setdefault(42, '81'), h.setdefault(44, '-81'), h[44])
h[-7] = 'neg'
h[10 ** 6] = 'big'
print('h pop', h.pop(-7), h.pop(-7, 'gone'), len(h))
print('h keys', sorted(h.keys()))
print('h values', sorted(map(str, h.values())))
print('h items', sorted((k, str(v)) for k, v in h.items()))
print('h iter', sorted(h))
h[True] = 'bool-key'
print('h bool key', h[1])

# --- concurrent updates: 4 threads, distinct keys and one shared key
sd = pypystm.stmdict()
ht = pypystm.hashtable()
ss = pypystm.stmset()
sd['total'] = 0


def fill(tid):
    for i in range(300):
        k = tid * 1000 + i
        sd[k] = i
        ht[k] = tid
        ss.add(k % 500)
        with atomic:
            sd['total'] += i
            ht.setdefault(-1, 0)
            ht[-1] += 1
        if i % 3 == 0:
            del sd[k]


threads = [threading.Thread(target=fill, args=(t,)) for t in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('sd', len(sd), sd['total'], sum(v for k, v in sd.items() if k != 'total'))
print('ht', len(ht), ht[-1], sum(ht.values()) - ht[-1])
print('ss', len(ss), min(ss), max(ss))
