# Larger program: a hand-written JSON-like serializer with pretty printing, string escaping, sorted keys option, and a matching parser.
def escape(s):
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ord(ch) > 126:
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
            else:
                out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'

def dumps(obj, indent=None, sort_keys=False, level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = "," if indent is not None else ", "
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, (int, float)):
        if obj != obj or obj in (float("inf"), float("-inf")):
            raise ValueError(f"cannot serialize {obj!r}")
        return repr(obj)
    if isinstance(obj, str):
        return escape(obj)
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        return "[" + sep.join(pad + dumps(v, indent, sort_keys, level + 1) for v in obj) + end + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        keys = sorted(obj) if sort_keys else list(obj)
        items = [pad + escape(str(k)) + ": " + dumps(obj[k], indent, sort_keys, level + 1) for k in keys]
        return "{" + sep.join(items) + end + "}"
    raise TypeError(f"Object of type {type(obj).__name__} is not serializable")

class Parser:
    def __init__(self, text):
        self.s, self.i = text, 0
    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \n\t\r":
            self.i += 1
    def value(self):
        self.ws()
        ch = self.s[self.i]
        if ch == "{":
            self.i += 1
            result = {}
            self.ws()
            if self.s[self.i] == "}":
                self.i += 1
                return result
            while True:
                self.ws()
                key = self.value()
                self.ws()
                assert self.s[self.i] == ":", f"expected ':' at {self.i}"
                self.i += 1
                result[key] = self.value()
                self.ws()
                if self.s[self.i] == "}":
                    self.i += 1
                    return result
                self.i += 1
        if ch == "[":
            self.i += 1
            result = []
            self.ws()
            if self.s[self.i] == "]":
                self.i += 1
                return result
            while True:
                result.append(self.value())
                self.ws()
                if self.s[self.i] == "]":
                    self.i += 1
                    return result
                self.i += 1
        if ch == '"':
            self.i += 1
            out = []
            while self.s[self.i] != '"':
                c = self.s[self.i]
                if c == "\\":
                    nxt = self.s[self.i + 1]
                    if nxt == "u":
                        code = int(self.s[self.i + 2:self.i + 6], 16)
                        self.i += 6
                        if 0xD800 <= code < 0xDC00:
                            low = int(self.s[self.i + 2:self.i + 6], 16)
                            self.i += 6
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        out.append(chr(code))
                        continue
                    out.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
                    self.i += 2
                else:
                    out.append(c)
                    self.i += 1
            self.i += 1
            return "".join(out)
        for word, val in (("null", None), ("true", True), ("false", False)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return val
        start = self.i
        while self.i < len(self.s) and self.s[self.i] in "+-0123456789.eE":
            self.i += 1
        num = self.s[start:self.i]
        return float(num) if any(c in num for c in ".eE") else int(num)

doc = {"name": "Weft", "version": [0, 1, 0], "tags": ["vm", "stm", "jit"], "stable": False, "license": None,
       "stats": {"tests": 170, "ratio": 0.75, "big": 10 ** 20, "neg": -3.5e-7},
       "text": 'quote " backslash \\ newline\n tab\t unicode é 😀', "empty": {"list": [], "dict": {}}}
print(dumps(doc))
print(dumps(doc, indent=2, sort_keys=True))
round_trip = Parser(dumps(doc, indent=4)).value()
print(round_trip == doc, round_trip["text"] == doc["text"])
print(Parser('[1, -2.5, "a\\u00e9", {"k": [true, false, null]}, 3e2]').value())
for bad in (float("nan"), {1, 2}, object):
    try:
        dumps([bad])
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
