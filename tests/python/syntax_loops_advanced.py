# Checks loops interacting with try/finally, continue/break inside finally-protected blocks, and iteration over mutating data.
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
print("after loop")

i = 0
while True:
    try:
        i += 1
        if i < 3:
            continue
        break
    finally:
        print("while finally", i)

# loop with else and nested try
for word in ["alpha", "beta", "gamma"]:
    try:
        if word == "zeta":
            break
    except Exception:
        pass
else:
    print("loop completed without break")

# modifying a list while iterating by index copy
items = [1, 2, 3, 4, 5, 6]
for x in items[:]:
    if x % 2 == 0:
        items.remove(x)
print(items)

# iterating while appending (bounded)
grow = [1]
for x in grow:
    if x < 5:
        grow.append(x + 1)
print(grow)

# dict changed size during iteration
d = {1: "a", 2: "b"}
try:
    for k in d:
        d[k + 10] = "new"
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print(type(e).__name__, e)

# nested loops with flags
found = None
for a in range(1, 20):
    for b in range(a, 20):
        if a * a + b * b == 13 * 13:
            found = (a, b)
            break
    if found:
        break
print("pythagorean", found)

# enumerate / zip in loops
for idx, (ch, n) in enumerate(zip("xyz", range(10, 13)), start=1):
    print(idx, ch, n)

# reversed range and negative steps
print([k for k in range(10, 0, -3)])
for k in reversed(range(3)):
    print("rev", k)
count = 0
for _ in range(1000):
    count += 1
print(count)
