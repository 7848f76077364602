"""Micro-pattern (dict creation): every thread runs SIZE iterations (weak scaling, reported as T1*N/TN);
checksum = the per-thread result, identical in every thread."""
from benchlib import args, per_thread, report


def work(n):
    acc = 0
    for i in range(n):
        d = {"a": i, "b": 2, "c": 3}
        acc = (acc + d["a"] + len(d)) & 0xFFFFFF
    return acc


def main():
    threads, size = args(200000)
    report(per_thread(threads, size, work))


main()
