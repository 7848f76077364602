"""K-means (k = 8, 12 rounds) on SIZE integer points; each round's assignment step is split into
chunks across THREADS and the per-chunk sums are combined in chunk order. Integer arithmetic only,
so the result does not depend on THREADS; checksum = final centroids and assignment hash."""
from benchlib import Lcg, args, parallel_ranges, report

K = 8
ROUNDS = 12


def main():
    threads, size = args(20000)
    rng = Lcg(42)
    pts = []
    for i in range(size):
        cx = (i % K) * 1200 + 500
        cy = (i * 7 % K) * 900 + 300
        pts.append((cx + rng.below(1500) - 750, cy + rng.below(1500) - 750))
    cents = [pts[i] for i in range(K)]
    assign = [0] * size

    def step(start, stop):
        sx = [0] * K
        sy = [0] * K
        cnt = [0] * K
        cs = cents
        for i in range(start, stop):
            x, y = pts[i]
            best = 0
            best_d = -1
            for c in range(K):
                dx = x - cs[c][0]
                dy = y - cs[c][1]
                d = dx * dx + dy * dy
                if best_d < 0 or d < best_d:
                    best_d = d
                    best = c
            assign[i] = best
            sx[best] += x
            sy[best] += y
            cnt[best] += 1
        return sx, sy, cnt

    for _ in range(ROUNDS):
        parts = parallel_ranges(threads, size, step)
        new = []
        for c in range(K):
            n = sum(p[2][c] for p in parts)
            if n == 0:
                new.append(cents[c])
            else:
                new.append((sum(p[0][c] for p in parts) // n, sum(p[1][c] for p in parts) // n))
        cents = new
    h = 0
    for a in assign:
        h = (h * 8 + a) % 1000000007
    report("%s %d" % (" ".join("%d,%d" % c for c in cents), h))


main()
