# Syntax error test: 'return' outside of a function is a compile-time SyntaxError.
print("never printed")
x = 1
return x
