# A readers-writer lock built on Condition; invariants: no reader sees a half-written record.
import threading

class RWLock:
    def __init__(self):
        self.cond = threading.Condition()
        self.readers = 0
        self.writer = False
    def r_acquire(self):
        with self.cond:
            while self.writer:
                self.cond.wait()
            self.readers += 1
    def r_release(self):
        with self.cond:
            self.readers -= 1
            if self.readers == 0:
                self.cond.notify_all()
    def w_acquire(self):
        with self.cond:
            while self.writer or self.readers:
                self.cond.wait()
            self.writer = True
    def w_release(self):
        with self.cond:
            self.writer = False
            self.cond.notify_all()

rw = RWLock()
record = {"a": 0, "b": 0}
bad = []
reads = [0]
lock = threading.Lock()

def writer(n):
    for i in range(n):
        rw.w_acquire()
        record["a"] += 1
        x = sum(range(50))
        record["b"] += 1
        rw.w_release()

def reader(n):
    for _ in range(n):
        rw.r_acquire()
        if record["a"] != record["b"]:
            bad.append(dict(record))
        rw.r_release()
        with lock:
            reads[0] += 1

ts = [threading.Thread(target=writer, args=(300,)) for _ in range(2)]
ts += [threading.Thread(target=reader, args=(500,)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(record, bad, reads[0])
