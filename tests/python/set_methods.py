# Checks set methods: add/remove/discard/pop/clear/update/intersection_update/difference/symmetric_difference/issubset/isdisjoint and copies.
s = {3, 1, 2}
s.add(4)
s.add(1)
print(s)
s.remove(4)
s.discard(100)
s.discard(3)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print(type(e).__name__, e)
p = s.pop()
print(p in {1, 2}, len(s))
s.clear()
print(s, len(s))
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
t = {1, 2, 3}
t.update([3, 4], (5,), range(6, 8))
print(t)
print(t.union([10]), t.intersection({1, 2, 99}, [2, 1]), t.difference({1}, [2, 3]), t.symmetric_difference([1, 100]))
t.intersection_update({1, 2, 3, 4, 5})
print(t)
t.difference_update([1], {2})
print(t)
t.symmetric_difference_update({4, 9})
print(t)
print({1, 2}.issubset([1, 2, 3]), {1, 5}.issubset({1}), {1, 2, 3}.issuperset((1, 2)), {1}.isdisjoint([2, 3]), {1}.isdisjoint({1}))
u = {1, 2}
v = u.copy()
v.add(3)
print(u, v, u is v)
words = ["apple", "banana", "apple", "cherry", "banana"]
uniq = set(words)
print(len(uniq), sorted(uniq), "apple" in uniq)
seen = set()
dupes = set()
for w in words:
    if w in seen:
        dupes.add(w)
    seen.add(w)
print(sorted(dupes))
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    set().add({})
except TypeError as e:
    print(type(e).__name__, e)
print(set(), set([]), set(()), set(""), set({}), set(range(5)), set({1: "a", 2: "b"}))
nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset()}
print(len(nested), frozenset() in nested)
