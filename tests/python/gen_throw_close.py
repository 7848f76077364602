# Checks generator.throw() and close(): handling thrown exceptions, GeneratorExit, finally blocks, and ignoring GeneratorExit.
def resilient():
    n = 0
    while True:
        try:
            yield n
            n += 1
        except ValueError as e:
            print("  generator handled", repr(e))
            n = 100

g = resilient()
print(next(g), next(g))
print(g.throw(ValueError("reset")))
print(next(g))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated out:", repr(e))
print(next(g, "generator is finished"))

def with_cleanup():
    try:
        yield "a"
        yield "b"
    except GeneratorExit:
        print("  GeneratorExit received")
        raise
    finally:
        print("  cleanup ran")

c = with_cleanup()
print(next(c))
c.close()
print("closed; next gives:", next(c, "nothing"))
c.close()  # closing twice is fine
print("second close ok")

# closing an unstarted generator doesn't run its body
c2 = with_cleanup()
c2.close()
print("closed unstarted generator")

def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "refusing to stop"
bad = ignores_exit()
next(bad)
try:
    bad.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(next(bad, "bad generator finished"))

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored return value"
r = returns_on_exit()
next(r)
print("close returned", r.close())

# throw into an unstarted generator raises at the first line
def unstarted():
    print("  never printed")
    yield 1
u = unstarted()
try:
    u.throw(IndexError("early"))
except IndexError as e:
    print("unstarted throw:", e)

# throw with exception class
def catcher():
    try:
        yield 1
    except Exception as e:
        yield f"caught {type(e).__name__} args={e.args}"
ct = catcher()
next(ct)
print(ct.throw(ZeroDivisionError))

# throw that the generator converts into a return
def converts():
    try:
        yield 1
    except ValueError:
        return "converted"
cv = converts()
next(cv)
try:
    cv.throw(ValueError)
except StopIteration as e:
    print("StopIteration value:", e.value)

# generator's finally runs when the consumer breaks and closes it explicitly
def numbers():
    try:
        for i in range(10):
            yield i
    finally:
        print("  numbers finally")
ng = numbers()
for x in ng:
    if x == 2:
        break
print("broke at", x)
ng.close()
