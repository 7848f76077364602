# Checks str methods reached through the type (str.upper(x), str.lower as a key), str dunders called by name, str subclasses, and argument errors of str methods.
words = ["banana", "Apple", "cherry"]
print(min(words, key=str.lower), max(words, key=str.upper), [str.upper(w) for w in words], str.join("-", ["a", "b"]))
print(str.__len__("abc"), str.__contains__("abc", "b"), str.__getitem__("abc", -1), str.__add__("a", "b"))
print(str.__mul__("ab", 3), "ab".__rmul__(2), str.__mod__("%d%%", 5), "x".__rmod__(1))
print("a".__eq__("a"), "a".__eq__(1), "a".__ne__("b"), "a".__lt__("b"), "b".__le__("a"), "b".__gt__("a"), "a".__ge__("a"))
print(str.__hash__("abc") == hash("abc"), str.__repr__("it's"), str.__str__("s"), str.__format__("ab", ">4"))
print(list(str.__iter__("xyz")), "ab".__getnewargs__())

class Upper(str):
    def __eq__(self, other):
        return super().__eq__(other.upper())
    __hash__ = str.__hash__
    def shout(self):
        return self.upper() + "!"

u = Upper("HI")
print(u.__eq__("hi"), u.shout(), type(u.lower()).__name__, len(u), u[0], u + "x", u * 2, "I" in u)
print(str(u), type(str(u)).__name__, repr(u), "{}".format(u), "%s" % u, u.split("I"))

checks = [
    lambda: "a".upper(1), lambda: "a".split(1), lambda: "a".split(x=1), lambda: "a".strip(1),
    lambda: "a".find(), lambda: "a".find(1), lambda: "a".index("b"), lambda: "a".join([1]),
    lambda: "a".join(5), lambda: "a".startswith(1), lambda: "a".endswith((1,)), lambda: "a".replace(1, "a"),
    lambda: "a".center(5, "ab"), lambda: "a".ljust(3, 1), lambda: "a".zfill("x"), lambda: "a".partition(""),
    lambda: "a".removeprefix(1), lambda: "a".encode("nope"), lambda: str.upper(1), lambda: str.upper(),
    lambda: str.maketrans(1), lambda: str.maketrans("ab", "c"), lambda: "a".translate({97: 1.5}),
    lambda: "a".__add__(1), lambda: "a".__contains__(1), lambda: "a".__getitem__("x"), lambda: "a".split(""),
    lambda: "a".count("a", "x"), lambda: "a".__len__(1),
]
for c in checks:
    try:
        print(c())
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__, e)
