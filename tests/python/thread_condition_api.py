# Condition: wait/notify ordering, notify(n), wait timeouts, wait_for, errors.
import threading

c = threading.Condition()
try:
    c.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
with c:
    print("timed out ->", c.wait(0.01))
    print("wait_for false ->", c.wait_for(lambda: False, timeout=0.01))
    print("wait_for true ->", c.wait_for(lambda: 5))

woken = []
ready = threading.Semaphore(0)
lock = threading.Lock()
cond = threading.Condition(lock)
def waiter(i):
    with cond:
        ready.release()
        cond.wait()
        woken.append(i)

ts = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for _ in ts:
    ready.acquire()
with cond:
    cond.notify(2)
while True:
    with cond:
        if len(woken) == 2:
            break
print("after notify(2):", len(woken))
with cond:
    cond.notify_all()
for t in ts:
    t.join()
print(sorted(woken))
