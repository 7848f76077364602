# Syntax error test: a malformed parameter list.
print("never printed")
def f(:
    pass
