# Checks exception chaining: raise ... from ..., implicit __context__, __suppress_context__, raise from None.
def explicit():
    try:
        {}["key"]
    except KeyError as e:
        raise ValueError("lookup failed") from e

try:
    explicit()
except ValueError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("context is cause:", e.__context__ is e.__cause__)
    print("suppress_context:", e.__suppress_context__)

def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("while handling")

try:
    implicit()
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", e.__cause__)
    print("context:", type(e.__context__).__name__, e.__context__)
    print("suppress_context:", e.__suppress_context__)

def from_none():
    try:
        int("abc")
    except ValueError:
        raise TypeError("clean error") from None

try:
    from_none()
except TypeError as e:
    print(type(e).__name__, e)
    print("cause:", e.__cause__, "suppress:", e.__suppress_context__, "context kept:", type(e.__context__).__name__)

# cause can be set from an exception class (instantiated automatically)
try:
    raise IndexError("idx") from KeyError
except IndexError as e:
    print("cause instance:", repr(e.__cause__))

# cause must be an exception
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)

# chains of three
try:
    try:
        try:
            raise OSError("disk")
        except OSError as e1:
            raise ValueError("parse") from e1
    except ValueError as e2:
        raise RuntimeError("top")
except RuntimeError as e3:
    chain = []
    cur = e3
    while cur is not None:
        chain.append(f"{type(cur).__name__}({cur})")
        cur = cur.__cause__ or cur.__context__
    print(" <- ".join(chain))

# setting attributes manually
err = ValueError("manual")
err.__cause__ = KeyError("k")
print(err.__suppress_context__, repr(err.__cause__))
# context is not set when raising inside a new (unrelated) try
try:
    raise ValueError("fresh")
except ValueError as e:
    print("fresh context:", e.__context__)
# raising the same exception being handled does not create a self-loop
try:
    try:
        raise KeyError("same")
    except KeyError as e:
        raise e
except KeyError as e:
    print("self context:", e.__context__)
