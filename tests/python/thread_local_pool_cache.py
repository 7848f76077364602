# Per-thread caches with threading.local inside a pool of workers.
import threading, queue

cache = threading.local()
jobs = queue.Queue()
results = []
lock = threading.Lock()

def get_cache():
    c = getattr(cache, "c", None)
    if c is None:
        c = cache.c = {}
    return c

def worker():
    while True:
        n = jobs.get()
        if n is None:
            break
        c = get_cache()
        if n not in c:
            c[n] = sum(i * i for i in range(n))
        with lock:
            results.append((n, c[n]))

ws = [threading.Thread(target=worker) for _ in range(3)]
for w in ws:
    w.start()
for n in [10, 20, 10, 30, 20, 10] * 5:
    jobs.put(n)
for w in ws:
    jobs.put(None)
for w in ws:
    w.join()
print(len(results), sorted(set(results)))
print(hasattr(cache, "c"))
