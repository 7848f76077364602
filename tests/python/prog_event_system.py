# Larger program: an event bus with decorator-based subscription, priorities, once-handlers, middleware wrapping, error isolation and history.
class EventBus:
    def __init__(self):
        self.handlers = {}
        self.history = []
        self.middleware = []
        self._seq = 0

    def on(self, event, priority=0, once=False):
        def decorator(fn):
            self._seq += 1
            self.handlers.setdefault(event, []).append((-priority, self._seq, fn, once))
            self.handlers[event].sort(key=lambda h: (h[0], h[1]))
            return fn
        return decorator

    def use(self, mw):
        self.middleware.append(mw)
        return mw

    def emit(self, event, **payload):
        self.history.append(event)
        results = []
        for entry in list(self.handlers.get(event, [])):
            _, _, fn, once = entry
            call = fn
            for mw in reversed(self.middleware):
                call = mw(call)
            try:
                results.append(call(**payload))
            except Exception as e:
                results.append(f"error in {fn.__name__}: {type(e).__name__}: {e}")
            if once:
                self.handlers[event].remove(entry)
        return results

bus = EventBus()
log = []

@bus.use
def logging_middleware(fn):
    def wrapper(**payload):
        log.append(f"-> {fn.__name__}({', '.join(f'{k}={v!r}' for k, v in sorted(payload.items()))})")
        return fn(**payload)
    return wrapper

@bus.on("user.created")
def send_welcome(name, **_):
    return f"welcome mail to {name}"

@bus.on("user.created", priority=10)
def audit(name, **extra):
    return f"audit: created {name} extra={sorted(extra)}"

@bus.on("user.created", once=True)
def first_user_bonus(name, **_):
    return f"bonus for first user {name}"

@bus.on("order.placed")
def charge(amount, currency="EUR"):
    if amount <= 0:
        raise ValueError(f"invalid amount {amount}")
    return f"charged {amount:.2f} {currency}"

@bus.on("order.placed", priority=-5)
def ship(amount, **_):
    return "shipping scheduled"

print(bus.emit("user.created", name="ann", plan="pro"))
print(bus.emit("user.created", name="bob"))
print(bus.emit("order.placed", amount=19.5))
print(bus.emit("order.placed", amount=0, currency="USD"))
print(bus.emit("nobody.listens", x=1))
print(send_welcome(name="direct call bypasses bus"))
print(bus.history)
for line in log:
    print(line)
print({event: [h[2].__name__ for h in hs] for event, hs in bus.handlers.items()})

class Counter:
    def __init__(self, bus):
        self.counts = {}
        for event in ("a", "b"):
            bus.on(event)(self.make_handler(event))
    def make_handler(self, event):
        def handler(**_):
            self.counts[event] = self.counts.get(event, 0) + 1
            return self.counts[event]
        handler.__name__ = f"count_{event}"
        return handler
bus2 = EventBus()
c = Counter(bus2)
for e in "abbab":
    bus2.emit(e)
print(c.counts, bus2.history)
