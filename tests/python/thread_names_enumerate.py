# Thread names, current_thread, main_thread, enumerate, active_count, idents.
import threading

print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.current_thread().daemon, isinstance(threading.get_ident(), int))
hold = threading.Event()
names = []
lock = threading.Lock()

def f():
    with lock:
        names.append(threading.current_thread().name)
    hold.wait()

def g():
    hold.wait()

ts = [threading.Thread(target=f), threading.Thread(target=g, name="gee"), threading.Thread(target=f, name=42)]
for t in ts:
    t.start()
print(threading.active_count(), len(threading.enumerate()))
print(sorted(t.name for t in threading.enumerate()))
hold.set()
for t in ts:
    t.join()
print(sorted(names))
print(threading.active_count(), [t.name for t in threading.enumerate()])
t = threading.Thread(target=g)
print(t.ident is None, t.native_id is None)
t.name = "renamed"
print(t.name)
hold2 = threading.Thread(target=lambda: None)
hold2.start(); hold2.join()
print(isinstance(hold2.ident, int), hold2.ident != threading.get_ident())
print(threading.main_thread().ident == threading.get_ident())
