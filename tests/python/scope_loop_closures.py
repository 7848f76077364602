# Checks closures created in loops: late binding, default-argument capture, factory functions, and comprehension variables.
funcs = []
for i in range(4):
    funcs.append(lambda: i)
print([f() for f in funcs])
i = 100
print([f() for f in funcs])

funcs = []
for i in range(4):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])

def make(n):
    return lambda: n
print([f() for f in [make(j) for j in range(4)]])

comp_funcs = [lambda: k for k in range(3)]
print([f() for f in comp_funcs])
comp_funcs2 = [(lambda k: lambda: k)(k) for k in range(3)]
print([f() for f in comp_funcs2])

def counters():
    result = []
    for name in ["a", "b"]:
        count = 0
        def bump(name=name):
            nonlocal count
            count += 1
            return f"{name}:{count}"
        result.append(bump)
    return result
b1, b2 = counters()
print(b1(), b1(), b2(), b1())

def while_closures():
    fns = []
    n = 0
    while n < 3:
        fns.append(lambda: n)
        n += 1
    return [f() for f in fns]
print(while_closures())

handlers = {}
for event in ["click", "hover", "key"]:
    def handler(evt=event):
        return f"handling {evt}"
    handlers[event] = handler
print([handlers[e]() for e in ["key", "click"]])

gens = [(x for _ in range(2)) for x in range(3)]
print([list(g) for g in gens])

def outer():
    values = []
    for v in range(3):
        def capture():
            return v * 10
        values.append(capture)
    v = 99
    return [f() for f in values]
print(outer())
