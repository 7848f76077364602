# Syntax error test: an if statement without an indented block gives IndentationError.
print("never printed")
if True:
print("not indented")
