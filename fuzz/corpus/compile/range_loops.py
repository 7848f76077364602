# Checks idiomatic range use in loops: nested loops, index-based access, stepping backwards, and modifying loop variables.
n = 5
for i in range(n):
    print(" " * (n - i - 1) + "*" * (2 * i + 1))
table = [[r * c for c in range(1, 6)] for r in range(1, 6)]
for row in table:
    print(" ".join(f"{v:3}" for v in row))
s = "abcdefg"
print([s[i] for i in range(0, len(s), 2)], [s[i] for i in range(len(s) - 1, -1, -3)])
for i in range(3):
    i = i * 100
    print("reassigned loop var", i)
total = 0
for i in range(1, 1001):
    if i % 3 == 0 or i % 5 == 0:
        total += i
print(total)
count = 0
for a in range(1, 30):
    for b in range(a, 30):
        for c in range(b, 30):
            if a * a + b * b == c * c:
                count += 1
print("pythagorean triples below 30:", count)
lst = [10, 20, 30, 40]
for i in range(len(lst) - 1, -1, -1):
    if lst[i] % 20 == 0:
        del lst[i]
print(lst)
print(list(range(0)), [x for x in range(-2)], list(range(1, 2)))
fizz = []
for i in range(1, 16):
    fizz.append("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i))
print(" ".join(fizz))
