# Larger program: a vending-machine state machine and a command interpreter both driven by match statements over tuples, dicts and classes.
class Coin:
    __match_args__ = ("cents",)
    def __init__(self, cents):
        self.cents = cents

class Select:
    __match_args__ = ("item",)
    def __init__(self, item):
        self.item = item

class Refund:
    pass

PRICES = {"cola": 150, "chips": 100, "gum": 50}

class VendingMachine:
    def __init__(self, stock):
        self.state = "idle"
        self.credit = 0
        self.stock = dict(stock)
        self.log = []

    def handle(self, event):
        match (self.state, event):
            case ("idle" | "has_credit", Coin(cents)) if cents in (5, 10, 25, 50, 100, 200):
                self.credit += cents
                self.state = "has_credit"
                return f"credit {self.credit}"
            case (_, Coin(cents)):
                return f"rejected coin {cents}"
            case ("idle", Select(item)):
                return f"insert coins first ({item} costs {PRICES.get(item, '?')})"
            case ("has_credit", Select(item)) if item not in PRICES:
                return f"unknown item {item}"
            case ("has_credit", Select(item)) if self.stock.get(item, 0) == 0:
                return f"{item} sold out"
            case ("has_credit", Select(item)) if self.credit < PRICES[item]:
                return f"need {PRICES[item] - self.credit} more for {item}"
            case ("has_credit", Select(item)):
                self.stock[item] -= 1
                change = self.credit - PRICES[item]
                self.credit = 0
                self.state = "idle"
                return f"vend {item}, change {change}"
            case ("has_credit", Refund()):
                amount, self.credit, self.state = self.credit, 0, "idle"
                return f"refund {amount}"
            case ("idle", Refund()):
                return "nothing to refund"
            case _:
                return f"ignored {type(event).__name__}"

vm = VendingMachine({"cola": 1, "chips": 5, "gum": 0})
events = [Select("cola"), Coin(100), Coin(3), Select("cola"), Coin(50), Select("cola"), Coin(200), Select("cola"),
          Select("gum"), Select("water"), Refund(), Refund(), Coin(25), Coin(25), Coin(50), Select("chips"), "garbage"]
for ev in events:
    print(f"{vm.state:<10} {type(ev).__name__:<6} -> {vm.handle(ev)}")
print(vm.stock, vm.credit, vm.state)

def interpret(commands):
    env, out = {}, []
    for cmd in commands:
        match cmd.split():
            case ["set", name, value] if value.lstrip("-").isdigit():
                env[name] = int(value)
            case ["set", name, value]:
                env[name] = value
            case ["add", name, *values] if name in env:
                env[name] += sum(int(v) for v in values)
            case ["add", name, *_]:
                out.append(f"error: {name} undefined")
            case ["print", *names] if names:
                out.append(" ".join(f"{n}={env.get(n, '<unset>')!r}" for n in names))
            case ["print"]:
                out.append(repr(dict(sorted(env.items()))))
            case ["del", name]:
                out.append(f"deleted {name}" if env.pop(name, None) is not None else f"no {name}")
            case ["quit" | "exit"]:
                out.append("bye")
                break
            case []:
                continue
            case [verb, *rest]:
                out.append(f"unknown command {verb!r} with {len(rest)} args")
    return out

script = ["set x 10", "set name weft", "add x 1 2 3", "add y 5", "print x name z", "", "frob a b",
          "set neg -4", "print", "del x", "del x", "print", "quit", "print x"]
for line in interpret(script):
    print(line)

def classify(value):
    match value:
        case {"type": "circle", "r": r}:
            return f"circle area ~{3.14159 * r * r:.2f}"
        case {"type": "rect", "w": w, "h": h} if w == h:
            return f"square side {w}"
        case {"type": "rect", "w": w, "h": h}:
            return f"rect {w}x{h}"
        case [x, y]:
            return f"point {x},{y}"
        case [x, y, z]:
            return f"3d point {x},{y},{z}"
        case str() | bytes():
            return "text-ish"
        case _:
            return "unknown"
for v in ({"type": "circle", "r": 2}, {"type": "rect", "w": 3, "h": 3}, {"type": "rect", "w": 2, "h": 5}, (1, 2), [1, 2, 3], "s", b"b", 42):
    print(classify(v))
