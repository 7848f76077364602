"""8 threads move money between shared accounts, each transfer one `with atomic:` block.

Usage: bank.py SEED [TRANSFERS_PER_THREAD]. Invariants checked (and printed for the Rust test):
the total is conserved, no balance is ever negative, and every audit (a sum of all accounts taken
inside an atomic block while the others keep transferring) sees the exact total.
"""
import random
import sys
import threading

try:
    from pypystm import atomic
except ImportError:
    atomic = threading.Lock()

THREADS = 8
ACCOUNTS = 16
START = 1000
TOTAL = ACCOUNTS * START

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
per_thread = int(sys.argv[2]) if len(sys.argv) > 2 else 1500

accounts = [START] * ACCOUNTS
done = [0] * THREADS        # transfers that moved money, per thread
refused = [0] * THREADS     # transfers refused for lack of funds, per thread
bad_audits = [0] * THREADS  # audits that saw a wrong total or a negative balance
audits = [0] * THREADS


def worker(tid):
    rng = random.Random(seed * 1000 + tid)
    moved = no = bad = aud = 0
    for i in range(per_thread):
        a = rng.randrange(ACCOUNTS)
        b = rng.randrange(ACCOUNTS)
        amount = rng.randrange(1, 400)
        with atomic:
            if accounts[a] >= amount:
                accounts[a] -= amount
                accounts[b] += amount
                ok = True
            else:
                ok = False
        if ok:
            moved += 1
        else:
            no += 1
        if i % 64 == 0:
            with atomic:
                s = 0
                lowest = 0
                for x in accounts:
                    s += x
                    if x < lowest:
                        lowest = x
            aud += 1
            if s != TOTAL or lowest < 0:
                bad += 1
    done[tid] = moved
    refused[tid] = no
    bad_audits[tid] = bad
    audits[tid] = aud


threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("total:", sum(accounts), "expected:", TOTAL)
print("min:", min(accounts))
print("transfers:", sum(done) + sum(refused), "expected:", THREADS * per_thread)
print("moved:", sum(done), "refused:", sum(refused))
print("audits:", sum(audits), "bad:", sum(bad_audits))
print("alive:", sum(1 for t in threads if t.is_alive()))
