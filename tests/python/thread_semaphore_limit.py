# A Semaphore limits how many threads are inside a section at once.
import threading

sem = threading.Semaphore(3)
lock = threading.Lock()
inside = 0
peak = 0
entered = 0

def worker():
    global inside, peak, entered
    for _ in range(50):
        with sem:
            with lock:
                inside += 1
                entered += 1
                peak = max(peak, inside)
            x = sum(range(200))
            with lock:
                inside -= 1

ts = [threading.Thread(target=worker) for _ in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(entered, inside, peak <= 3, peak >= 1)
b = threading.BoundedSemaphore(2)
print(b.acquire(), b.acquire(), b.acquire(blocking=False))
b.release(); b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
s = threading.Semaphore(0)
print(s.acquire(timeout=0.01), s.acquire(False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.release(0)
except ValueError as e:
    print("ValueError:", e)
s.release(3)
print([s.acquire(False) for _ in range(4)])
