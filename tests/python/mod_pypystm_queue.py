# pypystm.queue: put/get, Empty without blocking and after a timeout, task_done/join, producers and consumers on 4+4 threads.
try:
    import pypystm
except ImportError:  # CPython: the pure-Python stand-in in _stm_fallback.py
    from _stm_fallback import pypystm
import threading
import queue as stdqueue

q = pypystm.queue()
obj = []
q.put(obj)
print('same object', q.get() is obj)
try:
    q.get(block=False)
except pypystm.Empty as e:
    print('Empty (block=False)', type(e).__name__, repr(str(e)))
try:
    q.get(timeout=0.01)
except pypystm.Empty:
    print('Empty (timeout)')
try:
    q.get(False, 5)
except pypystm.Empty:
    print('Empty (block=False ignores timeout)')
try:
    q.get(True, -1)
except ValueError as e:
    print('ValueError', e)
print('Empty is an Exception', issubclass(pypystm.Empty, Exception),
      'and a queue.Empty', issubclass(pypystm.Empty, stdqueue.Empty))
q.put(obj)
print('get(block=False)', q.get(block=False) is obj)
q.put(obj)
print('get(timeout)', q.get(timeout=0.01) is obj)
for i in range(5):
    q.put(i)
print('fifo', [q.get() for i in range(5)])
for i in range(8):  # one per put
    q.task_done()
try:
    q.task_done()
except ValueError as e:
    print('ValueError', e)
q.join()
print('joined')

# --- a getter blocked with a timeout is woken by a put from another thread
q2 = pypystm.queue()
res = []


def waiter():
    res.append(q2.get(timeout=30))


t = threading.Thread(target=waiter)
t.start()
q2.put('wake')
t.join()
print('woken', res)

# --- 4 producers, 4 consumers, join
work = pypystm.queue()
results = pypystm.queue()
STOP = object()


def producer(p):
    for i in range(250):
        work.put(p * 1000 + i)


def consumer():
    total = 0
    n = 0
    while True:
        x = work.get()
        if x is STOP:
            work.task_done()
            break
        total += x * 2
        n += 1
        work.task_done()
    results.put((n, total))


consumers = [threading.Thread(target=consumer) for c in range(4)]
for c in consumers:
    c.start()
producers = [threading.Thread(target=producer, args=(p,)) for p in range(4)]
for p in producers:
    p.start()
for p in producers:
    p.join()
work.join()
print('all work done')
for c in consumers:
    work.put(STOP)
for c in consumers:
    c.join()
n = total = 0
for c in consumers:
    a, b = results.get(block=False)
    n += a
    total += b
print('consumed', n, total)
try:
    results.get(timeout=0.02)
except pypystm.Empty:
    print('results drained')
