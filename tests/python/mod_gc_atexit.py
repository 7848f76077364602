# gc: enable/disable/isenabled/collect; atexit: callbacks run after the main module in LIFO order
import gc, atexit
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
junk = [[i] * 10 for i in range(20000)]
del junk
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), isinstance(gc.collect(), int), isinstance(gc.collect(2), int))
class Node:
    def __init__(self):
        self.other = None
for i in range(1000):
    a = Node(); b = Node(); a.other = b; b.other = a
gc.collect()
print(gc.get_threshold() is not None)
def bye(x, y=2):
    print("bye", x, y)
print(atexit.register(bye, 1) is bye)
atexit.register(bye, 2, y=5)
atexit.register(print, "registered third, runs first")
f = atexit.register(lambda: print("unregistered: never printed"))
atexit.unregister(f)
def once():
    print("once")
atexit.register(once)
atexit.register(once)
atexit.unregister(once)
print("end of main")
