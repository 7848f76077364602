# threading.local: each thread sees its own attributes; subclass __init__ runs per thread.
import threading

data = threading.local()
data.name = "main"
seen = []
lock = threading.Lock()

def worker(i):
    print_missing = not hasattr(data, "name")
    data.name = "worker%d" % i
    data.items = [i] * i
    with lock:
        seen.append((i, print_missing, data.name, len(data.items)))

ts = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen))
print(data.name, hasattr(data, "items"))

class Counter(threading.local):
    inits = 0
    def __init__(self, start):
        Counter.inits += 1
        self.value = start
    def bump(self):
        self.value += 1
        return self.value

c = Counter(10)
res = []
def use():
    for _ in range(3):
        v = c.bump()
    with lock:
        res.append(v)
ts = [threading.Thread(target=use) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(res, c.value, Counter.inits)
del data.name
print(hasattr(data, "name"))
try:
    del data.name
except AttributeError as e:
    print("AttributeError:", e)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
print(sorted(data.__dict__))
