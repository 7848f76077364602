# The main module raises while a non-daemon thread runs: the thread still finishes, exit status 1.
import threading

go = threading.Event()

def worker():
    go.wait()
    print("worker finished")

t = threading.Thread(target=worker)
t.start()
go.set()
raise KeyError("main failed")
