"""Micro-pattern (thread-local reads): every thread runs SIZE iterations (weak scaling, reported as T1*N/TN);
checksum = the per-thread result, identical in every thread."""
from benchlib import args, per_thread, report

import threading

LOCAL = threading.local()


def work(n):
    LOCAL.step = 3
    acc = 0
    for i in range(n):
        acc = (acc + LOCAL.step) & 0xFFFFFF
    return acc


def main():
    threads, size = args(200000)
    report(per_thread(threads, size, work))


main()
