# sys.exit in the main thread waits for non-daemon threads, then exits with the code.
import sys, threading

ev = threading.Event()
res = []
def worker():
    ev.wait()
    res.append(1)
    print("worker done", res)

threading.Thread(target=worker).start()
print("exiting")
ev.set()
sys.exit(4)
