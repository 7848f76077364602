# Checks subclassing builtins: list, dict, str, int, tuple, Exception; overridden methods and what builtins bypass.
class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]

s = Stack([1, 2])
s.push(3).push(4)
print(s, s.peek(), len(s), type(s).__name__, isinstance(s, list))
print(s + [5], type(s + [5]).__name__)
print(s[1:], type(s[1:]).__name__)
print(s == [1, 2, 3, 4], sorted(s, reverse=True))

class CaseInsensitiveDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
d = CaseInsensitiveDict()
d["Hello"] = 1
d["WORLD"] = 2
print(d, d["HELLO"], d["world"])
# dict.update and the constructor bypass overridden __setitem__
d.update({"MiXeD": 3})
print(sorted(d.keys()))
print(CaseInsensitiveDict(ABC=1))
print(d.get("hello"), d.get("HELLO"))  # get bypasses __getitem__

class Shout(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
    def exclaim(self):
        return self + "!"
sh = Shout("hey")
print(sh, sh.exclaim(), len(sh), sh.lower(), type(sh.lower()).__name__, isinstance(sh, str))
print(sh == "HEY", {"HEY": 1}[sh])

class Even(int):
    def __new__(cls, v):
        if v % 2:
            raise ValueError(f"{v} is odd")
        return super().__new__(cls, v)
    def half(self):
        return self // 2
e = Even(10)
print(e, e.half(), e + 1, type(e + 1).__name__, type(e).__name__)
try:
    Even(3)
except ValueError as err:
    print(type(err).__name__, err)

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
    def __repr__(self):
        return f"Pair{tuple.__repr__(self)}"
pr = Pair(1, "x")
print(pr, pr.first, pr[1], len(pr), pr == (1, "x"), hash(pr) == hash((1, "x")))

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f"[{self.code}] {self.msg}"
try:
    raise AppError(404, "not found")
except AppError as ex:
    print(type(ex).__name__, ex, ex.args, ex.code, repr(ex))
try:
    raise AppError(500, "server")
except Exception as ex:
    print(isinstance(ex, AppError), isinstance(ex, Exception), isinstance(ex, BaseException))

class CountingList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.appends = 0
    def append(self, v):
        self.appends += 1
        super().append(v)
cl = CountingList("ab")
cl.append("c")
cl.extend("de")  # extend does not call append
cl += ["f"]
print(cl, cl.appends, type(cl).__name__)
class MyFloat(float):
    def __repr__(self):
        return f"MyFloat({float.__repr__(self)})"
print(MyFloat(1.5), MyFloat(1.5) * 2, [MyFloat(0.1)])
