# Checks common list idioms: stack via append/pop, queue via pop(0)/insert, membership, enumerate/zip building, and list() constructor.
stack = []
for token in "3 4 + 2 * 7 -".split():
    if token.isdigit():
        stack.append(int(token))
    else:
        b, a = stack.pop(), stack.pop()
        stack.append({"+": a + b, "-": a - b, "*": a * b}[token])
    print(token, stack)
queue = ["a", "b"]
queue.append("c")
served = []
while queue:
    served.append(queue.pop(0))
    if len(served) == 1:
        queue.insert(0, "urgent")
print(served)
print(list(), list("abc"), list(range(3)), list((1, 2)), list({"k": 1, "j": 2}), list({3: 0}.values()), list(x for x in [1]))
print(sorted(list({5, 1, 3})), list(map(str, [1, 2])), list(zip("ab", [1, 2])), list(enumerate("xy", 10)))
seen = []
for item in [3, 1, 3, 2, 1, 4]:
    if item not in seen:
        seen.append(item)
print(seen)
print(3 in [1, 2, 3], "3" in [1, 2, 3], [1] in [[1], [2]], None in [None], 1.0 in [1], (1, 2) in [[1, 2]])
lst = list(range(10))
evens = [x for x in lst if x % 2 == 0]
odds = lst[1::2]
print(evens, odds, list(zip(evens, odds)), [a * b for a, b in zip(evens, odds)])
pairs = []
for i, v in enumerate(["x", "y", "z"]):
    pairs.append((i, v))
print(pairs, dict(pairs), [v for _, v in pairs])
print(len([]), len([[]]), len([[], []]), bool([]), bool([0]), [] == [], [] is [])
running = []
total = 0
for n in [5, 10, 15]:
    total += n
    running.append(total)
print(running, sum(running), max(running), min(running), running[::-1])
chunks = [lst[i:i + 3] for i in range(0, len(lst), 3)]
print(chunks, [sum(c) for c in chunks])
rotated = lst[3:] + lst[:3]
print(rotated, rotated.index(0))
