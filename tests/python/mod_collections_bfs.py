# collections.deque as a BFS queue on a grid (popleft must stay O(1)), plus Counter/defaultdict in a small program
from collections import deque, defaultdict, Counter
W, H = 120, 120
walls = {(x, y) for x in range(W) for y in range(H) if (x * 7 + y * 13) % 11 == 0 and (x, y) != (0, 0)}
dist = {(0, 0): 0}
q = deque([(0, 0)])
while q:
    x, y = q.popleft()
    d = dist[(x, y)]
    for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
        if 0 <= nx < W and 0 <= ny < H and (nx, ny) not in walls and (nx, ny) not in dist:
            dist[(nx, ny)] = d + 1
            q.append((nx, ny))
print(len(dist), max(dist.values()), dist.get((W - 1, H - 1)))
by_dist = defaultdict(list)
for p, d in dist.items():
    by_dist[d % 10].append(p)
print(sorted((k, len(v)) for k, v in by_dist.items()))
print(Counter(d % 7 for d in dist.values()).most_common(3))
big = deque()
for i in range(100000):
    big.append(i)
total = 0
while big:
    total += big.popleft()
print(total)
