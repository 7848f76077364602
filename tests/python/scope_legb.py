# Checks LEGB name resolution: local, enclosing, global, builtin; shadowing builtins and restoring them with del.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        x = "local"
        return x
    def reads_enclosing():
        return x
    return inner(), reads_enclosing(), x
print(outer(), x)

def uses_builtin():
    return len("abc")
len = lambda s: "shadowed len"
print(uses_builtin(), len("abc"))
del len
print(uses_builtin(), len("abc"))

def local_shadow_builtin():
    max = "local max"
    return max
print(local_shadow_builtin(), max(1, 2))

def enclosing_shadow():
    print = lambda *a: "enclosing print"
    def inner():
        return print("x")
    return inner()
print(enclosing_shadow())

def decides_at_compile_time():
    try:
        return x
    finally:
        pass
    x = "never"
try:
    decides_at_compile_time()
except UnboundLocalError as e:
    print(type(e).__name__, e)

def conditional_local(flag):
    if flag:
        y = "assigned"
    try:
        return y
    except UnboundLocalError as e:
        return "unbound: " + str(e)
print(conditional_local(True), "|", conditional_local(False))

counter = 0
def increment_without_global():
    try:
        counter += 1
    except UnboundLocalError as e:
        return str(e)
print(increment_without_global())

def read_then_global():
    global counter
    counter = counter + 10
    return counter
print(read_then_global(), counter)

import sys as _sys_alias
def module_name_lookup():
    return _sys_alias.maxsize > 0
print(module_name_lookup())

def param_shadows_global(x):
    return x
print(param_shadows_global("param"), x)

def nested_function_names():
    def helper():
        return "helper"
    return helper
print(nested_function_names()(), "helper" in globals())
def del_local():
    z = 1
    del z
    z = 2
    return z
print(del_local())
