# Checks try/except/else/finally execution order across success, handled failure, unhandled failure and multiple except clauses.
def run(action):
    steps = []
    try:
        try:
            steps.append("try")
            if action == "value":
                raise ValueError("bad value")
            if action == "type":
                raise TypeError("bad type")
            if action == "key":
                {}["missing"]
            steps.append("try done")
        except ValueError as e:
            steps.append(f"except ValueError({e})")
        except (TypeError, AttributeError) as e:
            steps.append(f"except tuple {type(e).__name__}")
        else:
            steps.append("else")
        finally:
            steps.append("finally")
    except KeyError as e:
        steps.append(f"outer caught KeyError {e}")
    return steps

for action in ("ok", "value", "type", "key"):
    print(action, "->", run(action))

# except clauses are tried in order; first match wins
try:
    raise IndexError("idx")
except LookupError:
    print("LookupError clause caught IndexError")
except IndexError:
    print("never: IndexError clause comes second")

# bare except catches everything
try:
    raise SystemError("sys")
except:
    print("bare except caught SystemError")

# the exception variable is deleted after the handler
e = "before"
try:
    1 / 0
except ZeroDivisionError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)

# else not run when exception is raised, finally always runs
def f(n):
    try:
        r = 10 / n
    except ZeroDivisionError:
        return "div by zero"
    else:
        return f"result {r}"
    finally:
        print(f"  finally for n={n}")
print(f(2))
print(f(0))

# exception inside else is not caught by the same try's except
try:
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise ValueError("from else")
except ValueError as err:
    print("outer got", err)

# exception inside finally replaces the original
try:
    try:
        raise KeyError("original")
    finally:
        raise RuntimeError("from finally")
except Exception as err:
    print(type(err).__name__, err, "context:", repr(err.__context__))

# catching with a tuple stored in a variable
errors = (ValueError, ZeroDivisionError)
for thunk in (lambda: int("x"), lambda: 1 % 0):
    try:
        thunk()
    except errors as err:
        print("caught via tuple:", type(err).__name__, err)
# exception matching uses isinstance against classes
class MyErr(ValueError):
    pass
try:
    raise MyErr("mine")
except ValueError as err:
    print("ValueError clause caught", type(err).__name__)
try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as err:
    print(type(err).__name__, err)
