# Checks assignment to attributes/subscripts/slices, chained assignment order and evaluation order of targets.
log = []
class Obj:
    def __setattr__(self, name, value):
        log.append(("setattr", name, value))
        object.__setattr__(self, name, value)

class Seq:
    def __setitem__(self, key, value):
        log.append(("setitem", key, value))

def val(v):
    log.append(("eval", v))
    return v

o = Obj()
s = Seq()
o.a = s[val(1)] = val("rhs")
print(log)
log.clear()

# chained assignment assigns left to right
a = b = c = val([])
print(a is b is c, log)
log.clear()

s[1:3] = "xy"
s[::2] = [0]
s[1, 2] = "tuple key"
s[...] = "ellipsis"
print(log)
log.clear()

# right side evaluated before any target
x = [0, 1, 2]
i = 0
i, x[i] = 2, "new"
print(i, x)

d = {}
d["k"] = d.get("k", 0) + 1
d["k"] = d.get("k", 0) + 1
print(d)

# swap via tuple with attribute and subscript targets
class P:
    pass
p = P()
p.x, p.y = 1, 2
p.x, p.y = p.y, p.x
print(p.x, p.y)
arr = [5, 6, 7]
arr[0], arr[2] = arr[2], arr[0]
print(arr)

# augmented assignment to subscript evaluates the target once
calls = []
def idx():
    calls.append("idx")
    return 1
nums = [10, 20, 30]
nums[idx()] += 5
print(nums, calls)

# nested data structure targets
grid = [[0] * 3 for _ in range(3)]
for r in range(3):
    for c in range(3):
        grid[r][c] = r * 3 + c
print(grid)
shared = [[0] * 2] * 2
shared[0][0] = 9
print(shared)

# star target into list
first, *grid[0] = "abc"
print(first, grid)
# assignment to for-loop targets of different kinds
holder = {}
for holder["k"] in range(3):
    pass
print(holder)
for p.x in "xyz":
    pass
print(p.x)
