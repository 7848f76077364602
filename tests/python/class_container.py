# Checks __getitem__/__setitem__/__delitem__ with ints, slices and tuples, the legacy __getitem__ iteration protocol, and __reversed__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        if isinstance(key, tuple):
            x, y = key
            if not (0 <= x < self.w and 0 <= y < self.h):
                raise IndexError(f"cell {key} out of range")
            return self.cells.get(key, ".")
        raise TypeError("grid indices must be (x, y) tuples")
    def __setitem__(self, key, value):
        self[key]
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def render(self):
        return "\n".join("".join(self[x, y] for x in range(self.w)) for y in range(self.h))

g = Grid(4, 3)
g[0, 0] = "#"
g[3, 2] = "@"
g[1, 1] = "+"
print(g.render())
del g[1, 1]
print(g.render())
for bad in ((5, 5), 3):
    try:
        g[bad]
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    del g[2, 2]
except KeyError as e:
    print(type(e).__name__, e)

class SliceLogger:
    def __getitem__(self, key):
        return key
s = SliceLogger()
print(s[1], s[1:2], s[::3], s[1:2, 3], s[...], s[:, None], s["k"])
sl = s[1:10:2]
print(sl.start, sl.stop, sl.step, sl.indices(5))

class Squares:
    # iteration falls back to __getitem__ with 0, 1, 2... until IndexError
    def __getitem__(self, i):
        if i >= 6:
            raise IndexError
        return i * i
print(list(Squares()), 16 in Squares(), 17 in Squares())
for v in Squares():
    if v > 4:
        print("first square > 4:", v)
        break

class Deck:
    def __init__(self):
        self.cards = [f"{r}{s}" for s in "SH" for r in "A23"]
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
    def __reversed__(self):
        print("  __reversed__ used")
        return iter(self.cards[::-1])
d = Deck()
print(len(d), d[0], d[-1], d[1:3], list(reversed(d)))

class SeqNoReversed:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3 or i < 0:
            raise IndexError(i)
        return "abc"[i]
print(list(reversed(SeqNoReversed())))

class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = value = len(key)
        return value
dd = DefaultDict(a=100)
print(dd["a"], dd["hello"], dd, dd.get("zzz"), "zzz" in dd)
