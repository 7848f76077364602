"""A shared skip list: THREADS insert SIZE keys, delete every key divisible by 3, then look up SIZE
keys; every operation inside an `atomic` block. Node levels come from a hash of the key (no random
module), so the structure is deterministic; checksum = length, key hash, lookup hits."""
from benchlib import args, atomic, hash_int, parallel_ranges, report

MAX_LEVEL = 16


class Node:
    __slots__ = ("key", "next")

    def __init__(self, key, level):
        self.key = key
        self.next = [None] * level


def level_of(key):
    h = hash_int(key * 7 + 3)
    level = 1
    while h & 3 == 0 and level < MAX_LEVEL:
        level += 1
        h >>= 2
    return level


class SkipList:
    def __init__(self):
        self.head = Node(-1, MAX_LEVEL)

    def _preds(self, key):
        preds = [None] * MAX_LEVEL
        node = self.head
        for lvl in range(MAX_LEVEL - 1, -1, -1):
            nxt = node.next[lvl]
            while nxt is not None and nxt.key < key:
                node = nxt
                nxt = node.next[lvl]
            preds[lvl] = node
        return preds

    def contains(self, key):
        node = self.head
        for lvl in range(MAX_LEVEL - 1, -1, -1):
            nxt = node.next[lvl]
            while nxt is not None and nxt.key < key:
                node = nxt
                nxt = node.next[lvl]
        nxt = node.next[0]
        return nxt is not None and nxt.key == key

    def insert(self, key):
        preds = self._preds(key)
        nxt = preds[0].next[0]
        if nxt is not None and nxt.key == key:
            return False
        node = Node(key, level_of(key))
        for lvl in range(len(node.next)):
            node.next[lvl] = preds[lvl].next[lvl]
            preds[lvl].next[lvl] = node
        return True

    def delete(self, key):
        preds = self._preds(key)
        node = preds[0].next[0]
        if node is None or node.key != key:
            return False
        for lvl in range(len(node.next)):
            preds[lvl].next[lvl] = node.next[lvl]
        return True


def main():
    threads, size = args(20000)
    sl = SkipList()
    space = size * 2

    def inserts(start, stop):
        for i in range(start, stop):
            with atomic:
                sl.insert(hash_int(i) % space)

    def deletes(start, stop):
        for k in range(start, stop):
            if k % 3 == 0:
                with atomic:
                    sl.delete(k)

    def lookups(start, stop):
        hits = 0
        for i in range(start, stop):
            with atomic:
                if sl.contains(hash_int(i + 555555) % space):
                    hits += 1
        return hits

    parallel_ranges(threads, size, inserts)
    parallel_ranges(threads, space, deletes)
    hits = sum(parallel_ranges(threads, size, lookups))
    n = 0
    h = 0
    node = sl.head.next[0]
    while node is not None:
        n += 1
        h = (h * 31 + node.key) % 1000000007
        node = node.next[0]
    report("%d %d %d" % (n, h, hits))


main()
