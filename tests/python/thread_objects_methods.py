# Shared objects with methods, properties and class-level counters used from many threads.
import threading

class Account:
    created = 0
    _lock = threading.Lock()
    def __init__(self, owner):
        with Account._lock:
            Account.created += 1
        self.owner = owner
        self._balance = 0
        self.lock = threading.Lock()
    @property
    def balance(self):
        return self._balance
    def deposit(self, n):
        with self.lock:
            self._balance += n
    def __repr__(self):
        return "Account(%s, %d)" % (self.owner, self._balance)

accounts = []
alock = threading.Lock()
def opener(i):
    a = Account("owner%d" % i)
    with alock:
        accounts.append(a)
ts = [threading.Thread(target=opener, args=(i,)) for i in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
accounts.sort(key=lambda a: a.owner)
def depositor(k):
    for i in range(500):
        accounts[i % 10].deposit(k)
ts = [threading.Thread(target=depositor, args=(k,)) for k in (1, 2, 3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(Account.created, sum(a.balance for a in accounts), accounts[:3])
