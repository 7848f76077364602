# Checks generator return values: StopIteration.value, PEP 479 (StopIteration inside generator -> RuntimeError), return in loops.
def gen_with_return(n):
    for i in range(n):
        yield i
    return f"yielded {n} values"

g = gen_with_return(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "| args:", e.args)

def early_return(items):
    for x in items:
        if x < 0:
            return ("negative found", x)
        yield x
def drive(gen):
    out = []
    while True:
        try:
            out.append(next(gen))
        except StopIteration as e:
            return out, e.value
print(drive(early_return([1, 2, -3, 4])))
print(drive(early_return([5, 6])))
print(drive(early_return([])))

# for loops and list() discard the return value
print(list(gen_with_return(3)))

# StopIteration raised inside a generator becomes RuntimeError
def leaky():
    yield 1
    raise StopIteration("leaked")
try:
    list(leaky())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))

def next_on_empty():
    it = iter([])
    yield next(it)
try:
    print(list(next_on_empty()))
except RuntimeError as e:
    print(type(e).__name__, e)

# returning a value from a generator used with yield from
def sub():
    yield "s"
    return {"status": "ok"}
def main():
    r = yield from sub()
    yield r["status"]
print(list(main()))

# generator already executing
def self_ref():
    yield next(me)
me = self_ref()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)

# an exception escaping a generator finishes it
def boom():
    yield 1
    raise ValueError("boom")
    yield 2
b = boom()
print(next(b))
try:
    next(b)
except ValueError as e:
    print("raised", e)
print(next(b, "finished after exception"))

# return inside try/finally in a generator
def ret_finally():
    try:
        yield "x"
        return "from try"
    finally:
        print("  finally in generator")
print(drive(ret_finally()))
def gen_return_none():
    yield 1
    return
print(drive(gen_return_none()))
