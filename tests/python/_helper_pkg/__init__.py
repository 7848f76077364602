# Helper package for import_package (not a test itself).
print("_helper_pkg/__init__ executing")
from . import _sub
VERSION = (1, 2)
def hello():
    return "hello from package, sub says " + _sub.sub_value()
