"""Fannkuch-redux over all SIZE! permutations of range(SIZE), enumerated by index (factorial number
system) and split into contiguous index ranges across THREADS.

checksum = max flips and sum(flips(p_k) * (-1)**k) over permutation indices k."""
from benchlib import args, parallel_ranges, report


def factorial(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    return f


def perm_at(n, k):
    items = list(range(n))
    out = []
    for i in range(n, 0, -1):
        f = factorial(i - 1)
        out.append(items.pop(k // f))
        k %= f
    return out


def next_perm(p):
    """Lexicographic successor in place; False after the last permutation."""
    i = len(p) - 2
    while i >= 0 and p[i] >= p[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(p) - 1
    while p[j] <= p[i]:
        j -= 1
    p[i], p[j] = p[j], p[i]
    p[i + 1:] = p[i + 1:][::-1]
    return True


def flips(p):
    q = list(p)
    count = 0
    first = q[0]
    while first != 0:
        q[: first + 1] = q[first::-1]
        count += 1
        first = q[0]
    return count


def part(n, start, stop):
    p = perm_at(n, start)
    best = 0
    check = 0
    for k in range(start, stop):
        f = flips(p)
        if f > best:
            best = f
        check += f if k % 2 == 0 else -f
        next_perm(p)
    return best, check


def main():
    threads, n = args(8)
    total = factorial(n)
    parts = parallel_ranges(threads, total, lambda a, b: part(n, a, b))
    report("%d %d" % (max(p[0] for p in parts), sum(p[1] for p in parts)))


main()
