# Checks nested try blocks, exceptions raised inside handlers, bare raise re-raising (inside and outside handlers), and finally unwinding order.
def level3():
    raise KeyError("deep")
def level2():
    try:
        level3()
    except ValueError:
        print("level2 ValueError handler (not taken)")
def level1():
    try:
        level2()
    except KeyError as e:
        print("level1 caught", repr(e))
        raise
try:
    level1()
except LookupError as e:
    print("top caught", type(e).__name__, e)

# raising inside except sets __context__
try:
    try:
        [][5]
    except IndexError:
        {}["x"]
except KeyError as e:
    print(type(e).__name__, e, "context:", type(e.__context__).__name__, e.__context__)

# handler in a handler
try:
    raise ValueError("a")
except ValueError as outer:
    try:
        raise TypeError("b")
    except TypeError as inner:
        print("inner", inner, "inner.__context__ is outer:", inner.__context__ is outer)
    print("outer still", outer)

# bare raise outside handler
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)

# bare raise after the inner handler finished re-raises the outer exception
try:
    try:
        raise ValueError("outer one")
    except ValueError:
        try:
            raise TypeError("inner one")
        except TypeError:
            pass
        raise
except Exception as e:
    print("re-raised:", type(e).__name__, e)

# deeply nested try/finally unwinding order
def unwind():
    order = []
    try:
        try:
            try:
                raise ZeroDivisionError("z")
            finally:
                order.append("f3")
        finally:
            order.append("f2")
    except ZeroDivisionError:
        order.append("handler")
    finally:
        order.append("f1")
    return order
print(unwind())

# exceptions across function boundaries with partial handling
def parse_all(items):
    results = []
    for it in items:
        try:
            results.append(int(it))
        except ValueError as e:
            results.append(f"bad({it!r})")
        except TypeError as e:
            results.append(f"type({type(it).__name__})")
    return results
print(parse_all(["1", "x", None, "  42 ", 3.9, "-7", [1]]))

def handler_returns():
    try:
        raise ValueError
    except ValueError:
        return "returned from handler"
    finally:
        print("  finally after handler return")
print(handler_returns())
