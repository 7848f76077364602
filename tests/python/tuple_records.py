# Checks tuples used as lightweight records: unpacking in loops, returning multiple values, zip/enumerate, grouping by key.
inventory = [("apple", 3, 0.5), ("pear", 0, 0.75), ("kiwi", 12, 0.2), ("plum", 7, 0.3)]
total = 0.0
for name, qty, price in inventory:
    value = qty * price
    total += value
    print(f"{name:<6} {qty:>3} x {price:.2f} = {value:5.2f}")
print(f"total {total:.2f}")
in_stock = tuple(name for name, qty, _ in inventory if qty)
print(in_stock)
def min_max_avg(values):
    return min(values), max(values), sum(values) / len(values)
lo, hi, avg = min_max_avg([4, 8, 15, 16, 23, 42])
print(lo, hi, avg)
result = min_max_avg((1, 2))
print(result, type(result).__name__)
names, qtys, prices = zip(*inventory)
print(names, qtys, prices)
print(list(zip(names, qtys)), dict(zip(names, prices)))
by_first_letter = {}
for name, qty, price in inventory:
    by_first_letter.setdefault(name[0], []).append(name)
print(by_first_letter)
points = [(0, 0), (3, 4), (-1, 1), (6, 8)]
dists = [((x * x + y * y) ** 0.5, (x, y)) for x, y in points]
print(sorted(dists))
print(max(points, key=lambda p: p[0] + p[1]))
for i, (x, y) in enumerate(points, 1):
    print(i, x, y, x * y)
edges = ((1, 2), (2, 3), (1, 3), (3, 4))
adj = {}
for a, b in edges:
    adj.setdefault(a, []).append(b)
    adj.setdefault(b, []).append(a)
print({k: sorted(v) for k, v in sorted(adj.items())})
swap = [(b, a) for a, b in edges]
print(swap)
def divmod_all(pairs):
    return tuple(divmod(a, b) for a, b in pairs)
print(divmod_all(((17, 5), (-17, 5), (100, 7))))
