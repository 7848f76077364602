# Checks global and nonlocal statements, including creation of new globals and multiple levels of nesting.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

print(bump(), bump(), counter)

def make_global():
    global created_later
    created_later = "made inside function"
make_global()
print(created_later)

def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed by inner"
    inner()
    return x
print(outer())

def accumulator(start):
    total = start
    def add(n):
        nonlocal total
        total += n
        return total
    return add
acc = accumulator(100)
print(acc(1), acc(10), acc(100))
acc2 = accumulator(0)
print(acc2(5), acc(0))

def three_levels():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
        inner()
        inner()
    mid()
    return a
print(three_levels())

def shadow():
    counter = "local counter"
    def inner():
        global counter
        return counter
    return inner(), counter
print(shadow())

x = "global x"
def reads_global():
    return x
def local_assign():
    x = "local x"
    return x
print(reads_global(), local_assign(), x)

def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 1
unbound()

def nonlocal_loop():
    fns = []
    for i in range(3):
        def get():
            return i
        fns.append(get)
    return [f() for f in fns]
print(nonlocal_loop())

def counter_pair():
    n = 0
    def inc():
        nonlocal n
        n += 1
    def get():
        return n
    return inc, get
inc, get = counter_pair()
inc(); inc(); inc()
print(get())
