# Checks the allowed parts of sys: argv[0] basename, recursion limit get/set, maxsize, and stdout.write.
import sys
print(sys.argv[0].replace("\\", "/").split("/")[-1], len(sys.argv))
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, type(sys.maxsize).__name__, sys.maxsize + 1 > sys.maxsize)
sys.stdout.write("direct write\n")
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.setrecursionlimit("100")
except TypeError as e:
    print(type(e).__name__, e)
import sys as system
print(system is sys, system.maxsize == sys.maxsize)
from sys import maxsize as biggest
print(biggest == sys.maxsize)
import math
print(math.sqrt(81), math.floor(-1.5), math.ceil(-1.5), math.gcd(84, 36), math.factorial(6), math.pi > 3.14, math.isinf(math.inf))
from math import sqrt, pi as PI
print(sqrt(2) ** 2, round(PI, 2))
