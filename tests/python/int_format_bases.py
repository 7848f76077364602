# Checks bin/oct/hex and format specs for integers: padding, signs, grouping, alternate forms, bases, and %-formatting.
for n in (0, 1, 7, 8, 255, 256, -1, -255, 2 ** 40, -(2 ** 70)):
    print(n, bin(n), oct(n), hex(n))
print(format(255, "b"), format(255, "o"), format(255, "x"), format(255, "X"), format(255, "d"))
print(format(255, "#b"), format(255, "#o"), format(255, "#x"), format(255, "#X"))
print(format(-255, "#x"), format(-255, "08x"), format(255, "#010b"), format(5, "08b"))
print(f"{1234567:,}", f"{1234567:_}", f"{-1234567:,}", f"{1234567890:_x}", f"{0xFFFFFFFF:_b}")
print(f"{42:5}|{42:<5}|{42:^5}|{42:>5}|{42:*^9}|{42:=+7}|{-42:=7}|{42:07}")
print(f"{42:+}", f"{-42:+}", f"{42: }", f"{-42: }", f"{0:+}", f"{42:-}")
print(f"{42:c}", f"{0x263A:c}", f"{42:n}", f"{10 ** 25:,}")
print(f"{3:e}", f"{3:.2f}", f"{3:%}", f"{7:g}", f"{10**20:e}")
print("%d %i %5d %-5d| %05d %+d %x %X %o %#x %#o" % (42, -42, 42, 42, 42, 42, 255, 255, 8, 255, 8))
print("%c%c" % (72, 105), "%s %r" % (10, 10), "%%", "%d%%" % 50)
print("%.3d|%8.3d|%-8.3d|" % (5, 5, 5))
print("%d" % 3.99, "%x" % 255, "%d" % True, "%s" % True)
print(f"{True:d}", f"{True}", f"{False:5}", format(True, "^7"))
print(format(10 ** 30, "x"), format(-(10 ** 30), "_"))
print("{:>10,}".format(9876543210), "{:010,}".format(1234), "{:,d}".format(-1000))
width, fill = 12, "."
print(f"{123:{fill}>{width}}", f"{123:{width}x}")
print(int.__format__(77, "o"), (1234).__format__(","))
try:
    format(1, ",x")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1, ".2d")
except ValueError as e:
    print(type(e).__name__, e)
