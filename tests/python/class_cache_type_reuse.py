# Classes created and dropped in a loop, with same-named attributes of different kinds, and the garbage
# collector run between them: a new class may be allocated where a dead one was, and the attribute
# caches of the shared call sites must not mistake it for the dead one.
import gc


def probe_attr(o):
    return o.x


def probe_method(o):
    return o.m()


def probe_store(o, v):
    o.y = v
    return o.y


def make(i):
    kind = i % 5
    if kind == 0:
        class C:
            x = i

            def m(self):
                return ("method", i)
    elif kind == 1:
        class C:
            def __init__(self):
                self.x = ("inst", i)

            m = staticmethod(lambda: ("static", i))
    elif kind == 2:
        class C:
            @property
            def x(self):
                return ("prop", i)

            def m(self):
                return ("method2", i)
    elif kind == 3:
        class C:
            __slots__ = ("x", "y")

            def __init__(self):
                self.x = ("slot", i)

            @classmethod
            def m(cls):
                return ("classmethod", i)
    else:
        class C:
            def x(self):
                return i

            def __getattr__(self, name):
                return ("getattr", name, i)

            m = x
    return C


results = []
for i in range(60):
    C = make(i)
    o = C()
    a = probe_attr(o)
    if callable(a):
        a = ("bound", a())
    results.append((i, a, probe_method(o), probe_store(o, i * 2)))
    del C, o, a
    gc.collect()

for r in results[:10]:
    print(r)
print(len(results))
print(all(r[3] == r[0] * 2 for r in results))
print(sorted(set(type(r[1]).__name__ for r in results)))
print(results[-1])
