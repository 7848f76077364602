# Larger program: N-queens via backtracking with bit masks and with sets, counting solutions, printing boards, and symmetry checks.
def solve_sets(n):
    cols, diag1, diag2 = set(), set(), set()
    placement, solutions = [], []
    def place(row):
        if row == n:
            solutions.append(tuple(placement))
            return
        for c in range(n):
            if c in cols or row - c in diag1 or row + c in diag2:
                continue
            cols.add(c); diag1.add(row - c); diag2.add(row + c)
            placement.append(c)
            place(row + 1)
            placement.pop()
            cols.remove(c); diag1.remove(row - c); diag2.remove(row + c)
    place(0)
    return solutions

def count_bits(n):
    full = (1 << n) - 1
    def go(cols, d1, d2):
        if cols == full:
            return 1
        total = 0
        free = ~(cols | d1 | d2) & full
        while free:
            bit = free & -free
            free ^= bit
            total += go(cols | bit, ((d1 | bit) << 1) & full, (d2 | bit) >> 1)
        return total
    return go(0, 0, 0)

def board(sol):
    n = len(sol)
    return "\n".join("".join("Q" if sol[r] == c else "." for c in range(n)) for r in range(n))

for n in range(1, 9):
    sols = solve_sets(n)
    print(f"n={n}: {len(sols)} solutions (bitmask count {count_bits(n)})")
six = solve_sets(6)
print(six)
print(board(six[0]))
eight = solve_sets(8)
print("first 8-queens:", eight[0], "last:", eight[-1])
print(board(eight[0]))

def rotate(sol):
    n = len(sol)
    grid = [(r, c) for r, c in enumerate(sol)]
    rotated = [None] * n
    for r, c in grid:
        rotated[c] = n - 1 - r
    return tuple(rotated)
def mirror(sol):
    n = len(sol)
    return tuple(n - 1 - c for c in sol)
def canonical(sol):
    forms = []
    s = sol
    for _ in range(4):
        forms.append(s)
        forms.append(mirror(s))
        s = rotate(s)
    return min(forms)
unique = sorted({canonical(s) for s in eight})
print("fundamental 8-queens solutions:", len(unique))
print(unique[:3])
print(all(canonical(rotate(s)) == canonical(s) for s in eight))
print("n=10 via bits:", count_bits(10))
