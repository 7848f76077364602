# Checks exec/eval/compile on strings: globals/locals dicts, __builtins__ insertion, modes, scopes and errors.
g = {"x": 2}
exec("y = x * 3", g)
print(g["y"], "__builtins__" in g)
l = {}
exec("z = x + 1", g, l)
print(l, "z" in g)
print(eval("x + 10", g), eval("x + y", g, {"y": 100}), eval("1+1"))
print(eval("  3 * 4  "))
code = compile("a = 5\nb = a * 2", "<mine>", "exec")
ns = {}
exec(code, ns)
print(ns["b"], type(code).__name__, code.co_filename)
e = compile("7 * 6", "<e>", "eval")
print(eval(e), type(e).__name__)
s = compile("1 + 1", "<s>", "single")
exec(s)
exec(compile("None", "<s>", "single"))
try:
    eval("x = 1")
except SyntaxError as ex:
    print(type(ex).__name__, ex.msg)
try:
    compile("1 +", "<bad>", "exec")
except SyntaxError as ex:
    print(type(ex).__name__, ex.filename, ex.lineno)
try:
    compile("1", "<x>", "bogus")
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    exec("raise KeyError('k')")
except KeyError as ex:
    print(repr(ex))
def scope():
    q = 1
    return eval("q + 1")
print(scope())
x = 10
def scope2():
    return eval("x")
print(scope2())
exec("def fn(n): return n * 2\nprint(fn(21))")
print(fn(4))
exec("import math\nr = math.sqrt(16)", g)
print(g["r"])
print(eval("[i*i for i in range(4)]"), eval("(lambda v: v+1)(1)"))
for bad in (lambda: eval(5), lambda: exec(5), lambda: exec("x", 5)):
    try:
        bad()
    except TypeError as ex:
        print(type(ex).__name__, ex)
print(eval(b"1 + 2"), eval("x", {"x": 9}), eval("__name__"))
exec("print(__name__)", {})
exec("print(__name__)", {"__name__": "custom"})
