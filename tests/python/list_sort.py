# Checks list.sort/sorted: keys, reverse, stability (including with reverse), mixed numeric types, tuples, errors mid-sort.
nums = [5, -2, 9, 0, -7, 3, 3, 12]
print(sorted(nums), sorted(nums, reverse=True), sorted(nums, key=abs), sorted(nums, key=abs, reverse=True))
nums.sort()
print(nums)
words = ["banana", "Apple", "cherry", "apple", "date", "Banana", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w.lower())))
records = [("ann", 30), ("bob", 25), ("cy", 30), ("dee", 25), ("eve", 35), ("fay", 30)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
by_name = sorted(records)
print(sorted(by_name, key=lambda r: -r[1]))
print(sorted([3, 1.5, True, 2, 0.5, False]), sorted([1, 1.0, True]), sorted([1.0, 1, True]))
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1,)]), sorted([[2, 1], [1, 2, 3], [1, 2]]))
print(sorted("hello world"), sorted({3: "a", 1: "b"}), sorted({5, 2, 8}), sorted((x * x for x in range(-3, 4))))
print(sorted([]), sorted([1]), sorted([2, 1]), sorted(range(10, 0, -3)))
data = [5, 3, 8]
result = data.sort()
print(result, data)
print(sorted([0.1, -0.0, 0.0, -1e-300, float("inf"), float("-inf")]))
class Item:
    def __init__(self, n, tag):
        self.n, self.tag = n, tag
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return f"{self.n}{self.tag}"
items = [Item(2, "a"), Item(1, "b"), Item(2, "c"), Item(1, "d"), Item(0, "e")]
print(sorted(items), sorted(items, reverse=True))
try:
    sorted([3, "a", 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, 2].sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
big = [(i * 7919) % 1000 for i in range(1000)]
s = sorted(big)
print(s[:5], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
print(sorted(["b", "a"], key=None), max(words, key=len), min(words, key=len))
