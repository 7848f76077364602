# threading.excepthook can be replaced; it receives exc_type, exc_value, thread.
import threading

caught = []
def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))

threading.excepthook = hook

def fail(msg):
    raise RuntimeError(msg)

for i in range(3):
    t = threading.Thread(target=fail, args=("oops %d" % i,), name="T%d" % i)
    t.start()
    t.join()
print(caught)

def quiet():
    raise SystemExit(3)
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=quiet)
t.start()
t.join()
print("SystemExit in a thread is silent")
