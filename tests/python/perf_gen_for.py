# Generators driven by `for` run in the caller's dispatch loop (Boundary::GenFor): yields, returns,
# exceptions (PEP 479), exc_info swapping, break then next(), re-entrancy, yield from, recursion.
import sys
def g(n):
    for i in range(n):
        yield i
    return "done"
print([x for x in g(5)], sum(x for x in g(10)))
def h():
    yield 1
    raise StopIteration
try:
    for x in h(): print("h", x)
except RuntimeError as e: print("RT", e, type(e.__cause__).__name__)
def boom():
    yield 1
    1/0
try:
    for x in boom(): print("b", x)
except ZeroDivisionError as e:
    tb = e.__traceback__; n = 0
    while tb: n += 1; tb = tb.tb_next
    print("ZD", e, n)
def exc_gen():
    try:
        raise KeyError("in")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]
try:
    raise ValueError("outer")
except ValueError:
    for v in exc_gen():
        print(v, sys.exc_info()[0].__name__)
gen = g(6)
for x in gen:
    if x == 2: break
print(next(gen), list(gen))
def selfref():
    for x in me: yield x
    yield 1
me = selfref()
try: list(me)
except ValueError as e: print("VE", e)
def yf():
    r = yield from g(3)
    print("r", r)
    yield from [10, 11]
for x in yf(): print(x)
def deep(n):
    if n: 
        for x in deep(n-1): yield x
    else: yield "bottom"
print(list(deep(50)))
try:
    for x in deep(2000): pass
except RecursionError as e: print("rec")
def catcher():
    try:
        for x in boom(): yield x
    except ZeroDivisionError: yield "caught"
print(list(catcher()))
def fin():
    try: yield 1; yield 2
    finally: print("fin")
for x in fin(): print(x)
class C:
    def __iter__(self): yield from (1, 2)
print([a for a in C()])
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1.5, "q"), (True, "x")]), (1, float("nan")) < (1, 2.0))
print(divmod(-2**70, 7), 2**62 + 2**62 - 1, (3 * 2**40) * (5 * 2**20) // 7, [c for c in "aé\xff\u0100z"])
