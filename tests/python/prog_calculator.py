# Larger program: a tokenizer, recursive-descent parser and evaluator for arithmetic with variables, functions and error reporting.
class Token:
    def __init__(self, kind, value, pos):
        self.kind, self.value, self.pos = kind, value, pos
    def __repr__(self):
        return f"{self.kind}:{self.value!r}"

class CalcError(Exception):
    pass

def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            start = i
            while i < len(src) and (src[i].isdigit() or src[i] == "."):
                i += 1
            text = src[start:i]
            if text.count(".") > 1:
                raise CalcError(f"bad number {text!r} at {start}")
            tokens.append(Token("num", float(text) if "." in text else int(text), start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(src) and (src[i].isalnum() or src[i] == "_"):
                i += 1
            tokens.append(Token("name", src[start:i], start))
        elif ch in "+-*/%^(),=":
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise CalcError(f"unexpected character {ch!r} at {i}")
    tokens.append(Token("end", None, len(src)))
    return tokens

FUNCS = {"max": max, "min": min, "abs": abs, "sqr": lambda x: x * x}

class Parser:
    def __init__(self, tokens, env):
        self.toks, self.i, self.env = tokens, 0, env
    def peek(self):
        return self.toks[self.i]
    def take(self, kind=None, value=None):
        t = self.toks[self.i]
        if (kind and t.kind != kind) or (value and t.value != value):
            raise CalcError(f"expected {value or kind} at {t.pos}, found {t.value!r}")
        self.i += 1
        return t
    def statement(self):
        if self.peek().kind == "name" and self.toks[self.i + 1].value == "=":
            name = self.take("name").value
            self.take("op", "=")
            self.env[name] = self.expr()
            result = ("assign", name, self.env[name])
        else:
            result = ("value", self.expr())
        self.take("end")
        return result
    def expr(self):
        v = self.term()
        while self.peek().value in ("+", "-"):
            op = self.take().value
            v = v + self.term() if op == "+" else v - self.term()
        return v
    def term(self):
        v = self.factor()
        while self.peek().value in ("*", "/", "%"):
            op = self.take().value
            rhs = self.factor()
            if op != "*" and rhs == 0:
                raise CalcError("division by zero")
            v = v * rhs if op == "*" else v / rhs if op == "/" else v % rhs
        return v
    def factor(self):
        base = self.unary()
        if self.peek().value == "^":
            self.take()
            return base ** self.factor()
        return base
    def unary(self):
        if self.peek().value == "-":
            self.take()
            return -self.unary()
        return self.atom()
    def atom(self):
        t = self.peek()
        if t.kind == "num":
            return self.take().value
        if t.kind == "name":
            name = self.take().value
            if self.peek().value == "(":
                self.take()
                args = [self.expr()]
                while self.peek().value == ",":
                    self.take()
                    args.append(self.expr())
                self.take("op", ")")
                if name not in FUNCS:
                    raise CalcError(f"unknown function {name}")
                return FUNCS[name](*args)
            if name not in self.env:
                raise CalcError(f"undefined variable {name}")
            return self.env[name]
        if t.value == "(":
            self.take()
            v = self.expr()
            self.take("op", ")")
            return v
        raise CalcError(f"unexpected {t.value!r} at {t.pos}")

print(tokenize("x = 3.5 * (y + 2)"))
env = {"pi": 3.14159}
lines = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4", "x = 7", "y = x * 2 + 1",
         "max(x, y, 3) - min(1, 2)", "sqr(abs(-4))", "pi * sqr(2)", "2 * (3 + 4", "1 / (x - 7)", "z + 1",
         "3 $ 4", "1.2.3 + 1", "foo(1)", "100000 ^ 5", "((((1))))", "x = x + 1", "x"]
for line in lines:
    try:
        result = Parser(tokenize(line), env).statement()
        if result[0] == "assign":
            print(f"{line:<26} => {result[1]} := {result[2]}")
        else:
            print(f"{line:<26} => {result[1]}")
    except CalcError as e:
        print(f"{line:<26} !! {e}")
print(sorted(env.items()))
