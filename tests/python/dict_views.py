# Checks dict views: dynamic updates, len/membership, set operations on keys/items views, reversed, and iteration errors.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(type(k).__name__, type(v).__name__, type(it).__name__)
d["d"] = 4
del d["a"]
print(list(k), list(v), list(it), len(k), len(v), len(it))
print("b" in k, "z" in k, 2 in v, 99 in v, ("b", 2) in it, ("b", 3) in it, ("d", 4) in it)
other = {"c": 0, "d": 0, "e": 0}
print(sorted(k & other.keys()), sorted(k | other.keys()), sorted(k - other.keys()), sorted(k ^ other.keys()))
print(sorted(k & {"b", "zz"}), sorted(k | ["x"]), k == {"b", "c", "d"}, k <= {"b", "c", "d", "e"}, k.isdisjoint({"q"}))
print(sorted(it & {("b", 2), ("c", 99)}), sorted(it - {("b", 2)}))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(v == v, d.values() == d.values(), list(d.values()) == list(d.values()))
try:
    for key in d.keys():
        d[key + "!"] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
d = {"x": 1}
try:
    for val in d.values():
        d.pop("x")
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: "a", 2: "b"}
for key in d:
    d[key] = d[key].upper()
print(d)
try:
    {"k": 1}.keys()[0]
except TypeError as e:
    print(type(e).__name__, e)
print(len({}.keys()), list({}.items()), bool({}.values()), bool({0: 0}.values()))
mapping = {"one": 1, "two": 2, "three": 3}
print(sorted(mapping.items(), key=lambda kv: kv[1]), max(mapping, key=mapping.get), sum(mapping.values()))
print(sorted(mapping.keys() - {"two"}), {k2 for k2 in mapping.keys() if "o" in k2} == {"one", "two"})
