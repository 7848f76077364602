# Several threads import modules at the same time; every import sees a complete module.
import threading

res = []
lock = threading.Lock()

def worker():
    import string
    import queue
    import _thread_helper_mod as m
    with lock:
        res.append((string.digits, queue.Queue.__name__, m.VALUE, m.twice(21)))

ts = [threading.Thread(target=worker) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(res), res[0], all(r == res[0] for r in res))
