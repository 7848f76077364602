# Checks round() on floats and ints: banker's rounding, ndigits positive/negative, return types, and representation effects.
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(type(round(2.7)).__name__, type(round(2.7, 0)).__name__, type(round(2.7, None)).__name__)
print(round(2.675, 2), round(2.665, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(3.14159, 3), round(3.14159, 0), round(-3.14159, 1), round(1234.5678, -2), round(1234.5678, -3))
print(round(5.5, -1), round(15.5, -1), round(25.0, -1), round(35.0, -1), round(-25.0, -1))
print(round(1e20, 2), round(1.5e-10, 5), round(123.456, 10), round(0.1 + 0.2, 15))
print(round(12345, -2), round(12350, -2), round(12450, -2), round(-12350, -2), round(7, 3), round(7, -1))
print(type(round(12345, -2)).__name__, round(10 ** 30 + 5 * 10 ** 10, -11))
print(round(0.0), round(-0.0), round(-0.4), round(-0.6), round(0.4999999999999999), round(0.5000000000000001))
print(round(-0.0, 1), round(-0.04, 1), round(2.5, 0), round(-2.5, 0))
print([round(x / 2) for x in range(-6, 7)])
print([round(x / 20, 1) for x in range(0, 21, 1)])
print(round(float("inf"), 2), round(float("nan"), 2), round(float("-inf"), 0))
print(round(1.23456789e-300, 302), round(9.995, 2), round(99.5), round(100.5))
print(round(True), round(False, 2), round(2 ** 60 + 0.0))
class HasRound:
    def __round__(self, n=None):
        return f"custom round n={n}"
print(round(HasRound()), round(HasRound(), 4))
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(1.5, 1.0)
except TypeError as e:
    print(type(e).__name__, e)
