# join(timeout) returns while the thread is still alive; is_alive tracks the lifecycle.
import threading

release = threading.Event()
def waiter():
    release.wait()

t = threading.Thread(target=waiter)
print("before start", t.is_alive())
t.start()
t.join(timeout=0.05)
print("after timed join", t.is_alive())
release.set()
t.join()
print("after join", t.is_alive())
t.join()
print("second join ok")
try:
    threading.Thread(target=waiter).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
