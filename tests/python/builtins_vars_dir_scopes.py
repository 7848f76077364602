# Checks vars/dir/globals/locals: sorted dir with instance and class attributes, __dir__, slots, errors.
class A:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
    def meth(self):
        pass
a = A()
print(vars(a), type(vars(A)).__name__, "cls_attr" in vars(A))
print([n for n in dir(a) if not n.startswith("__")], "__init__" in dir(a), dir(a) == sorted(dir(a)))
print([n for n in dir(A) if not n.startswith("__")])
class B(A):
    b = 3
print([n for n in dir(B()) if not n.startswith("__")])
import sys
print("sys" in dir(), sorted(n for n in dir() if not n.startswith("_"))[:5])
def f(x, y=2):
    z = 3
    print(sorted(locals().items()))
    print(sorted(dir()))
f(1)
print("f" in globals(), globals()["A"] is A, globals() is globals())
for bad in (lambda: vars(5), lambda: vars(a, a)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(dir(5)[:3], len(dir([])) > 30, "append" in dir([]), "keys" in dir({}))
class D:
    def __dir__(self):
        return ["z", "a"]
print(dir(D()))
class S:
    __slots__ = ("p", "q")
s = S()
s.p = 1
print([n for n in dir(s) if not n.startswith("__")])
try:
    vars(s)
except TypeError as e:
    print(type(e).__name__, e)
