"""N-body: SIZE independent 5-body systems (each perturbed differently), 200 steps each,
distributed across THREADS; checksum = per-system final energies (9 digits) summed in order."""
from benchlib import args, parallel_ranges, report

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS = 365.24
STEPS = 200

BASE = [
    ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS),
    ([4.84143144246472090e00, -1.16032004402742839e00, -1.03622044471123109e-01],
     [1.66007664274403694e-03 * DAYS, 7.69901118419740425e-03 * DAYS, -6.90460016972063023e-05 * DAYS],
     9.54791938424326609e-04 * SOLAR_MASS),
    ([8.34336671824457987e00, 4.12479856412430479e00, -4.03523417114321381e-01],
     [-2.76742510726862411e-03 * DAYS, 4.99852801234917238e-03 * DAYS, 2.30417297573763929e-05 * DAYS],
     2.85885980666130812e-04 * SOLAR_MASS),
    ([1.28943695621391310e01, -1.51111514016986312e01, -2.23307578892655734e-01],
     [2.96460137564761618e-03 * DAYS, 2.37847173959480950e-03 * DAYS, -2.96589568540237556e-05 * DAYS],
     4.36624404335156298e-05 * SOLAR_MASS),
    ([1.53796971148509165e01, -2.59193146099879641e01, 1.79258772950371181e-01],
     [2.68067772490389322e-03 * DAYS, 1.62824170038242295e-03 * DAYS, -9.51592254519715870e-05 * DAYS],
     5.15138902046611451e-05 * SOLAR_MASS),
]


def make_system(k):
    bodies = []
    for i, (pos, vel, mass) in enumerate(BASE):
        eps = 1.0 + 0.001 * ((k * 7 + i) % 13)
        bodies.append(([p * eps for p in pos], list(vel), mass))
    return bodies


def advance(bodies, dt, steps):
    pairs = [(bodies[i], bodies[j]) for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    for _ in range(steps):
        for (p1, v1, m1), (p2, v2, m2) in pairs:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            mag = dt * ((dx * dx + dy * dy + dz * dz) ** -1.5)
            b1 = m1 * mag
            b2 = m2 * mag
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
        for p, v, _m in bodies:
            p[0] += dt * v[0]
            p[1] += dt * v[1]
            p[2] += dt * v[2]


def energy(bodies):
    e = 0.0
    for i, (p1, v1, m1) in enumerate(bodies):
        e += 0.5 * m1 * (v1[0] * v1[0] + v1[1] * v1[1] + v1[2] * v1[2])
        for p2, _v2, m2 in bodies[i + 1:]:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            e -= m1 * m2 / ((dx * dx + dy * dy + dz * dz) ** 0.5)
    return e


def systems(start, stop):
    out = []
    for k in range(start, stop):
        b = make_system(k)
        advance(b, 0.01, STEPS)
        out.append(round(energy(b), 9))
    return out


def main():
    threads, size = args(16)
    parts = parallel_ranges(threads, size, systems)
    total = 0.0
    for part in parts:
        for e in part:
            total += e
    report("%.9f" % total)


main()
