# An exception escaping a thread is reported on stderr; the program goes on and exits 0.
import threading

def bad(x):
    return 1 / x

t = threading.Thread(target=bad, args=(0,), name="Worker-A")
t.start()
t.join()
print("alive:", t.is_alive())
results = []
def ok():
    results.append("ok")
t2 = threading.Thread(target=ok)
t2.start()
t2.join()
print(results)
