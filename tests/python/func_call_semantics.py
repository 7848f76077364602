# Checks function call semantics: argument evaluation order, and returning from nested try blocks.
order = []
def arg(n):
    order.append(n)
    return n
def f(*a, **k):
    return a, k
f(arg(1), arg(2), x=arg(3), *[arg(4)], **{"y": arg(5)})
print(order)
order.clear()

def g(a, b):
    return a - b
print(g(b=arg(1), a=arg(2)), order)
order.clear()

# function object evaluated before arguments
def pick():
    order.append("func")
    return g
pick()(arg(10), arg(3))
print(order)

def early(flag):
    try:
        if flag:
            return "from try"
    finally:
        order.append("finally ran")
    return "after try"
order.clear()
print(early(True), early(False), order)

def override():
    try:
        return "try"
    finally:
        return "finally wins"
print(override())

def count_calls():
    count_calls.n = getattr(count_calls, "n", 0) + 1
    return count_calls.n
count_calls(); count_calls()
print(count_calls())

def implicit_none():
    x = 1
print(implicit_none())

def return_tuple():
    return 1, [2], {"three": 3}
a, b, c = return_tuple()
print(a, b, c)

def recursive_default(n, acc=None):
    acc = [] if acc is None else acc
    if n:
        acc.append(n)
        return recursive_default(n - 1, acc)
    return acc
print(recursive_default(5))
print(recursive_default(2))
