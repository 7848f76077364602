# Checks *args and **kwargs collection, forwarding, ordering of kwargs, and mixing with named params.
def collect(*args, **kwargs):
    return args, kwargs

print(collect())
print(collect(1, 2, 3))
print(collect(a=1, b=2))
print(collect(1, "two", x=3, y=[4]))
print(type(collect()[0]).__name__, type(collect()[1]).__name__)

def mixed(first, *rest, sep="-", **opts):
    return sep.join(str(x) for x in (first,) + rest) + " " + str(opts)

print(mixed(1))
print(mixed(1, 2, 3))
print(mixed(1, 2, sep="+"))
print(mixed("a", "b", sep=":", end="!", flag=True))

def forward(*args, **kwargs):
    return mixed(*args, **kwargs)
print(forward(9, 8, 7, sep="|", k="v"))

# keyword order is preserved
def kw_order(**kw):
    return list(kw)
print(kw_order(z=1, a=2, m=3))
print(kw_order(**{"b": 1}, a=2, **{"c": 3}))

# duplicates in ** unpacking
try:
    collect(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    mixed(1, **{"sep": "x"}, sep="y")
except TypeError as e:
    print(type(e).__name__, e)
try:
    collect(**{1: "non-string key"})
except TypeError as e:
    print(type(e).__name__, e)
try:
    collect(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    collect(**[1])
except TypeError as e:
    print(type(e).__name__, e)

# args tuple is a fresh tuple, kwargs dict is a fresh dict
d = {"q": 1}
def mutate(**kw):
    kw["q"] = 99
    return kw
print(mutate(**d), d)

def sum_all(*nums, start=0):
    total = start
    for n in nums:
        total += n
    return total
print(sum_all(), sum_all(1, 2, 3), sum_all(1, 2, start=100))
print(sum_all(*range(101)))
def count_args(*a, **k):
    return len(a), len(k)
print(count_args(*"hello", **dict.fromkeys("xyz", 0)))
