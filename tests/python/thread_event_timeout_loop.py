# Event.wait with short timeouts in a loop until another thread sets it.
import threading

ev = threading.Event()
count = threading.Semaphore(0)

def setter():
    for _ in range(3):
        count.acquire()
    ev.set()

t = threading.Thread(target=setter)
t.start()
loops = 0
while not ev.wait(0.001):
    loops += 1
    count.release()
t.join()
print(ev.is_set(), loops >= 3)
print(threading.Event().wait(0), threading.Event().wait(timeout=0.001))
