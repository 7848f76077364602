# Unlocked list.append / dict stores from many threads: each operation is atomic, nothing is lost.
import threading

lst = []
d = {}
s = set()

def worker(k):
    for i in range(2000):
        lst.append((k, i))
        d[(k, i)] = i
        s.add(k * 10000 + i)

ts = [threading.Thread(target=worker, args=(k,)) for k in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(lst), len(d), len(s))
print(sorted(lst) == sorted((k, i) for k in range(6) for i in range(2000)))
print(sum(d.values()) == 6 * sum(range(2000)))
