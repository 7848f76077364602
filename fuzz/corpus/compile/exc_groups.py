# Checks Python 3.11 ExceptionGroup and except*: splitting, nesting, matching by type, messages and exceptions attribute.
eg = ExceptionGroup("many problems", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(type(eg).__name__, str(eg), len(eg.exceptions), eg.message)
print([repr(e) for e in eg.exceptions])

try:
    raise eg
except* ValueError as g:
    print("ValueError group:", repr(g.message), [str(e) for e in g.exceptions])
except* TypeError as g:
    print("TypeError group:", [str(e) for e in g.exceptions])

# unhandled parts propagate as a new group
try:
    try:
        raise ExceptionGroup("mixed", [KeyError("k"), ZeroDivisionError("z"), KeyError("j")])
    except* KeyError as g:
        print("handled KeyErrors:", [repr(e) for e in g.exceptions])
except ExceptionGroup as rest:
    print("propagated:", str(rest), [type(e).__name__ for e in rest.exceptions])

# except* on a naked exception wraps it in a group
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", type(g).__name__, repr(g.message), [str(e) for e in g.exceptions])

# split and subgroup
eg2 = ExceptionGroup("top", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
match, rest = eg2.split(ValueError)
print("match:", repr(match))
print("rest:", repr(rest))
print("subgroup TypeError:", repr(eg2.subgroup(TypeError)))
print("subgroup OSError:", eg2.subgroup(OSError))
print(str(eg2))

# BaseExceptionGroup vs ExceptionGroup
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(ExceptionGroup, Exception))
auto = BaseExceptionGroup("auto", [ValueError()])
print(type(auto).__name__)

try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("wrong", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)

# multiple except* clauses can each run
log = []
try:
    raise ExceptionGroup("eg", [OSError("o"), ValueError("v"), IndexError("i")])
except* (OSError, IndexError) as g:
    log.append(sorted(type(e).__name__ for e in g.exceptions))
except* ValueError as g:
    log.append([type(e).__name__ for e in g.exceptions])
print(log)
