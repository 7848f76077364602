# Checks closures: captured cells shared between functions, late binding, cells outliving frames, closure introspection.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def peek():
        return count
    return inc, peek

inc1, peek1 = make_counter()
inc2, peek2 = make_counter()
inc1(); inc1(); inc2()
print(peek1(), peek2())

def adders():
    return [lambda x: x + i for i in range(4)]
print([f(100) for f in adders()])

def adders_fixed():
    def make(i):
        return lambda x: x + i
    return [make(i) for i in range(4)]
print([f(100) for f in adders_fixed()])

# a cell modified after closure creation is seen by the closure
def late():
    v = "before"
    def get():
        return v
    v = "after"
    return get
print(late()())

# closures capture variables, not values
def shared():
    data = []
    def add(x):
        data.append(x)
    def get():
        return list(data)
    return add, get
add, get = shared()
add(1); add(2)
print(get())

print(make_counter()[0].__closure__ is not None, len(make_counter()[0].__closure__))
print(make_counter()[0].__code__.co_freevars)
def no_closure():
    return 1
print(no_closure.__closure__)

# deeply nested closures
def level1(a):
    def level2(b):
        def level3(c):
            def level4(d):
                return a + b + c + d
            return level4
        return level3
    return level2
print(level1(1)(10)(100)(1000))

# closure over a parameter with a default that shadows
def outer(x=5):
    def inner(y=x):
        return (x, y)
    x = 6
    return inner
print(outer()(), outer()(0))

# closure in class method referencing enclosing function variable
def class_factory(greeting):
    class Greeter:
        def greet(self, name):
            return f"{greeting}, {name}!"
    return Greeter
print(class_factory("Hola")().greet("Ana"))
print(class_factory("Hi")().greet("Bo"))

# generator closing over a variable
def gen_closure():
    n = 3
    def g():
        for i in range(n):
            yield i * n
    return g
print(list(gen_closure()()))
