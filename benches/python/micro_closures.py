"""Micro-pattern (closure creation): every thread runs SIZE iterations (weak scaling, reported as T1*N/TN);
checksum = the per-thread result, identical in every thread."""
from benchlib import args, per_thread, report


def work(n):
    acc = 0
    for i in range(n):
        def f(k, i=i):
            return k + i
        acc = f(acc) & 0xFFFFFF
    return acc


def main():
    threads, size = args(200000)
    report(per_thread(threads, size, work))


main()
