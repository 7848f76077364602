# A pool of 2 resources guarded by a BoundedSemaphore: never more than 2 borrowed at once.
import threading

class ResourcePool:
    def __init__(self, items):
        self.items = list(items)
        self.sem = threading.BoundedSemaphore(len(self.items))
        self.lock = threading.Lock()
        self.max_out = 0
        self.out = 0
    def borrow(self):
        self.sem.acquire()
        with self.lock:
            self.out += 1
            self.max_out = max(self.max_out, self.out)
            return self.items.pop()
    def give_back(self, r):
        with self.lock:
            self.out -= 1
            self.items.append(r)
        self.sem.release()

pool = ResourcePool(["conn-a", "conn-b"])
uses = {}
ulock = threading.Lock()

def client(i):
    for _ in range(20):
        r = pool.borrow()
        with ulock:
            uses[r] = uses.get(r, 0) + 1
        pool.give_back(r)

ts = [threading.Thread(target=client, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
# Which connections got used depends on the schedule; that only known ones were used does not.
print(sum(uses.values()), set(uses) <= {"conn-a", "conn-b"}, pool.max_out <= 2, sorted(pool.items))
