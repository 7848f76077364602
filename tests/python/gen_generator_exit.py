# Checks GeneratorExit semantics and generator finalization order with nested try/finally, plus generators as context-like resources.
events = []

def resource(name):
    events.append(f"open {name}")
    try:
        while True:
            cmd = yield
            events.append(f"{name} <- {cmd}")
    except GeneratorExit:
        events.append(f"{name} got GeneratorExit")
        raise
    finally:
        events.append(f"close {name}")

r = resource("db")
next(r)
r.send("select")
r.send("update")
r.close()
for e in events:
    print(e)

# GeneratorExit is not an Exception, so 'except Exception' does not catch it
def broad_handler():
    try:
        yield 1
    except Exception:
        print("never: Exception does not catch GeneratorExit")
    finally:
        print("  broad_handler finally")
b = broad_handler()
next(b)
b.close()
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))

# generator raising a different exception on close propagates it
def raises_other():
    try:
        yield
    except GeneratorExit:
        raise ValueError("cleanup failed")
ro = raises_other()
next(ro)
try:
    ro.close()
except ValueError as e:
    print("close raised", type(e).__name__, e)

# nested try/finally inside generator unwinds inner first
def nested():
    try:
        try:
            yield "inside"
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
n = nested()
print(next(n))
n.close()

# throwing GeneratorExit manually behaves like close's signal
def catches():
    try:
        yield 1
    except GeneratorExit as e:
        print("  caught", type(e).__name__, e.args)
        raise
c = catches()
next(c)
try:
    c.throw(GeneratorExit("manual"))
except GeneratorExit as e:
    print("propagated", type(e).__name__, e.args)

# generator used as a simple manual context manager protocol
def managed(log):
    log.append("setup")
    try:
        yield "resource"
    finally:
        log.append("teardown")
log = []
m = managed(log)
res = next(m)
log.append(f"using {res}")
try:
    next(m)
except StopIteration:
    log.append("generator finished normally")
print(log)
