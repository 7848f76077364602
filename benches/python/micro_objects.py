"""Micro-pattern (object creation): every thread runs SIZE iterations (weak scaling, reported as T1*N/TN);
checksum = the per-thread result, identical in every thread."""
from benchlib import args, per_thread, report


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def work(n):
    acc = 0
    for i in range(n):
        p = Point(i, 1)
        acc = (acc + p.x + p.y) & 0xFFFFFF
    return acc


def main():
    threads, size = args(200000)
    report(per_thread(threads, size, work))


main()
