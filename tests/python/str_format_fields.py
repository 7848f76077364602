# Checks str.format/format_map: auto and manual numbering, attribute and index fields, conversions, nested specs, escapes and the grammar's error messages.
class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __format__(self, spec):
        return "Pt<" + spec + ">"
    def __repr__(self):
        return "Pt(%d, %d)" % (self.x, self.y)

p = Pt(3, 4)
print("{} {} {}".format(1, "two", 3.0), "{1} {0} {1}".format("a", "b"))
print("{0.x},{0.y} {0!r} {0!s:>5}|".format(p), "{p.x}".format(p=p))
print("{0[0]} {0[2]} {1[k]} {1[k][1]}".format([10, 20, 30], {"k": "vw"}))
print("{d[1]} {d[-1]} {d[1:2]}".format(d={1: "int", "-1": "neg", "1:2": "slice"}))
print("{:>{w}}|{:<{w}}|{:^{w}.{p}}|".format("r", "l", "centered", w=7, p=3))
print("{0:{1}{2}}|".format(42, "+", 6), "{:{}}|{}".format("a", 4, "z"))
print("{{literal}} {{{0}}} }}{{".format(7))
print("{!r} {!a} {!s}".format("é", "é", "é"))
print("{:,} {:_} {:08.3f} {:+d} {:#x} {:#b} {:o}".format(1234567, 9876543, -3.14159, 5, 255, 5, 8))
print("{:e} {:.2%} {:g} {:G} {:n}".format(12345.678, 0.1234, 1e-7, 1e20, 1234))
print("{:abc} {x:zz}".format(p, x=p), format(p, "q"))
print("{0}{0}{0}".format("ab"), "{}".format(*range(3)))
print("{name} is {age}".format_map({"name": "Ann", "age": 30}))

class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"

print("{name} and {other}".format_map(Default(name="Bo")))

class Lookup:
    def __getitem__(self, k):
        return k.upper()

print("{a}-{bc}".format_map(Lookup()))

bad = ["{", "}", "a}b", "{0", "{0!", "{0!z}", "{0!rx}", "{:{:{}}}", "{a[}", "{0.}", "{0[]}", "{0[0]x}",
       "{0}{}", "{}{0}", "{5}", "{missing}", "{0:d}", "{!}", "{0:{}"]
for b in bad:
    try:
        print(repr(b), "->", b.format("s", [1], 2))
    except (ValueError, IndexError, KeyError) as e:
        print(repr(b), type(e).__name__, e)
try:
    "{0}".format_map({})
except ValueError as e:
    print(type(e).__name__, e)
try:
    "{0[5]}".format([1])
except IndexError as e:
    print(type(e).__name__, e)
try:
    "{:x}".format("s")
except ValueError as e:
    print(type(e).__name__, e)
