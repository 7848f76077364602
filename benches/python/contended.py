"""A contended workload: THREADS split SIZE updates of four shared counters and one shared dict,
each update in its own `atomic` block (every transaction conflicts with every other under STM).
checksum = the counters and the dict's contents."""
from benchlib import args, atomic, parallel_ranges, report


def main():
    threads, size = args(100000)
    counters = [0, 0, 0, 0]
    seen = {}

    def work(start, stop):
        for i in range(start, stop):
            with atomic:
                counters[i & 3] += i
                k = i % 37
                seen[k] = seen.get(k, 0) + 1

    parallel_ranges(threads, size, work)
    report("%s %d" % (" ".join(str(c) for c in counters), sum(k * v for k, v in sorted(seen.items()))))


main()
