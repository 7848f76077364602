# A generator created in one thread is resumed by others (one at a time, under a lock).
import threading

def gen():
    total = 0
    for i in range(100):
        x = yield i
        if x:
            total += x
    yield "total=%d" % total

g = gen()
first = next(g)
lock = threading.Lock()
seen = []

def consume(k):
    for _ in range(33):
        with lock:
            seen.append(g.send(k))

ts = [threading.Thread(target=consume, args=(k,)) for k in (1, 2, 3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(first, sorted(seen)[:5], len(seen), next(g))
