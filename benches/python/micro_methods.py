"""Micro-pattern (method calls): every thread runs SIZE iterations (weak scaling, reported as T1*N/TN);
checksum = the per-thread result, identical in every thread."""
from benchlib import args, per_thread, report


class Counter:
    def __init__(self):
        self.value = 0

    def bump(self, k):
        self.value = (self.value + k) & 0xFFFFFF
        return self


def work(n):
    c = Counter()
    for i in range(n):
        c.bump(i)
    return c.value


def main():
    threads, size = args(200000)
    report(per_thread(threads, size, work))


main()
