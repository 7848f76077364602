"""A TransactionQueue workload: SIZE tasks (Collatz lengths), a quarter of them adding a follow-up
task while the queue runs, results folded into a shared histogram inside `atomic` blocks.
Uses pypy-stm's `transaction.TransactionQueue` when present, else a small thread pool with the
same add/run interface. checksum = histogram hash and total."""
import threading
from collections import deque

from benchlib import args, atomic, report

try:
    from transaction import TransactionQueue  # type: ignore
except ImportError:

    class TransactionQueue:
        """Fallback: add(f, *args) queues a task; run(nthreads) runs tasks (including those added
        by running tasks) on nthreads worker threads until none is left."""

        def __init__(self):
            self._tasks = deque()
            self._cond = threading.Condition(threading.Lock())
            self._active = 0

        def add(self, f, *args):
            with self._cond:
                self._tasks.append((f, args))
                self._cond.notify()

        def run(self, nthreads=4):
            def worker():
                while True:
                    with self._cond:
                        while not self._tasks and self._active:
                            self._cond.wait()
                        if not self._tasks:
                            self._cond.notify_all()
                            return
                        f, a = self._tasks.popleft()
                        self._active += 1
                    try:
                        f(*a)
                    finally:
                        with self._cond:
                            self._active -= 1
                            self._cond.notify_all()

            ts = [threading.Thread(target=worker) for _ in range(nthreads)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()


def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def main():
    threads, size = args(4000)
    hist = [0] * 64
    total = [0]
    tq = TransactionQueue()

    def task(n, follow):
        s = 0
        for k in range(n, n + 20):
            s += collatz(k)
        with atomic:
            hist[s % 64] += 1
            total[0] += s
        if follow:
            tq.add(task, n + 1000003, False)

    for i in range(size):
        tq.add(task, i + 1, i % 4 == 0)
    tq.run(threads)
    h = 0
    for v in hist:
        h = (h * 131 + v) % 1000000007
    report("%d %d %d" % (sum(hist), h, total[0]))


main()
