# Checks 'from X import Y', 'import X as Z', 'from X import Y as Z', star-import honouring __all__, and shared module state.
from _helper_shapes import Circle, area as compute_area
import _helper_shapes as shapes
from _helper_shapes import Square as Sq, PI_APPROX
print(Circle(1), compute_area(Circle(1)), Sq(2), compute_area(Sq(2)), PI_APPROX)
print(shapes.Circle is Circle, shapes.Square is Sq, shapes.area is compute_area)
from _helper_shapes import *
print(describe(), "not_exported" in dir(), "_private" in dir(), "Square" in dir())
import _helper_registry
import _helper_registry as reg_alias
from _helper_registry import register, snapshot
register("a")
reg_alias.register("b")
_helper_registry.register("c")
print(snapshot(), reg_alias.registry is _helper_registry.registry)
PI_APPROX = 99
print(shapes.PI_APPROX, PI_APPROX)
try:
    from _helper_shapes import nonexistent_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import _helper_missing_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
def local_import():
    from _helper_registry import snapshot as snap
    return snap()
print(local_import())
