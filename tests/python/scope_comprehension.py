# Checks comprehension scoping: own scope for loop variables, first iterable evaluated outside, walrus binding to enclosing scope, nesting.
x = "outer"
print([x for x in range(3)], x)
print({x: x for x in "ab"}, x)
print({x for x in [9]}, x)
print(list(x for x in (7, 8)), x)

def f():
    y = 10
    return [y + i for i in range(3)]
print(f())

def g():
    data = [1, 2, 3]
    return [[data for data in range(2)] for _ in data]
print(g())

n = 5
print([n * i for i in range(n)])

def walrus_in_comprehension():
    total = 0
    partial = [total := total + v for v in [1, 2, 3]]
    return partial, total
print(walrus_in_comprehension())

def nested_comprehension_closure():
    return [[(i, j) for j in range(i)] for i in range(3)]
print(nested_comprehension_closure())

def comprehension_sees_enclosing_after_definition():
    fns = [lambda: z for _ in range(2)]
    z = "late"
    return [fn() for fn in fns]
print(comprehension_sees_enclosing_after_definition())

try:
    [undefined_in_comp for _ in range(1)]
except NameError as e:
    print(type(e).__name__, e)

def iteration_var_not_leaked():
    [leak for leak in range(3)]
    try:
        return leak
    except NameError as e:
        return "NameError: " + str(e)
print(iteration_var_not_leaked())
gen_x = 1
gen = (gen_x * i for i in range(3))
gen_x = 100
print(list(gen))
