# Checks partition/rpartition and splitlines with keepends, including all line-boundary characters.
print("key=value".partition("="), "key=value=more".partition("="), "novalue".partition("="))
print("key=value=more".rpartition("="), "novalue".rpartition("="), "=".partition("="), "".partition("x"))
print("a::b::c".partition("::"), "a::b::c".rpartition("::"))
try:
    "abc".partition("")
except ValueError as e:
    print(type(e).__name__, e)
text = "line1\nline2\r\nline3\rline4\n\nline6"
print(text.splitlines())
print(text.splitlines(True))
print(text.split("\n"))
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(), "x\n".splitlines(), "x\n".split("\n"))
print("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i".splitlines())
print(len("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i".splitlines(keepends=True)))
print("trailing\r\n".splitlines(keepends=True), "\r\r\n".splitlines())
config = """# comment
host = example.org
port=8080

debug =  true
"""
settings = {}
for line in config.splitlines():
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    k, _, v = line.partition("=")
    settings[k.strip()] = v.strip()
print(settings)
path = "/usr/local/lib/python3.11/site.py"
head, sep, tail = path.rpartition("/")
print(head, sep, tail, tail.rpartition(".")[0])
