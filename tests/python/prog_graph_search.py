# Larger program: graph algorithms - BFS shortest path on a grid maze, Dijkstra with a sorted frontier, topological sort and cycle detection.
MAZE = """
##########
#S.....#.#
#.##.#.#.#
#.#..#...#
#.#.####.#
#...#..#.#
###.#.##.#
#.....#..#
#.###...E#
##########
""".strip().splitlines()

def find(ch):
    for r, row in enumerate(MAZE):
        c = row.find(ch)
        if c >= 0:
            return r, c

def bfs(start, goal):
    frontier = [start]
    came = {start: None}
    while frontier:
        nxt = []
        for r, c in frontier:
            if (r, c) == goal:
                path = []
                node = goal
                while node:
                    path.append(node)
                    node = came[node]
                return path[::-1]
            for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                nr, nc = r + dr, c + dc
                if MAZE[nr][nc] != "#" and (nr, nc) not in came:
                    came[(nr, nc)] = (r, c)
                    nxt.append((nr, nc))
        frontier = nxt
    return None

start, goal = find("S"), find("E")
path = bfs(start, goal)
print("start", start, "goal", goal, "steps", len(path) - 1)
grid = [list(row) for row in MAZE]
for r, c in path[1:-1]:
    grid[r][c] = "*"
print("\n".join("".join(row) for row in grid))

ROADS = {
    "A": {"B": 7, "C": 9, "F": 14},
    "B": {"A": 7, "C": 10, "D": 15},
    "C": {"A": 9, "B": 10, "D": 11, "F": 2},
    "D": {"B": 15, "C": 11, "E": 6},
    "E": {"D": 6, "F": 9},
    "F": {"A": 14, "C": 2, "E": 9},
    "G": {},
}
def dijkstra(graph, src):
    dist = {src: 0}
    prev = {}
    frontier = [(0, src)]
    done = set()
    while frontier:
        frontier.sort(reverse=True)
        d, node = frontier.pop()
        if node in done:
            continue
        done.add(node)
        for nb, w in sorted(graph[node].items()):
            nd = d + w
            if nb not in dist or nd < dist[nb]:
                dist[nb] = nd
                prev[nb] = node
                frontier.append((nd, nb))
    return dist, prev
dist, prev = dijkstra(ROADS, "A")
print(sorted(dist.items()))
for target in ("E", "D", "G"):
    if target not in dist:
        print(target, "unreachable")
        continue
    route = [target]
    while route[-1] != "A":
        route.append(prev[route[-1]])
    print(target, dist[target], "->".join(reversed(route)))

DEPS = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core", "fmt"], "core": [], "fmt": [], "docs": ["app"]}
def topo(deps):
    order, state = [], {}
    def visit(n, chain):
        if state.get(n) == "done":
            return
        if state.get(n) == "visiting":
            raise ValueError("cycle: " + " -> ".join(chain + [n]))
        state[n] = "visiting"
        for d in sorted(deps[n]):
            visit(d, chain + [n])
        state[n] = "done"
        order.append(n)
    for n in sorted(deps):
        visit(n, [])
    return order
print(topo(DEPS))
DEPS["core"] = ["app"]
try:
    topo(DEPS)
except ValueError as e:
    print(type(e).__name__, e)
def components(graph):
    seen, comps = set(), []
    for n in sorted(graph):
        if n in seen:
            continue
        stack, comp = [n], []
        while stack:
            x = stack.pop()
            if x in seen:
                continue
            seen.add(x)
            comp.append(x)
            stack.extend(graph[x])
        comps.append(sorted(comp))
    return comps
print(components(ROADS))
