# 1000 threads, each doing a little work, all complete.
import threading

results = [None] * 1000
lock = threading.Lock()
done = [0]

def work(i):
    results[i] = sum(range(i % 50))
    with lock:
        done[0] += 1

ts = []
for i in range(1000):
    t = threading.Thread(target=work, args=(i,))
    t.start()
    ts.append(t)
for t in ts:
    t.join()
print(done[0], sum(results), results[:5], results[-1])
print(all(not t.is_alive() for t in ts), threading.active_count())
