# Partial sums computed by threads and combined after join.
import threading

def partial(lo, hi, out, i):
    s = 0
    for x in range(lo, hi):
        s += x * x
    out[i] = s

N = 200000
for nthreads in (1, 2, 4, 7):
    out = [0] * nthreads
    step = N // nthreads
    ts = []
    for i in range(nthreads):
        lo = i * step
        hi = N if i == nthreads - 1 else lo + step
        ts.append(threading.Thread(target=partial, args=(lo, hi, out, i)))
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(nthreads, sum(out), sum(out) == sum(x * x for x in range(N)))
