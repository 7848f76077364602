# Checks generator send/throw/close: send protocol, throw forms, GeneratorExit rules, yield-from delegation of throw and close.
def acc():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError as e:
            print("  acc caught", repr(e))
            total = -1
            continue
        if x is None:
            return total
        total += x

g = acc()
print(next(g), g.send(5), g.send(10))
print(g.throw(ValueError("bad")), g.send(3))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value, e.args)
try:
    g.send(1)
except StopIteration as e:
    print("exhausted", e.args)

g = acc()
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)
print(g.send(None))

def gen2():
    yield 1
    yield 2
g = gen2()
print(next(g))
try:
    g.throw(KeyError, "k")
except KeyError as e:
    print("KeyError propagated", e)
print(next(g, "finished"))
g = gen2()
try:
    g.throw(RuntimeError)
except RuntimeError as e:
    print("thrown into unstarted:", repr(e))
print(list(g))
g = gen2()
next(g)
try:
    g.throw(ValueError, ValueError("inst"))
except ValueError as e:
    print("instance value", repr(e))
try:
    gen2().throw(1)
except TypeError as e:
    print(e)
try:
    gen2().throw(ValueError("a"), 1)
except TypeError as e:
    print(e)

def closer():
    try:
        yield 1
        yield 2
    finally:
        print("  closer finally")
g = closer()
print(next(g))
print(g.close(), g.close())
print(next(g, "after close"))
g = closer()
print(g.close(), "unstarted close runs nothing")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("  ignoring exit")
    yield 2
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
g = returns_on_exit()
next(g)
print(g.close())

def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise KeyError("from close")
g = raises_other()
next(g)
try:
    g.close()
except KeyError as e:
    print("close raised", e)

def inner():
    try:
        x = yield "i1"
        print("  inner got", x)
        yield "i2"
    except ValueError as e:
        print("  inner handled", repr(e))
        yield "i-recovered"
    finally:
        print("  inner finally")
    return "inner-result"

def outer():
    r = yield from inner()
    print("  outer got", r)
    yield "o-last"

g = outer()
print(next(g), g.send("S"), g.throw(ValueError("v")))
print(next(g), next(g, "done"))
g = outer()
print(next(g))
g.close()
print("closed outer", next(g, "nothing"))

def inner_plain():
    yield 1
    yield 2
def outer2():
    try:
        yield from inner_plain()
    except KeyError as e:
        print("  outer2 caught", repr(e))
        yield "o2"
g = outer2()
print(next(g), g.throw(KeyError("x")), next(g, "end"))

class Sub:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("sub-done")
        return self.n
    def throw(self, e):
        print("  Sub.throw", repr(e))
        return 99
    def close(self):
        print("  Sub.close")
def outer3():
    r = yield from Sub()
    print("  outer3 result", r)
g = outer3()
print(next(g), g.throw(ValueError("z")), next(g), next(g))
print(next(g, "fin"))
g = outer3()
next(g)
g.close()
print(iter(g) is g, g.__next__ if False else "ok", type(g).__name__)
g = gen2()
print(g.__next__(), g.__iter__() is g)
