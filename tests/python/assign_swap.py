# Parallel assignment `a, b = b, a` (2 and 3 items, compiled without a tuple): values are all evaluated
# before any target is stored, targets are stored left to right, subscript/attribute targets evaluate
# their object and index at store time, nested and list targets, and the cases that still build a tuple.
log = []


class Box:
    def __init__(self, name):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "x", 0)
        object.__setattr__(self, "y", 0)

    def __setattr__(self, k, v):
        log.append("set %s.%s=%r" % (self.name, k, v))
        object.__setattr__(self, k, v)


class Seq(list):
    def __getitem__(self, i):
        log.append("get[%r]" % (i,))
        return list.__getitem__(self, i)

    def __setitem__(self, i, v):
        log.append("set[%r]=%r" % (i, v))
        list.__setitem__(self, i, v)


def val(tag, v):
    log.append("val " + tag)
    return v


def idx(tag, i):
    log.append("idx " + tag)
    return i


a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
[a, b] = b, a
print(a, b)
(a, b), c = (c, a), b
print(a, b, c)

s = Seq([10, 20, 30, 40])
s[idx("i", 0)], s[idx("j", 3)] = s[3], s[0]
print(s, log)
log.clear()
s[0], s[1], s[2] = s[2], s[0], s[1]
print(s, log)
log.clear()

p, q = Box("p"), Box("q")
p.x, q.y = val("one", 1), val("two", 2)
print(log)
log.clear()
p.x, p.y, q.x = p.y, q.y, p.x
print(p.x, p.y, q.x, log)
log.clear()

# The first target's store happens before the second target's object is evaluated.
i = 0
arr = [0, 0, 0]
i, arr[i] = 2, 9
print(i, arr)

# Not the fast form: a single name target, a starred item, 4 items, a list value: the same results.
t = 5, 6
print(t)
x, *rest = 1, 2, 3
print(x, rest)
w, x, y, z = 4, 3, 2, 1
w, x, y, z = z, y, x, w
print(w, x, y, z)
a, b = [b, a]
print(a, b)
a = b = 7, 8
print(a, b)

# Swaps in a loop (fannkuch-style permutation flips) and in a generator.
perm = list(range(8))
for k in range(4):
    perm[k], perm[7 - k] = perm[7 - k], perm[k]
print(perm)


def fib(n):
    x, y = 0, 1
    for _ in range(n):
        x, y = y, x + y
        yield x


print(list(fib(10)))
try:
    m, n = 1, undefined_name
except NameError as e:
    print("NameError", e, "m" in dir())
