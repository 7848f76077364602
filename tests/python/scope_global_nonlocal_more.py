# Checks global/nonlocal edge cases: global declared in nested function, nonlocal across several levels, globals() writes, and shadow chains.
value = "module"
def level1():
    value = "level1"
    def level2():
        def level3():
            global value
            value = "set by level3 (global)"
        level3()
        return value
    return level2(), value
print(level1(), value)

def nonlocal_skips_level():
    v = "outer"
    def middle():
        def inner():
            nonlocal v
            v = "changed from inner"
        inner()
    middle()
    return v
print(nonlocal_skips_level())

def middle_shadows():
    v = "outer"
    def middle():
        v = "middle"
        def inner():
            nonlocal v
            v = "inner changed middle"
        inner()
        return v
    return middle(), v
print(middle_shadows())

globals()["dynamic_global"] = "created via globals()"
print(dynamic_global)

def swap_globals():
    global a, b
    a, b = b, a
a, b = 1, 2
swap_globals()
print(a, b)

def generator_nonlocal():
    count = 0
    def gen():
        nonlocal count
        for i in range(3):
            count += 1
            yield i
    return list(gen()), count
print(generator_nonlocal())

def class_in_function_nonlocal():
    hits = 0
    class Tracker:
        def hit(self):
            nonlocal hits
            hits += 1
            return hits
    t = Tracker()
    t.hit(); t.hit()
    return hits
print(class_in_function_nonlocal())

def lambda_nonlocal_via_list():
    box = [0]
    inc = lambda: box.__setitem__(0, box[0] + 1)
    inc(); inc(); inc()
    return box[0]
print(lambda_nonlocal_via_list())
def global_in_loop():
    global loop_total
    loop_total = 0
    for i in range(5):
        loop_total += i
global_in_loop()
print(loop_total)
