# Checks input() at end of input (stdin is /dev/null): the prompt is written, then EOFError.
print("before")
try:
    input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)
try:
    input()
except EOFError as e:
    print(type(e).__name__, e)
