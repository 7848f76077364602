"""Spectral norm of the infinite matrix A (n = SIZE), 10 power iterations; every A·v and Aᵀ·v
product is split by rows across THREADS (each output element is computed by exactly one thread, in
the same order as serially, so the result does not depend on THREADS)."""
from benchlib import args, parallel_ranges, report


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times(v, transpose, threads):
    n = len(v)
    out = [0.0] * n

    def part(start, stop):
        for i in range(start, stop):
            s = 0.0
            if transpose:
                for j in range(n):
                    s += a(j, i) * v[j]
            else:
                for j in range(n):
                    s += a(i, j) * v[j]
            out[i] = s

    parallel_ranges(threads, n, part)
    return out


def at_times_a(v, threads):
    return times(times(v, False, threads), True, threads)


def main():
    threads, n = args(100)
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = at_times_a(u, threads)
        u = at_times_a(v, threads)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    report("%.9f" % ((vbv / vv) ** 0.5))


main()
