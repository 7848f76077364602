# Checks keyword-only (after * or *args) and positional-only (before /) parameters and their errors.
def kwonly(a, *, b, c=3):
    return a, b, c
print(kwonly(1, b=2))
print(kwonly(1, c=9, b=8))
for call in (lambda: kwonly(1, 2), lambda: kwonly(1), lambda: kwonly(1, 2, b=3)):
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)

def posonly(a, b, /, c, d=4):
    return a, b, c, d
print(posonly(1, 2, 3))
print(posonly(1, 2, c=3))
print(posonly(1, 2, 3, d=5))
for call in (lambda: posonly(1, b=2, c=3), lambda: posonly(a=1, b=2, c=3), lambda: posonly(1, 2)):
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)

# positional-only names can also be used as **kwargs keys
def both(name, /, **kwargs):
    return name, kwargs
print(both("pos", name="kw"))

def all_kinds(a, b=2, /, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, kw
print(all_kinds(1, d=4))
print(all_kinds(1, 20, 30, 40, 50, d=4, f=6))
print(all_kinds(1, c=33, d=44, e=55, zz=0))
try:
    all_kinds(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)

def kw_required(*, x, y):
    return x - y
try:
    kw_required()
except TypeError as e:
    print(type(e).__name__, e)
print(kw_required(y=1, x=10))
print(kwonly.__kwdefaults__, posonly.__defaults__)

def pos_default(a=1, /):
    return a
print(pos_default(), pos_default(7))
try:
    pos_default(a=3)
except TypeError as e:
    print(type(e).__name__, e)
