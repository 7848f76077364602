# 8 threads x 100,000 lock-protected increments give the exact total.
import threading

counter = 0
lock = threading.Lock()

def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1

ts = [threading.Thread(target=work, args=(100000,)) for _ in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter)
print(lock.locked())
