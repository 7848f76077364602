# Checks complex repr/str: parentheses rules, signed zeros, inf/nan components, integer-valued parts, and format specs.
vals = [1j, -1j, 0j, -0j, 1 + 2j, 1 - 2j, -1 - 2j, 1.5 + 0.25j, complex(0, -0.0), complex(-0.0, 0),
        complex(-0.0, -0.0), complex(1e16, 1e-5), complex(float("inf"), 1), complex(1, float("nan")),
        complex(float("-inf"), float("-inf")), 2j * 3, 0.1j + 0.2j, complex(3, 0), 1e300j * 10, complex(1, 1e22)]
for v in vals:
    print(repr(v), str(v))
print([1j, 2 + 3j], (0j,), {"c": -1j})
print(f"{1 + 2j}", f"{1.5 - 2.25j:.2f}", f"{3 + 4j:>20}", f"{1 + 1j:e}", f"{-1j:g}", format(2 + 3j, "^16.1f"))
print("%s %r" % (1 + 1j, 2j))
print(f"{1+2j!r:>12}|", "{0.real} {0.imag}".format(5 - 6j))
print(complex("1e3+1e-3j"), complex("inf+nanj"), complex("-j"), complex("+j"), complex("1.5"))
print(repr(complex(1, 2) * 1j), repr(1j * 1j), repr(-(0j)), repr(0j * -1))
