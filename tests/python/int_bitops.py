# Checks bitwise operators and shifts on positive, negative and big integers (two's complement semantics).
vals = [0, 1, 5, 12, -1, -6, 255, -256]
for a in vals:
    print(a, "~", ~a, "&12", a & 12, "|3", a | 3, "^10", a ^ 10, "<<3", a << 3, ">>1", a >> 1)

print(-1 >> 100, -5 >> 1, -5 >> 2, 5 >> 100, 1 << 100)
print((1 << 64) - 1, ((1 << 64) - 1) >> 32, -(1 << 64) >> 63)
print((2 ** 100 + 5) & 0xFF, (2 ** 100) | 1, (2 ** 100) ^ (2 ** 100 - 1))
print(-(2 ** 100) & 0xFFFF, -(2 ** 100) | 7, (-(2 ** 70)) ^ 3)
print(~(2 ** 80), -(2 ** 80) >> 40, (3 << 200) >> 199)
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)

def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(17)], popcount(2 ** 100 - 1))

def bits(n, width=8):
    return "".join("1" if n >> i & 1 else "0" for i in reversed(range(width)))
print(bits(5), bits(-5), bits(200), bits(-128), bits(0xABCD, 16))

mask = 0
for i in (1, 3, 5, 7):
    mask |= 1 << i
print(mask, bin(mask), [i for i in range(8) if mask & (1 << i)])
print(mask & ~(1 << 3), bin(mask ^ 0xFF))
x = 0xF0
x &= 0x3C; print(x)
x |= 0x01; print(x)
x ^= 0xFF; print(x)
x <<= 4; print(x)
x >>= 6; print(x)
print(1 << 0, 7 >> 0, 0 << 1000, -1 << 3)
