# Checks that builtins dispatch to dunder methods on user classes: abs, divmod, pow (2 and 3 args), round, format, iter/next, reversed, sorted, sum, min/max.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __abs__(self):
        return Money(abs(self.cents))
    def __divmod__(self, n):
        q, r = divmod(self.cents, n)
        return Money(q), Money(r)
    def __rdivmod__(self, other):
        return ("rdivmod", other)
    def __pow__(self, e, mod=None):
        return ("pow", self.cents, e, mod)
    def __round__(self, nd=None):
        return Money(round(self.cents, nd if nd is not None else -2))
    def __format__(self, spec):
        return format(self.cents / 100, spec or ".2f")
    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))
    __radd__ = __add__
    def __lt__(self, other):
        return self.cents < other.cents
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
m = Money(-1234)
print(abs(m), divmod(m, 100), divmod(7, m), pow(m, 2), pow(m, 2, 7), m ** 3, round(m), round(m, -1))
print(format(m), format(m, ".1f"), f"{m:>10.3f}", "{:.0f}".format(m))
wallet = [Money(500), Money(125), Money(990)]
print(sum(wallet), sum(wallet, Money(1)), sorted(wallet), min(wallet), max(wallet), sorted(wallet, reverse=True)[0])
print(Money(5) in wallet, Money(125) in wallet, wallet.index(Money(990)), {Money(1), Money(1)})

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
class Seq:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __reversed__(self):
        return iter(["custom", "reversed"])
print(list(Countdown(3)), next(Countdown(5)), sum(Countdown(4)), sorted(Countdown(4)), max(Countdown(6)))
print(list(reversed(Seq([1, 2, 3]))), list(Seq("ab")), len(Seq([0] * 7)), "b" in Seq("abc"), list(enumerate(Seq("xy"))))
print(list(zip(Seq("ab"), Countdown(2))), dict(zip(Seq("ab"), Seq([1, 2]))), list(map(str, Seq([1, 2]))))
class Truth:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
print(bool(Truth(False)), any([Truth(False), Truth(True)]), all([Truth(True), Truth(False)]), list(filter(None, [Truth(True), Truth(False)]))[0].v)
class Idx:
    def __index__(self):
        return 3
print(bin(Idx()), hex(Idx()), oct(Idx()), [0, 1, 2, 3, 4][Idx()], "abcdef"[:Idx()], range(Idx()), repr(chr(Idx())), [1, 2] * Idx())
