# Ends with an exception raised inside an except block (implicit __context__ chaining: "During handling ...").
def parse_port(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError(f"bad port setting {text!r}")

print("port:", parse_port("8080"))
print("parsing an invalid port next")
parse_port("eighty")
