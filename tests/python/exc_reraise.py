# Checks re-raising: bare raise, raise e, with_traceback, raising in loops, and exceptions escaping through several frames.
def fails(n):
    if n == 0:
        raise ValueError("reached zero")
    return fails(n - 1)

try:
    fails(5)
except ValueError as e:
    print("caught from 6 frames deep:", e)

def wrapper():
    try:
        fails(2)
    except ValueError:
        print("wrapper logging and re-raising")
        raise

try:
    wrapper()
except ValueError as e:
    print("outer sees", e)

def reraise_named():
    try:
        int("q")
    except ValueError as err:
        saved = err
    raise saved

try:
    reraise_named()
except ValueError as e:
    print("named re-raise:", e)

def convert():
    try:
        return int("nope")
    except ValueError as e:
        raise RuntimeError(f"conversion failed: {e}")

try:
    convert()
except RuntimeError as e:
    print(e, "| context type:", type(e.__context__).__name__)

# re-raise in a loop collecting errors
errors = []
for value in ["1", "two", "3", None, "5"]:
    try:
        try:
            n = int(value)
        except ValueError:
            errors.append(("value", value))
            raise
        except TypeError:
            errors.append(("type", value))
            raise
    except (ValueError, TypeError):
        continue
print(errors)

try:
    raise ValueError("tb").with_traceback(None)
except ValueError as e:
    print("with_traceback returns the exception:", e)

# exceptions can be raised from generators and caught by the consumer
def gen():
    yield 1
    raise KeyError("from generator")
try:
    for v in gen():
        print("gen value", v)
except KeyError as e:
    print("consumer caught", e)

# exception in a lambda inside map, caught outside list()
try:
    list(map(lambda x: 10 // x, [5, 2, 0, 1]))
except ZeroDivisionError as e:
    print("map raised", e)

# exception raised in __init__ prevents object creation
class Fragile:
    def __init__(self, ok):
        if not ok:
            raise ValueError("refused")
        self.ok = ok
objs = []
for flag in (True, False, True):
    try:
        objs.append(Fragile(flag))
    except ValueError as e:
        print("init raised", e)
print(len(objs))
