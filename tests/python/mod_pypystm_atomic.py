# pypystm: atomic nesting and is_atomic depth, exclusive_atomic errors, exact counters from 8 threads in atomic blocks, count/time/clock/local.
try:
    import pypystm
except ImportError:  # CPython: the pure-Python stand-in in _stm_fallback.py
    from _stm_fallback import pypystm
import threading

atomic = pypystm.atomic

# --- nesting and depth
print('depth0', pypystm.is_atomic())
with atomic:
    print('depth1', pypystm.is_atomic())
    with atomic:
        print('depth2', pypystm.is_atomic())
        with atomic:
            print('depth3', pypystm.is_atomic())
        print('back2', pypystm.is_atomic())
    print('back1', pypystm.is_atomic())
print('back0', pypystm.is_atomic())


# --- an exception leaves the block (depth restored) and propagates
def boom():
    with atomic:
        with atomic:
            raise ValueError('inside')


try:
    boom()
except ValueError as e:
    print('caught', type(e).__name__, e, 'depth', pypystm.is_atomic())

# --- a return inside nested blocks
def ret():
    with atomic:
        with atomic:
            return pypystm.is_atomic()


print('ret', ret(), pypystm.is_atomic())

# --- exclusive_atomic
with pypystm.exclusive_atomic:
    print('exclusive depth', pypystm.is_atomic())
    try:
        with atomic:
            print('atomic inside exclusive', pypystm.is_atomic())
    except RuntimeError as e:
        print('unexpected', e)
print('after exclusive', pypystm.is_atomic())
with atomic:
    try:
        with pypystm.exclusive_atomic:
            print('not reached')
    except RuntimeError as e:
        print(type(e).__name__, e)
        print('is pypystm.error', isinstance(e, pypystm.error))
    print('depth still', pypystm.is_atomic())
print('depth end', pypystm.is_atomic())

# --- more exits than enters
try:
    atomic.__exit__(None, None, None)
except RuntimeError as e:
    print(type(e).__name__, e)
print('depth after bad exit', pypystm.is_atomic())

# --- counters: 8 threads, unsynchronised read-modify-write inside atomic blocks
counter = 0
box = {'n': 0}
cells = [0] * 4


class Obj:
    def __init__(self):
        self.n = 0


obj = Obj()


def work(tid, n):
    global counter
    for i in range(n):
        with atomic:
            counter += 1
            box['n'] += 1
            cells[i % 4] += 1
            v = obj.n
            obj.n = v + 1
            if i % 100 == 0:
                with atomic:  # nested block inside the transaction
                    counter += 1


threads = [threading.Thread(target=work, args=(t, 2000)) for t in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('counter', counter, 'box', box['n'], 'cells', cells, 'obj', obj.n)

# --- 4 threads moving money between accounts: the total never changes
accounts = [100] * 10
seen_totals = set()


def transfer(tid):
    for i in range(500):
        a = (tid * 7 + i) % 10
        b = (tid * 3 + i * 5 + 1) % 10
        with atomic:
            amount = accounts[a] // 3
            accounts[a] -= amount
            accounts[b] += amount
            if i % 50 == 0:
                seen_totals.add(sum(accounts))


threads = [threading.Thread(target=transfer, args=(t,)) for t in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('total', sum(accounts), 'seen', sorted(seen_totals))

# --- count(): distinct positive integers, increasing within one thread
c = [pypystm.count() for i in range(5)]
print('count increasing', all(c[i] < c[i + 1] for i in range(4)), c[0] > 0)
got = []


def counts():
    mine = [pypystm.count() for i in range(200)]
    with atomic:
        got.extend(mine)


threads = [threading.Thread(target=counts) for t in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('count distinct', len(got), len(set(got)))

# --- misc
print('segments', type(pypystm.getsegmentlimit()).__name__, pypystm.getsegmentlimit() >= 1)
print('hint', pypystm.hint_commit_soon())
t0 = pypystm.time()
k0 = pypystm.clock()
k1 = pypystm.clock()
print('time', type(t0).__name__, t0 > 1.6e9, type(k0).__name__, k1 >= k0)

loc = pypystm.local()
loc.x = 'main'
res = []


def tl(i):
    loc.x = i
    res.append((i, loc.x, hasattr(loc, 'y')))


loc.y = 1
threads = [threading.Thread(target=tl, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('local', sorted(res), loc.x, loc.y)
