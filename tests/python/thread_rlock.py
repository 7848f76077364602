# RLock: the owner may re-enter; other threads wait; only the owner may release.
import threading

r = threading.RLock()
log = []

def recurse(n):
    with r:
        log.append(n)
        if n > 0:
            recurse(n - 1)

recurse(4)
print(log)
with r:
    with r:
        print("nested ok")

errors = []
def bad_release():
    try:
        r.release()
    except RuntimeError as e:
        errors.append(str(e))
r.acquire()
t = threading.Thread(target=bad_release)
t.start()
t.join()
r.release()
print(errors)
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

count = 0
def inc():
    global count
    for _ in range(2000):
        with r:
            with r:
                count += 1
ts = [threading.Thread(target=inc) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(count)
print(r.acquire(blocking=False), r.acquire(timeout=0.1))
r.release(); r.release()
