# Checks the builtin exception hierarchy: base classes of common exceptions and catching via LookupError/ArithmeticError/Exception.
def chain(cls):
    return " > ".join(c.__name__ for c in cls.__mro__ if c is not object)

for cls in (ZeroDivisionError, OverflowError, IndexError, KeyError, ValueError, UnicodeDecodeError,
            TypeError, AttributeError, NameError, UnboundLocalError, StopIteration, GeneratorExit,
            KeyboardInterrupt, SystemExit, RecursionError, NotImplementedError, ModuleNotFoundError,
            FileNotFoundError, AssertionError, MemoryError, IndentationError, TabError, StopAsyncIteration):
    print(chain(cls))

cases = [
    (lambda: [][1], LookupError),
    (lambda: {}["k"], LookupError),
    (lambda: 1 / 0, ArithmeticError),
    (lambda: 10 ** 400 * 1.0, ArithmeticError),
    (lambda: undefined_name, NameError),
    (lambda: b"\xff".decode(), ValueError),
    (lambda: int("z"), ValueError),
    (lambda: None.attr, AttributeError),
    (lambda: next(iter([])), StopIteration),
]
for fn, base in cases:
    try:
        fn()
    except base as e:
        print(f"caught {type(e).__name__} as {base.__name__}: {e}")

# GeneratorExit / SystemExit / KeyboardInterrupt are not Exceptions
for cls in (GeneratorExit, SystemExit, KeyboardInterrupt, StopIteration, Warning, UserWarning):
    print(cls.__name__, issubclass(cls, Exception), issubclass(cls, BaseException))

try:
    try:
        raise SystemExit(5)
    except Exception:
        print("not caught by Exception")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__, e.code)

try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt args:", e.args)
print(OSError is IOError, OSError is EnvironmentError)
print(isinstance(ZeroDivisionError(), ArithmeticError), issubclass(UnicodeError, ValueError))
