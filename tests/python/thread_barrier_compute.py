# Parallel iterative computation in lock-step phases (Barrier): deterministic numeric result.
import threading

N, STEPS, W = 64, 30, 4
cur = [float(i % 7) for i in range(N)]
nxt = [0.0] * N
barrier = threading.Barrier(W)

def worker(w):
    global cur, nxt
    lo, hi = w * N // W, (w + 1) * N // W
    for step in range(STEPS):
        c, n = cur, nxt
        for i in range(lo, hi):
            n[i] = (c[i - 1] + c[i] + c[(i + 1) % N]) / 3.0
        if barrier.wait() == 0:
            cur, nxt = nxt, cur
        barrier.wait()

ts = [threading.Thread(target=worker, args=(w,)) for w in range(W)]
for t in ts:
    t.start()
for t in ts:
    t.join()

ser = [float(i % 7) for i in range(N)]
for step in range(STEPS):
    ser = [(ser[i - 1] + ser[i] + ser[(i + 1) % N]) / 3.0 for i in range(N)]
print(round(sum(cur), 9), cur == ser, [round(x, 6) for x in cur[:4]])
