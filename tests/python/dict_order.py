# Checks dict insertion order preservation across insert, update, delete and re-insert, and order of views/iteration.
d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d, list(d), list(d.values()), list(d.items()))
d["alpha"] = 100
print(d)
del d["zeta"]
d["zeta"] = 0
print(d)
d.update({"new": 1, "mid": -1})
print(d)
d.pop("alpha")
d.setdefault("alpha", "back")
print(d)
print(d.popitem(), d.popitem(), d)
nums = {}
for i in (5, 3, 9, 1, 7):
    nums[i] = str(i)
print(nums, list(nums.keys()), sorted(nums))
nums[3] = "three"
nums.pop(9)
nums[9] = "nine"
print(nums)
rebuilt = dict(sorted(nums.items()))
print(rebuilt, list(rebuilt) == sorted(nums))
rev = dict(reversed(list(nums.items())))
print(rev, list(reversed(nums)), list(reversed(nums.values())), list(reversed(nums.items())))
print(dict(zip("cab", range(3))), dict([("x", 1), ("y", 2), ("x", 3)]), dict(b=1, a=2))
print({**{"a": 1, "b": 2}, **{"c": 3, "a": 4}})
d2 = dict.fromkeys("hello")
print(d2, list(d2))
big = {i * 7 % 100: i for i in range(100)}
print(list(big)[:10], len(big))
for k in list(big):
    if k % 2:
        del big[k]
print(list(big)[:10], len(big))
