# Checks match statements with sequence, mapping, class patterns (positional via __match_args__ and keyword), nesting and star captures.
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case [first, *rest] if len(rest) > 3:
            return f"long first={first} rest={rest}"
        case [first, *_, last]:
            return f"first={first} last={last}"

for v in ([], [1], (1, 2), [1, 2, 3], list(range(7)), "ab", range(3)):
    print(repr(v), "->", seq(v))

def mapping(m):
    match m:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} extra={sorted(rest.items())}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "some mapping"

print(mapping({"type": "point", "x": 1, "y": 2, "z": 9}))
print(mapping({"type": "circle", "r": 5, "color": "red", "fill": True}))
print(mapping({"type": "square"}))
print(mapping({"kind": "none"}))
print(mapping({}))
print(mapping([1]))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

class Line:
    __match_args__ = ("start", "end")
    def __init__(self, start, end):
        self.start = start
        self.end = end

def where(obj):
    match obj:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x=x, y=0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"somewhere {obj!r}"
        case Line(Point(x1, y1), Point(x2, y2)) if x1 == x2:
            return f"vertical line at x={x1} from {y1} to {y2}"
        case Line(start=s, end=e):
            return f"line {s!r} -> {e!r}"
        case (int() | float()) as num:
            return f"number {num}"
        case [Point() as p, *others]:
            return f"list starting with {p!r} plus {len(others)}"
        case _:
            return "no idea"

for o in (Point(0, 0), Point(0, 5), Point(3, 0), Point(4, 4), Point(1, 2),
          Line(Point(1, 1), Point(1, 9)), Line(Point(0, 1), Point(2, 3)),
          7, 2.5, [Point(9, 9), 1, 2], "str"):
    print(where(o))

def builtin_patterns(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case str(s):
            return f"str {s}"
        case list([x, y]):
            return f"2-list {x} {y}"
        case tuple((x, *ys)):
            return f"tuple head {x} tail {ys}"
        case dict({"k": val}):
            return f"dict k={val}"
    return "none"

for v in (True, 3, "s", [1, 2], [1, 2, 3], (1, 2, 3), {"k": "v"}, {"j": 1}):
    print(repr(v), builtin_patterns(v))

# nested with star inside mapping values
cmd = {"cmd": "move", "args": [10, 20, 30]}
match cmd:
    case {"cmd": "move", "args": [x, *more]}:
        print("move", x, more)
