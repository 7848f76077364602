# Deep recursion and RecursionError inside threads do not crash the VM.
import threading

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

def runaway(n):
    return runaway(n + 1)

out = []
def worker():
    out.append(depth(800))
    try:
        runaway(0)
    except RecursionError as e:
        out.append("RecursionError: " + str(e))

ts = [threading.Thread(target=worker) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
# Threads may interleave in any order: the multiset of results is what is fixed.
print(sorted(out, key=str))
