# Checks user-defined exception classes: hierarchies, extra attributes, custom __str__, args handling and catching by base.
class AppError(Exception):
    """Base for application errors."""

class ValidationError(AppError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem

class NotFound(AppError):
    def __init__(self, what):
        self.what = what
    def __str__(self):
        return f"{self.what} was not found"

class Retryable(AppError):
    pass

class Timeout(Retryable, TimeoutError):
    pass

def risky(kind):
    if kind == "validation":
        raise ValidationError("email", "missing @")
    if kind == "notfound":
        raise NotFound("user 42")
    if kind == "timeout":
        raise Timeout("took too long")
    if kind == "plain":
        raise AppError()
    return "fine"

for kind in ("ok", "validation", "notfound", "timeout", "plain"):
    try:
        print(kind, "->", risky(kind))
    except Retryable as e:
        print(kind, "-> retryable", type(e).__name__, e, e.args)
    except AppError as e:
        print(kind, "-> app error", type(e).__name__, repr(str(e)), e.args)

try:
    risky("validation")
except ValidationError as e:
    print(e.field, "|", e.problem, "|", repr(e))

# NotFound never called super().__init__, yet args is set by BaseException.__new__
nf = NotFound("thing")
print(nf.args, str(nf), repr(nf))
print(issubclass(Timeout, OSError), Timeout.__mro__[1].__name__)
print([c.__name__ for c in Timeout.__mro__])

# exception with default message via class attribute
class Configurable(Exception):
    default = "configuration problem"
    def __init__(self, msg=None):
        super().__init__(msg or self.default)
print(Configurable(), "|", Configurable("custom"))

# exceptions are regular objects: can be stored, compared, raised later
saved = []
for i in range(3):
    try:
        raise ValidationError(f"f{i}", "bad")
    except ValidationError as e:
        saved.append(e)
print([str(e) for e in saved])
try:
    raise saved[1]
except AppError as e:
    print("re-raised stored:", e, e is saved[1])

# raising a class instantiates it
try:
    raise Retryable
except Retryable as e:
    print(repr(e), e.args)
try:
    raise NotFound
except TypeError as e:
    print(type(e).__name__, e)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print(type(e).__name__, e)
