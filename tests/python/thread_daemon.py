# A daemon thread blocked forever does not keep the program alive.
import threading

forever = threading.Event()
started = threading.Event()

def stuck():
    started.set()
    forever.wait()

t = threading.Thread(target=stuck, daemon=True)
print(t.daemon)
t.start()
started.wait()
print("daemon started", t.is_alive())
t2 = threading.Thread(target=lambda: None)
t2.daemon = True
print(t2.daemon)
try:
    t.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
print("main done")
