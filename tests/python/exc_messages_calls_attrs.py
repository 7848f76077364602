# Checks exact CPython messages for call, attribute, name and scope errors (one caught exception per output line).
def check(fn):
    try:
        r = fn()
        print("no error:", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

def f(a, b):
    return a + b
def g(*, key):
    return key
class Foo:
    def method(self):
        return 1
    @staticmethod
    def smethod(x):
        return x

check(lambda: f(1))
check(lambda: f())
check(lambda: f(1, 2, 3))
check(lambda: f(1, 2, c=3))
check(lambda: f(1, a=1))
check(lambda: g(1))
check(lambda: g())
check(lambda: Foo().method(1))
check(lambda: Foo.smethod())
check(lambda: Foo(1))
check(lambda: len())
check(lambda: len(1, 2))
check(lambda: abs())
check(lambda: isinstance(1))
check(lambda: int(1, 2, 3))
check(lambda: "abc".split(1))
check(lambda: [].append())
check(lambda: {}.get())
check(lambda: (lambda x: x)())
nothing = None
text = "str"
check(lambda: nothing())
check(lambda: text())
check(lambda: Foo().bar)
check(lambda: Foo.bar)
check(lambda: None.bar)
check(lambda: (1).real.foo)
check(lambda: "abc".foo)
check(lambda: [].foo)
check(lambda: {}.append)
check(lambda: int.foo)
check(lambda: undefined_thing)
check(lambda: len.__name__.nope)
check(lambda: object().x)

def set_attr_on(obj, name):
    try:
        setattr(obj, name, 1)
        print("set fine")
    except Exception as e:
        print(type(e).__name__, e)
set_attr_on(1, "x")
set_attr_on("s", "upper")
set_attr_on([], "x")
set_attr_on(object(), "x")
set_attr_on(int, "x")
set_attr_on(None, "x")

def unbound():
    print(value)
    value = 1
check(unbound)

def free_var():
    def inner():
        return later
    try:
        return inner()
    finally:
        pass
    later = 5
check(free_var)

def del_undefined():
    del not_defined_anywhere
check(del_undefined)

def global_undefined():
    global also_not_defined
    return also_not_defined
check(global_undefined)
import sys
check(lambda: sys.no_such_attr)
check(lambda: getattr(Foo(), "x" * 3))
