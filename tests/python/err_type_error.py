# Ends with an uncaught TypeError from adding an int and a str inside a loop.
items = [1, 2, "3", 4]
total = 0
for item in items:
    print("adding", repr(item))
    total = total + item
print("never printed")
