# Helper module for import_* tests (not a test itself): shapes, a module-level counter and a __main__ guard.
print("_helper_shapes: module body executing, __name__ =", __name__)

PI_APPROX = 3.14159
load_count = 0
load_count += 1
_private = "underscore names are skipped by star-import"
__all__ = ["Circle", "Square", "area", "PI_APPROX", "describe"]


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return PI_APPROX * self.r ** 2

    def __repr__(self):
        return f"Circle({self.r})"


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def __repr__(self):
        return f"Square({self.side})"


def area(shape):
    return round(shape.area(), 3)


def describe():
    return f"module {__name__} with load_count={load_count}"


def not_exported():
    return "only reachable via module attribute"


if __name__ == "__main__":
    print("this must not run when imported")
