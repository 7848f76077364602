# Thread subclasses overriding run(); results stored on the object.
import threading

class Summer(threading.Thread):
    def __init__(self, lo, hi):
        super().__init__()
        self.lo, self.hi = lo, hi
        self.total = None

    def run(self):
        self.total = sum(range(self.lo, self.hi))

class Named(threading.Thread):
    def run(self):
        self.msg = "I am " + self.name

ts = [Summer(i * 1000, (i + 1) * 1000) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([t.total for t in ts], sum(t.total for t in ts) == sum(range(5000)))
n = Named(name="custom")
n.start()
n.join()
print(n.msg)
try:
    n.start()
except RuntimeError as e:
    print("RuntimeError:", e)
class NoInit(threading.Thread):
    def __init__(self):
        pass
try:
    NoInit().start()
except RuntimeError as e:
    print("RuntimeError:", e)
