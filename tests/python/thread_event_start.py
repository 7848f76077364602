# Threads wait on an Event start signal; none runs its work before the signal.
import threading

start = threading.Event()
ready = threading.Semaphore(0)
log = []
lock = threading.Lock()

def worker(i):
    ready.release()
    start.wait()
    with lock:
        log.append(i)

ts = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for _ in ts:
    ready.acquire()
print("before", log, start.is_set())
start.set()
for t in ts:
    t.join()
print("after", sorted(log), start.is_set())
start.clear()
print(start.is_set(), start.wait(0.01))
