# Checks basic control flow: if/elif/else, while/else, for/else, break, continue, pass.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for v in (-5, 0, 3, 10, 1000):
    print(v, classify(v))

i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("while", i)
else:
    print("while-else ran, i =", i)

i = 0
while True:
    i += 1
    if i > 3:
        break
print("broke at", i)

while i < 100:
    if i == 10:
        break
    i += 1
else:
    print("not printed")
print("while-else skipped after break, i =", i)

for x in range(3):
    pass
else:
    print("for-else after full loop, x =", x)

for x in [1, 2, 3, 4]:
    if x % 2 == 0:
        print("first even", x)
        break
else:
    print("no even")

for x in []:
    print("never")
else:
    print("for-else on empty sequence")

# nested loops with break only exiting inner
for a in range(3):
    for b in range(3):
        if b > a:
            break
        print("pair", a, b)

# truthiness of various values in if
for val in (0, 1, "", "a", [], [0], {}, None, 0.0, -0.0, 1j, (), (None,)):
    print(repr(val), "truthy" if val else "falsy")

# conditional expression chain
n = 7
print("fizz" if n % 3 == 0 else "buzz" if n % 5 == 0 else n)
# loop variable persists after loop
for k in range(5):
    pass
print("k after loop", k)
