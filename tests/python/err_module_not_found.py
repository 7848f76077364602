# Ends with ModuleNotFoundError from importing a module that does not exist.
import sys
print("sys imported fine, maxsize positive:", sys.maxsize > 0)
print("importing a missing module next")
import nonexistent_module_xyz
print("never printed")
