# Checks calls with very many positional/keyword arguments and large star-unpackings.
def count(*args, **kwargs):
    return len(args), len(kwargs), sum(args), sum(kwargs.values())

print(count(*range(1000)))
print(count(**{f"k{i}": i for i in range(500)}))
print(count(*range(300), **{f"x{i}": 1 for i in range(300)}))

def fixed(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19):
    return [a0, a9, a19]
print(fixed(*range(20)))
print(fixed(*range(10), *range(100, 110)))
print(fixed(**{f"a{i}": i * i for i in range(20)}))
try:
    fixed(*range(19))
except TypeError as e:
    print(type(e).__name__, e)
try:
    fixed(*range(25))
except TypeError as e:
    print(type(e).__name__, e)

args = list(range(50))
print(max(*args), min(*args), len([*args, *args]))
print(sum([*range(10)], *[100]))
big = tuple(range(10000))
print(len(count(*big)), count(*big)[2])

def kwonly_many(*, a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8):
    return a + b + c + d + e + f + g + h
print(kwonly_many(), kwonly_many(h=100, a=-1))
print("%s|%s|%s" % tuple(str(i) for i in range(3)))
def rec_args(*a):
    if not a:
        return 0
    return a[0] + rec_args(*a[1:])
print(rec_args(*range(200)))
