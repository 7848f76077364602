# Checks printf-style % formatting: all common conversions, flags, width/precision (incl. *), mapping keys, tuples and errors.
print("%s|%r|%a" % ("é", "é", "é"))
print("%s %s" % ("a", "b"), "%s" % "single", "%s" % ("tuple-wrapped",), "%s" % [1, 2], "%s" % ((1, 2),))
print("%d %i %u" % (1.9, -2.9, 3), "%x %X %o" % (255, 255, 8), "%#x %#X %#o" % (255, 255, 8))
print("%e %E %f %F %g %G" % (12345.678, 12345.678, 1.5, float("inf"), 0.00001234, 1e30))
print("%5s|%-5s|%.2s|%5.1s|" % ("abc", "abc", "abc", "abc"))
print("%05d|%-5d|%+d|% d|%+05d|%x" % (42, 42, 42, 42, -42, -255))
print("%*d|%-*d|%.*f|%*.*f" % (5, 1, 5, 2, 3, 3.14159, 8, 2, 2.71828))
print("%(name)s is %(age)d years, %(name)r again" % {"name": "Ann", "age": 30})
print("%(x)05.1f %%" % {"x": 3.14159})
print("%c%c%c" % ("a", 98, 0x1F600))
print("%%d literal, %s" % "ok", "100%%" % (), "%s%%" % 5)
print("%s" % None, "%r" % None, "%d" % True, "%s" % b"bytes", "%r" % 1.0, "%s" % 1e100)
print("%10.4f|%-10.2e|%10g" % (3.14159265, 31415.9265, 0.0000314))
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5))
print("%3c|%-3c|" % ("x", "y"))
print("%s and %s" % tuple(["list", "converted"]))
print("%.3s" % "abcdef", "%.10s" % "short", "%-8.3s|" % "abcdef")
print("%i%%" % 99, "%5.1f%%" % 12.345, "%x" % 3735928559, "%o" % -8)
for bad in [("%d", "str"), ("%s %s", ("one",)), ("%s", (1, 2)), ("%(k)s", ("t",)), ("%c", "ab"), ("%c", -1), ("%y", 1), ("%", ())]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
class Obj:
    def __str__(self):
        return "STR"
    def __repr__(self):
        return "REPR"
print("%s %r %a" % (Obj(), Obj(), Obj()))
print("%s" % {"a": 1}, "%(a)s" % {"a": [1]}, "%s" % ({"a": 1},))
