# Checks __enter__/__exit__ classes: exception details passed to __exit__, suppression, re-raising a different exception, reuse and nesting.
class Transaction:
    def __init__(self, log):
        self.log = log
        self.ops = []
    def __enter__(self):
        self.log.append("begin")
        return self
    def add(self, op):
        self.ops.append(op)
    def __exit__(self, et, ev, tb):
        if et is None:
            self.log.append(f"commit {self.ops}")
        else:
            self.log.append(f"rollback {self.ops} because {et.__name__}: {ev}")
        return False

log = []
with Transaction(log) as tx:
    tx.add("insert 1")
    tx.add("insert 2")
try:
    with Transaction(log) as tx:
        tx.add("update 3")
        raise ValueError("constraint violated")
except ValueError as e:
    log.append(f"caught {e}")
for line in log:
    print(line)

class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)

with Suppress(KeyError, IndexError):
    {}["missing"]
print("KeyError suppressed")
with Suppress(KeyError, IndexError):
    [][0]
print("IndexError suppressed")
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed:", type(e).__name__, e)

class Translate:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is KeyError:
            raise LookupError("translated") from ev
        return False
try:
    with Translate():
        {}["k"]
except LookupError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__))

class Reentrant:
    def __init__(self):
        self.depth = 0
    def __enter__(self):
        self.depth += 1
        print("  " * self.depth + f"enter depth {self.depth}")
        return self
    def __exit__(self, *exc):
        print("  " * self.depth + f"exit depth {self.depth}")
        self.depth -= 1
r = Reentrant()
with r:
    with r:
        with r:
            print("innermost")

class Timer:
    # deterministic fake timer
    ticks = 0
    def __enter__(self):
        Timer.ticks += 10
        self.start = Timer.ticks
        return self
    def __exit__(self, *exc):
        Timer.ticks += 5
        self.elapsed = Timer.ticks - self.start
with Timer() as t:
    pass
print("elapsed", t.elapsed)

class ExitSeesTraceback:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("traceback object present:", tb is not None, "| same as ev.__traceback__:", tb is ev.__traceback__)
        return True
with ExitSeesTraceback():
    raise RuntimeError("x")

class MissingExit:
    def __enter__(self):
        return self
try:
    with MissingExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
