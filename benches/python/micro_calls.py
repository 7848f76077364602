"""Micro-pattern (function calls): every thread runs SIZE iterations (weak scaling, reported as T1*N/TN);
checksum = the per-thread result, identical in every thread."""
from benchlib import args, per_thread, report


def add(a, b):
    return a + b


def work(n):
    acc = 0
    for i in range(n):
        acc = add(acc, i) & 0xFFFFFF
    return acc


def main():
    threads, size = args(200000)
    report(per_thread(threads, size, work))


main()
