# Checks print() keywords: sep/end/file/flush (None meaning default), a custom file object, and keyword errors.
import sys
print("a", "b", sep="-", end="!\n")
print("x", file=sys.stdout, flush=True)
print(*[1, 2, 3], sep=", ")
print()
print("", end="")
print(None, sep=None, end=None)
print("no", "sep", sep="")
print("multi", end="")
print(" line")
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("hello", 42, file=w, sep="|")
print(file=w)
print(w.parts)
print("file None", file=None)
for kw in ({"sep": 5}, {"end": 5}, {"foo": 1}, {"file": 3}):
    try:
        print("x", **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
