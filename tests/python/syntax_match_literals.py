# Checks match statements with literal, capture, wildcard, or-patterns, guards and value patterns.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case int(n) if n > 100:
            return f"big {n}"
        case str() as s if len(s) > 3:
            return f"long string {s!r}"
        case _:
            return f"other {x!r}"

for v in [0, 1, 3, "hello", True, False, None, -1, 2.5, 500, 50, "abcdef", "ab", 1.0, 0.0]:
    print(repr(v), "->", describe(v))

class Color:
    RED = "red"
    GREEN = "green"

def color_name(c):
    match c:
        case Color.RED:
            return "it is red"
        case Color.GREEN:
            return "it is green"
        case other:
            return "unknown " + other

print(color_name("red"), "|", color_name("green"), "|", color_name("blue"))

def http(status):
    match status:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302:
            return "redirect"
        case code if 400 <= code < 500:
            return "client error"
        case code if code >= 500:
            return "server error"
    return "fell through"

for s in (200, 204, 302, 404, 418, 503, 100):
    print(s, http(s))

# capture binds even if the guard fails
def guard_binding(v):
    match v:
        case n if n > 10:
            pass
        case _:
            pass
    return n
print(guard_binding(3), guard_binding(30))

match "x":
    case "y":
        print("no")
print("no case matched is fine")
match b"bytes":
    case b"bytes":
        print("bytes literal matched")
match 5:
    case 1 | 5 as which:
        print("or-pattern with as:", which)
