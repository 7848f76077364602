# Helper submodule for import_package (not a test itself).
print("_helper_pkg._sub executing, __name__ =", __name__)
def sub_value():
    return "sub!"
