# Random-looking transfers between accounts under per-account locks (ordered): total conserved.
import threading

N = 10
balances = [1000] * N
locks = [threading.Lock() for _ in range(N)]

def transfers(seed, n):
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % (1 << 31)
        a = x % N
        b = (x // N) % N
        if a == b:
            continue
        amt = x % 50
        lo, hi = min(a, b), max(a, b)
        with locks[lo]:
            with locks[hi]:
                if balances[a] >= amt:
                    balances[a] -= amt
                    balances[b] += amt

ts = [threading.Thread(target=transfers, args=(s, 3000)) for s in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(balances), min(balances) >= 0)
