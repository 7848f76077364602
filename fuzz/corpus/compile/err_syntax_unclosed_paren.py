# Syntax error test: an unclosed parenthesis; nothing is printed to stdout.
print("never printed")
x = (1, 2
y = 3
