# Checks complex arithmetic: + - * / **, mixing with int/float, abs, conjugate, real/imag, equality and errors.
a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, b ** 3, -a, +a)
print(abs(a), abs(b), abs(-5j), abs(0j), a.conjugate(), b.conjugate(), (5).conjugate())
print(a.real, a.imag, type(a.real).__name__, (2j).real, (7).imag, (2.5).imag)
print(a + 1, 1 + a, a * 2, 2 * a, a / 2, 1 / a, a - 0.5, 2.0 * 1j)
print(1j * 1j, 1j ** 2, (1j) ** 0, (2 + 0j) ** 10, (1 + 1j) ** 8, 1j ** -1)
print(a == 3 + 4j, a == complex(3, 4), (1 + 0j) == 1, (1 + 0j) == 1.0, 1j == 1, a != b)
print(complex(1, 2), complex(1.5), complex("1+2j"), complex("-3.5j"), complex(" (2-1j) "), complex(), complex(True))
print(complex(1j, 1j), complex(real=3), complex(imag=2), complex(2, 0), complex(-0.0, -0.0))
print(sum([1j, 2, 3.5, -1j]), (1 + 2j) * (1 - 2j), (3 + 4j) / (3 + 4j))
try:
    divmod(1j, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1 + 1j) // 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1 + 1j) % 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    1j / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    int(1j)
except TypeError as e:
    print(type(e).__name__, e)
try:
    float(1 + 0j)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(abs(complex(1e308, 1e308)))
    abs(complex(1e308, 1.5e308))
except OverflowError as e:
    print(type(e).__name__, e)
z = 0j
for k in range(1, 5):
    z += complex(k, -k)
print(z, z * z.conjugate(), (z * z.conjugate()).real)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), {1: "int", 1 + 0j: "complex"})
print(bool(0j), bool(0.0j + 1e-300j), bool(complex(0, 0)), not 1j)
print(pow(1j, 2), pow(2, 1j) == 2 ** 1j, (4 + 0j) ** 0.5)
