# Barrier phases: every thread finishes phase p before any starts phase p+1.
import threading

N, PHASES = 4, 5
barrier = threading.Barrier(N)
log = []
lock = threading.Lock()
indices = []

def worker(i):
    for p in range(PHASES):
        with lock:
            log.append(p)
        idx = barrier.wait()
        with lock:
            indices.append(idx)

ts = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(log == sorted(log), len(log))
print(sorted(indices) == sorted(list(range(N)) * PHASES))
print(barrier.parties, barrier.n_waiting, barrier.broken)
actions = []
b2 = threading.Barrier(3, action=lambda: actions.append("all here"))
ts = [threading.Thread(target=b2.wait) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(actions)
b3 = threading.Barrier(2)
try:
    b3.wait(timeout=0.01)
except threading.BrokenBarrierError:
    print("broken", b3.broken)
b3.reset()
print(b3.broken)
b3.abort()
try:
    b3.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", type(e).__mro__[1].__name__)
