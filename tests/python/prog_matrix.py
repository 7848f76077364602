# Larger program: a Matrix class with operator overloading (+, -, *, @, **, ==, unary -, indexing), determinant by cofactor expansion, trace and transpose.
class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("rows must be non-empty and of equal length")
        self.rows = [list(r) for r in rows]
        self.n, self.m = len(rows), len(rows[0])

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @classmethod
    def zeros(cls, n, m):
        return cls([[0] * m for _ in range(n)])

    def __repr__(self):
        return f"Matrix({self.rows})"

    def __str__(self):
        width = max(len(str(v)) for r in self.rows for v in r)
        return "\n".join("[" + " ".join(str(v).rjust(width) for v in r) + "]" for r in self.rows)

    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]

    def __setitem__(self, idx, value):
        i, j = idx
        self.rows[i][j] = value

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    __hash__ = None

    def _check_same(self, other):
        if (self.n, self.m) != (other.n, other.m):
            raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")

    @property
    def shape(self):
        return (self.n, self.m)

    def __add__(self, other):
        if isinstance(other, (int, float)):
            return Matrix([[v + other for v in r] for r in self.rows])
        self._check_same(other)
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    __radd__ = __add__

    def __neg__(self):
        return Matrix([[-v for v in r] for r in self.rows])

    def __sub__(self, other):
        return self + (-other)

    def __mul__(self, k):
        if isinstance(k, Matrix):
            return NotImplemented
        return Matrix([[v * k for v in r] for r in self.rows])

    __rmul__ = __mul__

    def __matmul__(self, other):
        if self.m != other.n:
            raise ValueError(f"cannot multiply {self.shape} by {other.shape}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __pow__(self, e):
        result, base = Matrix.identity(self.n), self
        while e:
            if e & 1:
                result = result @ base
            base = base @ base
            e >>= 1
        return result

    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    def det(self):
        if self.n != self.m:
            raise ValueError("determinant needs a square matrix")
        if self.n == 1:
            return self.rows[0][0]
        total = 0
        for j in range(self.m):
            minor = Matrix([r[:j] + r[j + 1:] for r in self.rows[1:]]) if self.n > 1 else None
            total += (-1) ** j * self.rows[0][j] * minor.det()
        return total

    def trace(self):
        return sum(self.rows[i][i] for i in range(min(self.n, self.m)))

a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a)
print(repr(a + b), repr(a - b), repr(a * 3), repr(2 * a), repr(a + 10), repr(10 + a))
print(a @ b)
print(b @ a)
print(a ** 0 == Matrix.identity(2), a ** 1 == a, repr(a ** 5))
fib = Matrix([[1, 1], [1, 0]])
print("fib(90) =", (fib ** 90)[0, 1])
print(a.det(), Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]).det(), Matrix.identity(4).det(), a.trace())
big = Matrix([[(i * 7 + j * 3) % 5 for j in range(5)] for i in range(5)])
print(big)
print("det", big.det(), "trace", big.trace(), "shape", big.shape)
t = Matrix([[1, 2, 3], [4, 5, 6]])
print(t.transpose(), t.transpose().shape, repr(t @ t.transpose()))
m = Matrix.zeros(2, 3)
m[1, 2] = 9
print(repr(m), m[1, 2], -m == Matrix([[0, 0, 0], [0, 0, -9]]))
for bad in (lambda: a + t, lambda: t @ t, lambda: t.det(), lambda: Matrix([[1], [1, 2]]), lambda: a * a, lambda: {a}):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(repr(Matrix([[0.5, 1.5]]) * 2), repr(a * 0.5))
