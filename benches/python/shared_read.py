"""Shared, read-mostly data: THREADS split SIZE lookups into a shared table, dict and object
graph; one operation in 500 writes a shared statistics counter inside an `atomic` block.
checksum = sum of everything read and the statistics total."""
from benchlib import args, atomic, hash_int, parallel_ranges, report


class Item:
    __slots__ = ("weight", "tags")

    def __init__(self, weight, tags):
        self.weight = weight
        self.tags = tags


def main():
    threads, size = args(200000)
    table = [hash_int(i) % 1000 for i in range(4096)]
    names = {"k%d" % i: i * 3 for i in range(512)}
    keys = list(names)
    items = [Item(i % 97, (i % 5, i % 7)) for i in range(1024)]
    stats = [0] * 16

    def work(start, stop):
        acc = 0
        for i in range(start, stop):
            h = hash_int(i)
            acc += table[h & 4095]
            acc += names[keys[h % 512]]
            it = items[(h >> 12) & 1023]
            acc += it.weight + it.tags[0] * it.tags[1]
            if i % 500 == 0:
                with atomic:
                    stats[i % 16] += 1
        return acc

    total = sum(parallel_ranges(threads, size, work))
    report("%d %d" % (total, sum(stats)))


main()
