# Threads allocate heavily (forcing collections) while others are blocked holding references.
import threading

holders = []
gate = threading.Event()
lock = threading.Lock()

def holder(i):
    mine = {"id": i, "data": [str(k) * 5 for k in range(200)], "nested": [[k] for k in range(100)]}
    gate.wait()
    ok = mine["id"] == i and len(mine["data"]) == 200 and mine["data"][199] == "199" * 5
    ok = ok and sum(x[0] for x in mine["nested"]) == 4950
    with lock:
        holders.append(ok)

def churn(n):
    total = 0
    for k in range(n):
        t = (k, str(k), [k, k + 1], {k: k})
        total += len(t[1]) + t[2][1] - t[2][0] + len(t[3])
    return total

hs = [threading.Thread(target=holder, args=(i,)) for i in range(6)]
for h in hs:
    h.start()
res = []
cs = [threading.Thread(target=lambda: res.append(churn(60000))) for _ in range(3)]
for c in cs:
    c.start()
for c in cs:
    c.join()
gate.set()
for h in hs:
    h.join()
print(res, holders)
