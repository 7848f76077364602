# Checks assignment expressions (:=) in conditions, comprehensions and while loops.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print(n)

values = iter([5, 4, 0, 7])
while (v := next(values)) != 0:
    print("got", v)
print("stopped at", v)

print([y for x in range(6) if (y := x * x) % 2 == 0])
# the walrus in a comprehension binds in the enclosing scope
print(y)

total = 0
print([total := total + x for x in [1, 2, 3, 4]])
print(total)

def f(x):
    return x * 10
print([(r := f(i), r + 1) for i in range(3)])

print((a := 5) + a)
print(a)
s = "hello world"
if (idx := s.find("o")) >= 0:
    print("found o at", idx)
if (idx := s.find("z")) >= 0:
    print("not printed")
print(idx)

def g():
    if any((hit := w).startswith("b") for w in ["apple", "banana", "cherry"]):
        return hit
    return None
print(g())

# nested walrus
print((b := (c := 3) + 1), b, c)
matches = [m for line in ["a=1", "b", "c=3"] if (m := line.partition("="))[1]]
print(matches)
