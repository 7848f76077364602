# Checks plain import of a sibling module: module attributes, module executed once, __name__ of imported module, repeated import.
print("before import")
import _helper_shapes
print("after first import")
import _helper_shapes
print("after second import (no re-execution)")
print(_helper_shapes.__name__, _helper_shapes.load_count, _helper_shapes.PI_APPROX)
c = _helper_shapes.Circle(2)
s = _helper_shapes.Square(3)
print(c, s, _helper_shapes.area(c), _helper_shapes.area(s))
print(_helper_shapes.describe(), _helper_shapes.not_exported())
print(type(_helper_shapes).__name__, hasattr(_helper_shapes, "Circle"), hasattr(_helper_shapes, "nothing"))
_helper_shapes.PI_APPROX = 3
print(_helper_shapes.area(c), "after monkeypatching the module constant")
try:
    _helper_shapes.does_not_exist
except AttributeError as e:
    print(type(e).__name__, e)
print(__name__)
def uses_module():
    return _helper_shapes.Square(5).area()
print(uses_module())
