# collections.namedtuple: construction, defaults, rename, helpers, errors
from collections import namedtuple
Point = namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), p == (1, 2))
x, y = p; print(x, y)
print(Point._fields, Point(x=3, y=4), Point._make([5, 6]), p._replace(x=9), p._asdict())
print(isinstance(p, tuple), type(p).__name__, {p: 1}[Point(1, 2)], p + (3,))
print(Point.__doc__, Point.x.__doc__)
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[10, 20])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults)
R = namedtuple('R', 'ok def ok _x 1y', rename=True)
print(R._fields)
C = namedtuple('C', 'a, b,c')
print(C(1, 2, 3), C._fields)
E = namedtuple('E', '')
print(E(), E._fields)
One = namedtuple('One', 'v')
print(One(5), One(5).v)
class Sub(namedtuple('Base', 'a b')):
    __slots__ = ()
    def total(self):
        return self.a + self.b
s = Sub(2, 3); print(s, s.total())
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(Point.__match_args__)
match p:
    case Point(x=1, y=yy):
        print('matched', yy)
for f in [lambda: namedtuple('P', 'a 1b'), lambda: namedtuple('P', 'a class'),
          lambda: namedtuple('P', 'a _b'), lambda: namedtuple('P', 'a a'),
          lambda: namedtuple('P', 'a', defaults=(1, 2)), lambda: Point(1),
          lambda: Point(1, 2, 3), lambda: Point._make([1]), lambda: p._replace(z=1),
          lambda: namedtuple('1P', 'a'), lambda: Point(1, x=2), lambda: p.z]:
    try:
        print(f())
    except Exception as ex:
        print(type(ex).__name__, ex)
try:
    p.x = 5
except AttributeError as ex:
    print('AttributeError')
