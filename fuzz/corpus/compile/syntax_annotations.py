# Checks variable and function annotations: __annotations__ contents, annotation-only declarations, no runtime enforcement.
x: int = 5
y: str
z: "forward ref" = "value"
print(x, z)
print(__annotations__)
try:
    print(y)
except NameError as e:
    print(type(e).__name__, e)

def f(a: int, b: "str" = "d", *args: float, c: bool = True, **kw: dict) -> list:
    return [a, b, args, c, kw]

print(f("not an int", 2))
print(f.__annotations__)

class C:
    attr: int = 3
    other: float
    def method(self, v: int) -> None:
        pass
print(C.__annotations__)
print(C.attr, hasattr(C, "other"))
print(C.method.__annotations__)

def no_ann(a, b):
    pass
print(no_ann.__annotations__)

def local_ann():
    inner: int = 10
    undefined_ok: list
    return inner
print(local_ann())

lst = [0]
lst[0]: int = 42
print(lst)
class Holder:
    pass
h = Holder()
h.value: str = "attr annotation"
print(h.value)
print(sorted(__annotations__))
