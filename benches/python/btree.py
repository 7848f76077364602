"""A shared B-tree (minimum degree 4): THREADS insert SIZE pseudo-random keys, then look up SIZE
keys, every operation inside an `atomic` block (pypystm.atomic, or one lock elsewhere).

The tree's shape depends on the interleaving, its contents do not: checksum = number of keys, a
hash of the in-order key sequence, and the lookup hits."""
from benchlib import args, atomic, hash_int, parallel_ranges, report

T = 4  # minimum degree: a node holds T-1 .. 2T-1 keys


class Node:
    __slots__ = ("keys", "children")

    def __init__(self):
        self.keys = []
        self.children = []


class BTree:
    def __init__(self):
        self.root = Node()

    def contains(self, key):
        node = self.root
        while True:
            keys = node.keys
            lo, hi = 0, len(keys)
            while lo < hi:
                mid = (lo + hi) // 2
                if keys[mid] < key:
                    lo = mid + 1
                else:
                    hi = mid
            if lo < len(keys) and keys[lo] == key:
                return True
            if not node.children:
                return False
            node = node.children[lo]

    def split_child(self, parent, i):
        full = parent.children[i]
        right = Node()
        mid = full.keys[T - 1]
        right.keys = full.keys[T:]
        full.keys = full.keys[: T - 1]
        if full.children:
            right.children = full.children[T:]
            full.children = full.children[:T]
        parent.keys.insert(i, mid)
        parent.children.insert(i + 1, right)

    def insert(self, key):
        if self.contains(key):
            return False
        root = self.root
        if len(root.keys) == 2 * T - 1:
            new_root = Node()
            new_root.children.append(root)
            self.split_child(new_root, 0)
            self.root = new_root
        node = self.root
        while True:
            i = 0
            keys = node.keys
            while i < len(keys) and keys[i] < key:
                i += 1
            if not node.children:
                keys.insert(i, key)
                return True
            if len(node.children[i].keys) == 2 * T - 1:
                self.split_child(node, i)
                if node.keys[i] < key:
                    i += 1
            node = node.children[i]

    def walk(self, node, out):
        if not node.children:
            out.extend(node.keys)
            return
        for i, k in enumerate(node.keys):
            self.walk(node.children[i], out)
            out.append(k)
        self.walk(node.children[-1], out)


def main():
    threads, size = args(20000)
    tree = BTree()
    space = size * 2

    def inserts(start, stop):
        for i in range(start, stop):
            with atomic:
                tree.insert(hash_int(i) % space)

    def lookups(start, stop):
        hits = 0
        for i in range(start, stop):
            with atomic:
                if tree.contains(hash_int(i + 7777777) % space):
                    hits += 1
        return hits

    parallel_ranges(threads, size, inserts)
    hits = sum(parallel_ranges(threads, size, lookups))
    keys = []
    tree.walk(tree.root, keys)
    h = 0
    for k in keys:
        h = (h * 31 + k) % 1000000007
    ordered = all(keys[i] < keys[i + 1] for i in range(len(keys) - 1))
    report("%d %d %d %s" % (len(keys), h, hits, ordered))


main()
