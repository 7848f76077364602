# Checks miscellaneous statement forms: semicolons, one-line compound statements, nested defs/classes, pass, docstrings.
a = 1; b = 2; c = a + b; print(a, b, c)
if c == 3: print("one-line if")
for i in range(2): print("one-line for", i)
while a < 3: a += 1
print(a)
def one_liner(x): return x * 2
print(one_liner(21))
class Empty: pass
print(Empty.__name__)

def documented():
    """This is the docstring."""
    return 1
print(documented.__doc__)
print(one_liner.__doc__)

class WithDoc:
    """Class docstring."""
    def m(self):
        "method doc"
print(WithDoc.__doc__, WithDoc.m.__doc__)

def factory(kind):
    if kind == "class":
        class Local:
            def __repr__(self):
                return "Local instance"
        return Local()
    else:
        def local_fn():
            return "local function"
        return local_fn()
print(factory("class"), factory("fn"))

def redefined():
    return 1
def redefined():
    return 2
print(redefined())

if True:
    if False:
        pass
    else:
        if 1:
            print("deeply nested")

x = 10
if x > 5:
    pass
elif x > 100:
    print("unreachable")
print("after pass")

def returns_none():
    pass
def bare_return():
    return
print(returns_none(), bare_return())

def multiple_returns(n):
    return n, n * 2, n * 3
print(multiple_returns(4))

def func_attrs():
    pass
func_attrs.custom = "attached"
print(func_attrs.custom, func_attrs.__name__, func_attrs.__qualname__)
class Outer:
    class Inner:
        def meth(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__)
def nest():
    def inner():
        pass
    return inner
print(nest().__qualname__)
print(__name__)
