# Checks f-strings: expressions, nested format specs, conversions, = debugging specifier, escaping braces, multi-line and nesting.
name, age, pi = "Ann", 30, 3.14159265
print(f"{name} is {age} years old")
print(f"{name!r} {name!s} {'é'!a} {age + 1} {age * 2 if age > 18 else 0} {len(name)}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:e} {age:05d} {age:x} {age:#b} {1234567:,}")
width, prec = 12, 3
print(f"{pi:{width}.{prec}f}|", f"{name:>{width}}|", f"{name:{'*'}^{width}}|", f"{pi:.{prec}}")
print(f"{{braces}} {{{age}}} {{}}")
print(f"{age=}", f"{pi=:.2f}", f"{name=!r}", f"{name = }", f"{age + 1=}", f"{name.upper()=}")
print(f"{'nested ' + f'{age:>4}'}")
items = [1, 2, 3]
d = {"key": "value", "n": 5}
print(f"{items[0]} {items[-1]} {d['key']} {d['n'] ** 2} {sum(items)} {[x * 2 for x in items]}")
print(f"{(lambda x: x * 3)(4)} {', '.join(str(i) for i in items)} {max(items, key=lambda v: -v)}")
multi = (f"line one {age}\n"
         f"line two {name}")
print(multi)
print(f"""triple {name}
quoted {age}""")
class T:
    def __format__(self, spec):
        return f"T<{spec}>"
    def __repr__(self):
        return "T()"
    def __str__(self):
        return "T-str"
t = T()
print(f"{t}", f"{t:abc}", f"{t!r}", f"{t!s}", f"{t!r:>6}", f"{t=}")
print(f"{3.0:g} {-0.0} {1e100:.3} {10**20} {True} {None!r} {b'by'}")
print(f"{'left':<6}|{'right':>6}|{'center':^10}|")
print(f"{12:+} {-12:+} {12: } {1_000_000:_}")
value = 42
print(f"{value:{'>' if value > 10 else '<'}{8}}|")
print(f"{'a' 'b'}", f"{'x'*3}", f"{chr(65)}{chr(0x1F600)}")
print(F"upper F {age}", rf"raw {name}\n", fr"\t{age}")
dt = {"y": 2024, "m": 3, "d": 7}
print(f"{dt['y']}-{dt['m']:02d}-{dt['d']:02d}")
print(f"{'%s' % 'percent inside'}", f"{'{}'.format('format inside')}")
print(f"{name[::-1]} {name[1:]} {name * 2}")
