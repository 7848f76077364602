# Checks finally interacting with return, break and continue, including finally overriding returns and swallowing exceptions.
def return_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(return_in_finally())

def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(finally_swallows())

def finally_sees_return_value():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(finally_sees_return_value())

def finally_rebinding_no_effect():
    x = 1
    try:
        return x
    finally:
        x = 2
print(finally_rebinding_no_effect())

def break_in_finally():
    for i in range(5):
        try:
            if i == 2:
                raise RuntimeError("discarded by break")
        finally:
            if i == 2:
                break
    return i
print(break_in_finally())

def continue_in_finally():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise KeyError(i)
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())

def nested_finally():
    log = []
    try:
        try:
            log.append("inner try")
            return log
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
print(nested_finally())

def loop_return_in_try():
    log = []
    for i in range(3):
        try:
            if i == 1:
                return log, i
        finally:
            log.append(f"fin{i}")
print(loop_return_in_try())

def while_continue_finally():
    n = 0
    log = []
    while n < 3:
        n += 1
        try:
            continue
        finally:
            log.append(n)
    return log
print(while_continue_finally())

def exception_then_finally_return_in_generator():
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally")
g = exception_then_finally_return_in_generator()
print(next(g))
g.close()

count = 0
def retry():
    global count
    for attempt in range(5):
        try:
            count += 1
            if attempt < 3:
                raise ConnectionError(f"attempt {attempt}")
            return f"succeeded on attempt {attempt}"
        except ConnectionError as e:
            print("  failed:", e)
            continue
        finally:
            print("  cleanup", attempt)
print(retry(), count)
