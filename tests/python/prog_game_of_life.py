# Larger program: Conway's Game of Life on a set of live cells, with pattern detection (still life, oscillators, glider displacement).
def step(live):
    counts = {}
    for (r, c) in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = (r + dr, c + dc)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}

def parse(pattern):
    return {(r, c) for r, line in enumerate(pattern.strip().splitlines()) for c, ch in enumerate(line) if ch == "#"}

def render(live, rows, cols, r0=0, c0=0):
    return "\n".join("".join("#" if (r, c) in live else "." for c in range(c0, c0 + cols)) for r in range(r0, r0 + rows))

def normalize(live):
    if not live:
        return frozenset()
    mr = min(r for r, _ in live)
    mc = min(c for _, c in live)
    return frozenset((r - mr, c - mc) for r, c in live)

def period(live, limit=50):
    seen = {normalize(live): 0}
    cur = live
    for gen in range(1, limit + 1):
        cur = step(cur)
        key = normalize(cur)
        if key in seen:
            return seen[key], gen - seen[key]
        seen[key] = gen
    return None

patterns = {
    "block": "##\n##",
    "blinker": "###",
    "toad": ".###\n###.",
    "beacon": "##..\n##..\n..##\n..##",
    "glider": ".#.\n..#\n###",
    "r-pentomino": ".##\n##.\n.#.",
}
for name, pat in patterns.items():
    live = parse(pat)
    print(f"{name:<12} cells={len(live):2} period={period(live, 60)}")

blinker = parse("###")
print(render(blinker, 3, 3, -1, 0))
print()
print(render(step(blinker), 3, 3, -1, 0))
glider = parse(patterns["glider"])
g = glider
for _ in range(4):
    g = step(g)
print("glider after 4 generations moved by", (min(r for r, _ in g) - min(r for r, _ in glider), min(c for _, c in g) - min(c for _, c in glider)))
print(render(g, 5, 5))
r = parse(patterns["r-pentomino"])
history = []
for gen in range(60):
    history.append(len(r))
    r = step(r)
print(history)
print("population after 60 generations:", len(r), "bounding box:", (min(x for x, _ in r), min(y for _, y in r), max(x for x, _ in r), max(y for _, y in r)))
print(step(set()) == set(), step({(0, 0)}) == set(), len(step(parse("##\n#."))))
