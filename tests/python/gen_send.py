# Checks generator.send(): priming with None, values received by yield expressions, coroutine-style accumulators.
def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    return received

g = echo()
print(g.send(None))
print(g.send("a"))
print(g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

def averager():
    total = 0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count

avg = averager()
next(avg)
for v in (10, 20, 60, 5):
    print("average now", avg.send(v))

g2 = echo()
try:
    g2.send("not none first")
except TypeError as e:
    print(type(e).__name__, e)

def running_max():
    best = None
    while True:
        x = yield best
        if best is None or x > best:
            best = x
rm = running_max()
next(rm)
print([rm.send(v) for v in [3, 1, 4, 1, 5, 9, 2, 6]])

# yield expression precedence and use in expressions
def doubler():
    x = 0
    while True:
        x = (yield x * 2) or 0
d = doubler()
print(next(d), d.send(5), d.send(21), next(d))

def tagged():
    a = yield "first"
    b = yield f"got {a}"
    yield f"got {b} after {a}"
t = tagged()
print(next(t), t.send("A"), t.send("B"))
try:
    t.send("C")
except StopIteration:
    print("tagged exhausted")

# send on exhausted generator
try:
    t.send(1)
except StopIteration as e:
    print("again StopIteration", e.value)

def state_machine():
    state = "idle"
    while True:
        event = yield state
        if state == "idle" and event == "start":
            state = "running"
        elif state == "running" and event == "pause":
            state = "paused"
        elif state == "paused" and event == "resume":
            state = "running"
        elif event == "stop":
            state = "stopped"
sm = state_machine()
next(sm)
print([sm.send(e) for e in ["pause", "start", "pause", "resume", "bogus", "stop"]])
