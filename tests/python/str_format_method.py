# Checks str.format: auto/explicit positional fields, keywords, attribute and index lookups, conversions and nested specs.
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{1}{0}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=30), "{0} {x}".format("pos", x="kw"))
print("{{literal braces}} {}".format("value"), "{{}}".format(), "{{{0}}}".format(5))

class P:
    def __init__(self):
        self.x = 10
        self.inner = {"key": [1, 2, 3]}
p = P()
print("{0.x} {0.inner[key]} {0.inner[key][2]}".format(p), "{p.x}".format(p=p))
data = {"a": 1, "list": ["zero", "one"], 3: "int key"}
print("{d[a]} {d[list][1]} {d[3]}".format(d=data), "{0[1]}".format("xyz"), "{0[0][0]}".format([["nested"]]))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>10}".format("hi"), "{!r:>6}".format("x"))
print("{:<8}|{:>8}|{:^8}|{:*^9}|{:08.3f}|{:+d}".format("left", "right", "mid", "star", 3.14159, 7))
print("{:,}".format(1234567), "{:_b}".format(255), "{:#x}".format(255), "{:e}".format(0.00012), "{:.1%}".format(0.256))
print("{0:{1}}|".format("w", 5), "{0:{fill}{align}{width}}".format("x", fill="-", align="^", width=7))
print("{:{}.{}f}".format(3.14159, 10, 2), "{:>{w}}".format("r", w=4))
print("{0}{1}{0}".format("ab", "-"), "".format(), "no fields".format(1, 2, k=3))
print("{:s}".format("str"), "{:d}".format(42), "{:c}".format(65), "{:n}".format(1000), "{:%}".format(1))
print("{0:>5}{0:<5}|".format(1), "{:^5}".format(True), "{}".format(None), "{!s:>6}".format(None))
args = ("x", "y")
kwargs = {"k": "v"}
print("{} {} {k}".format(*args, **kwargs), "{0} {k}".format(*args, **kwargs))
print("{:10}|{:<10}|{:>10}|".format(12, "s", 1.5))
print("{:=10}|{:=+10}|{:0=10}".format(-5, 5, -5))
print("{0.real}+{0.imag}j".format(3 + 4j), "{:.2f}".format(2.675), "{:g}".format(1e20))
print(format("abc", ">5"), format(5, "03"), format(0.5, ".0%"), str.format("{}-{}", 1, 2))
print("{!r}".format([1, "a"]), "{}".format({"k": "v"}), "{0!s:^11}".format([1, 2]))
for bad in ["{", "}", "{0", "{:}}", "{0!x}", "{a.}", "{0[}"]:
    try:
        print(repr(bad.format(1, a=1)))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
