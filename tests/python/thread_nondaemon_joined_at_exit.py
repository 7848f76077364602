# Non-daemon threads still running when the main module ends are waited for.
import threading

go = threading.Event()
out = []

def late():
    go.wait()
    out.append("late")
    print("late thread finished", len(out))

t = threading.Thread(target=late)
t.start()
print("main body ends")
go.set()
