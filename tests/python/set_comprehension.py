# Checks set comprehensions, deduplication idioms, set-based algorithms, and sorted printing for string sets.
print({x % 5 for x in range(20)}, {x * x for x in range(-3, 4)}, {n for n in range(10) if n % 3 == 0})
text = "the quick brown fox jumps over the lazy dog the end"
words = {w for w in text.split()}
print(len(words), sorted(words))
letters = {c for c in text if c.isalpha()}
print(len(letters), "".join(sorted(letters)))
print(sorted({w[0] for w in text.split()}), sorted({len(w) for w in text.split()}))
pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
print(sorted(pairs))
def primes_upto(n):
    composite = {m for i in range(2, int(n ** 0.5) + 1) for m in range(i * i, n + 1, i)}
    return sorted(set(range(2, n + 1)) - composite)
print(primes_upto(60))
a_words = {"apple", "banana", "cherry"}
b_words = {"banana", "date", "cherry", "elderberry"}
print(sorted(a_words & b_words), sorted(a_words - b_words), sorted(a_words ^ b_words), sorted(a_words | b_words))
graph = {1: {2, 3}, 2: {4}, 3: {4, 5}, 4: {6}, 5: {6}, 6: set(), 7: {1}}
def reachable(start):
    seen = set()
    stack = [start]
    while stack:
        n = stack.pop()
        if n not in seen:
            seen.add(n)
            stack.extend(graph[n] - seen)
    return seen
print(reachable(1), reachable(3), reachable(6), reachable(7))
print(set(sorted("banana")) == set("banana"), len({1, 1.0, True}), len({None, None, 0}), None in {None})
dup_nums = [4, 1, 4, 2, 1, 5, 2, 4]
print(sorted(set(dup_nums)), list(dict.fromkeys(dup_nums)), len(dup_nums) - len(set(dup_nums)))
anagrams = ["listen", "silent", "enlist", "google", "gogole", "cat"]
groups = {}
for w in anagrams:
    groups.setdefault("".join(sorted(w)), set()).add(w)
print(sorted((k, sorted(v)) for k, v in groups.items()))
