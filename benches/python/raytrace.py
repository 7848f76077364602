"""A small ray tracer: spheres, one light, shadows and one reflection bounce.

SIZE x SIZE image, rows dealt round-robin to THREADS (the lower half of the image, with the floor, costs
more than the upper half, so contiguous halves would leave one thread idle for a third of the run);
checksum = sum of 0..255-quantised pixel values.
"""
import math

from benchlib import args, report, run_threads


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self.scale(1.0 / math.sqrt(self.dot(self)))


class Sphere:
    def __init__(self, center, radius, color, reflect):
        self.center = center
        self.radius = radius
        self.color = color
        self.reflect = reflect

    def hit(self, origin, direction):
        oc = origin.sub(self.center)
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        t = -b - math.sqrt(disc)
        if t > 1e-6:
            return t
        return None


SCENE = [
    Sphere(Vec(0.0, -1000.0, 0.0), 999.0, 0.6, 0.2),
    Sphere(Vec(0.0, 0.0, 4.0), 1.0, 0.9, 0.4),
    Sphere(Vec(-1.6, -0.3, 5.0), 0.7, 0.5, 0.1),
    Sphere(Vec(1.5, -0.4, 3.5), 0.6, 0.7, 0.6),
]
LIGHT = Vec(-3.0, 5.0, -2.0)


def nearest(origin, direction):
    best = None
    best_t = 1e30
    for s in SCENE:
        t = s.hit(origin, direction)
        if t is not None and t < best_t:
            best = s
            best_t = t
    return best, best_t


def trace(origin, direction, depth):
    s, t = nearest(origin, direction)
    if s is None:
        return 0.1
    p = origin.add(direction.scale(t))
    n = p.sub(s.center).norm()
    to_light = LIGHT.sub(p).norm()
    shade = 0.05
    blocker, _ = nearest(p, to_light)
    if blocker is None:
        shade += max(0.0, n.dot(to_light)) * s.color
    if depth > 0 and s.reflect > 0.0:
        r = direction.sub(n.scale(2.0 * direction.dot(n)))
        shade = shade * (1.0 - s.reflect) + s.reflect * trace(p, r, depth - 1)
    return shade


def rows(size, first, step):
    eye = Vec(0.0, 0.0, 0.0)
    total = 0
    for y in range(first, size, step):
        for x in range(size):
            d = Vec((x - size / 2.0) / size, (size / 2.0 - y) / size, 1.0).norm()
            v = trace(eye, d, 1)
            total += int(min(1.0, v) * 255.0)
    return total


def main():
    threads, size = args(64)
    parts = run_threads(threads, rows, [(size, k, threads) for k in range(threads)])
    report(sum(parts))


main()
