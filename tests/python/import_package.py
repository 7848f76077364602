# Checks importing a package directory: __init__ execution, relative import of a submodule, attribute access and from-imports.
print("importing package")
import _helper_pkg
print(_helper_pkg.VERSION, _helper_pkg.hello())
from _helper_pkg import _sub
print(_sub.sub_value(), _sub.__name__, _helper_pkg._sub is _sub)
import _helper_pkg._sub as sub_alias
print(sub_alias is _sub)
from _helper_pkg._sub import sub_value
print(sub_value())
print(_helper_pkg.__name__, hasattr(_helper_pkg, "_sub"))
