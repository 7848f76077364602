# Lock API: acquire/release/locked, non-blocking and timed acquire, error messages.
import threading, _thread

l = threading.Lock()
print(type(l).__name__, l.locked())
print(l.acquire(), l.locked())
print(l.acquire(False), l.acquire(timeout=0.01), l.acquire(blocking=True, timeout=0))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
for args in [(False, 1), (True, -2)]:
    try:
        l.acquire(*args)
    except ValueError as e:
        print("ValueError:", e)
with l:
    print("in with", l.locked())
print("after with", l.locked())
print(threading.Lock is _thread.allocate_lock, isinstance(l, _thread.LockType))
print(_thread.TIMEOUT_MAX == threading.TIMEOUT_MAX, threading.ThreadError is RuntimeError)
# A lock released by a different thread than the one that acquired it (allowed for Lock).
l.acquire()
t = threading.Thread(target=l.release)
t.start()
t.join()
print("released by other thread", l.locked())
