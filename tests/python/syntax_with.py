# Checks the with statement: enter/exit order, return value of __enter__, exception suppression, multiple managers.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, repr(exc) if exc else None)
        return self.suppress

with CM("a") as v:
    print("body got", v)

with CM("outer") as o, CM("inner") as i:
    print("body", o, i)

with CM("swallow", suppress=True):
    print("about to raise")
    raise ValueError("boom")
print("after suppressed exception")

try:
    with CM("propagate"):
        raise KeyError("k")
except KeyError as e:
    print("caught outside", repr(e))

try:
    with CM("first"), CM("second", suppress=True):
        raise RuntimeError("inner handled")
    print("second manager suppressed it")
except RuntimeError:
    print("not reached")

def early_return():
    with CM("ret"):
        return "returned value"
print(early_return())

for n in range(3):
    with CM(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)

class NoAs:
    def __enter__(self):
        return None
    def __exit__(self, *args):
        print("args to exit:", args)
        return False
with NoAs() as x:
    print("x is", x)

# parenthesized multiple context managers (3.10+)
with (
    CM("p1") as a,
    CM("p2") as b,
):
    print("parenthesized", a, b)

try:
    with 42:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
