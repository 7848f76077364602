# Ends with a ValueError raised inside a generator while a for loop consumes it.
def parse_numbers(lines):
    for line in lines:
        yield int(line)

total = 0
for n in parse_numbers(["10", "20", "thirty", "40"]):
    total += n
    print("running total", total)
print("never printed")
