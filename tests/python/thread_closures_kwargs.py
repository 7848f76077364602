# Targets with closures, default-argument capture, kwargs, bound methods and lambdas.
import threading

out = {}
lock = threading.Lock()

def make(i):
    def work(scale, *, offset=0):
        with lock:
            out[i] = i * scale + offset
    return work

ts = [threading.Thread(target=make(i), args=(10,), kwargs={"offset": 1}) for i in range(5)]
ts += [threading.Thread(target=lambda i=i: out.__setitem__(100 + i, -i)) for i in range(3)]

class Acc:
    def __init__(self):
        self.v = []
    def add(self, x, y=0):
        with lock:
            self.v.append(x + y)

a = Acc()
ts += [threading.Thread(target=a.add, args=(i,), kwargs={"y": 100}) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out.items()))
print(sorted(a.v))
