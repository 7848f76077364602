# Checks function metadata: __name__, __qualname__, __module__, __doc__, __defaults__, __kwdefaults__, __code__ counts, __dict__.
def sample(a, b=1, *args, c, d=2, **kw):
    "Sample docstring."
    local_var = a + b
    return local_var

print(sample.__name__, sample.__qualname__, sample.__module__)
print(sample.__doc__)
print(sample.__defaults__, sample.__kwdefaults__)
code = sample.__code__
print(code.co_argcount, code.co_kwonlyargcount, code.co_posonlyargcount)
print(code.co_varnames[:code.co_argcount + code.co_kwonlyargcount])
print(code.co_name)

def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer().__name__)

sample.__name__ = "renamed"
print(sample.__name__, sample.__qualname__)
sample.extra = {"k": 1}
print(sample.__dict__)

lam = lambda x, y=2: x
print(lam.__name__, lam.__defaults__, lam.__code__.co_argcount)

class A:
    def m(self):
        pass
    @staticmethod
    def s():
        pass
    @classmethod
    def c(cls):
        pass
print(A.m.__qualname__, A.s.__qualname__, A.c.__qualname__)
print(type(A.m).__name__, type(A().m).__name__, type(A.s).__name__, type(A.c).__name__)
print(A().m.__name__, A.c.__self__ is A)

# replacing defaults at runtime
def greet(name="world"):
    return "hello " + name
greet.__defaults__ = ("there",)
print(greet())
print(len.__name__, type(len).__name__, abs.__qualname__)
print(type(print).__name__, type([].append).__name__)
def no_doc():
    x = "not a docstring because not first"
print(no_doc.__doc__)
