# Checks print(): multiple args, sep/end, empty print, non-string objects, file=sys.stdout, flush, and sys.stdout.write return value.
import sys
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=" | ")
print("no newline", end="")
print(" <- continued", end="!\n")
print("x", "y", sep="\n")
print(1, 2.5, None, True, [1, "s"], (1,), {"k": "v"}, b"by", sep=", ")
print(*range(5))
print(*range(5), sep="")
print(*[], sep="-", end="<empty star>\n")
print("tab\tseparated", "and\\backslash")
print("sep None", "uses space", sep=None)
print("end None", end=None)
print("to stdout", file=sys.stdout)
print("flushed", flush=True)
n = sys.stdout.write("written via sys.stdout.write\n")
print("write returned", n)
sys.stdout.write("partial ")
sys.stdout.write("line\n")
print("unicode: é ñ 日本 😀")
print("", "", sep="|")
print("multi\nline\nstring")
print("a" * 3, "=" * 10, sep="")
class Shows:
    def __str__(self):
        return "str() is used by print"
print(Shows())
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", end=[])
except TypeError as e:
    print(type(e).__name__, e)
for i in range(3):
    print(i, end=" ")
print()
print("done", end="\n\n")
print("after blank line")
