# Checks dict methods: get/setdefault/pop/popitem/update/keys/values/items/copy/fromkeys/clear and constructor forms.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", "default"), d.get("a", "unused"))
print(d.setdefault("a", 99), d.setdefault("c", 3), d.setdefault("d"), d)
print(d.pop("d"), d.pop("zz", "fallback"), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
d.update(e=5)
d.update([("f", 6), ("g", 7)])
d.update({"a": 10}, h=8)
print(d)
print(d.popitem(), d)
c = d.copy()
c["a"] = "changed"
print(d["a"], c["a"], c is d, c == d)
nested = {"inner": [1]}
shallow = nested.copy()
shallow["inner"].append(2)
print(nested)
print(dict.fromkeys(["x", "y"]), dict.fromkeys("ab", 0), dict.fromkeys(range(3), []), dict.fromkeys([]))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append("same list")
print(shared)
print(dict(), dict(a=1), dict({"a": 1}, b=2), dict([(1, 2)]), dict(zip([1, 2], "ab")), dict(((k, k * 2) for k in range(3))))
d.clear()
print(d, len(d), bool(d))
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
inv = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inv)
print(len({"a": 1}), "a" in {"a": 1}, 1 in {"a": 1}, {"a": 1}.__contains__("a"))
try:
    d.update(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.update([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
