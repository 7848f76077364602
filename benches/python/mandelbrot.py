"""Mandelbrot set: SIZE x SIZE pixels, rows split across THREADS; checksum = total iterations."""
from benchlib import args, parallel_ranges, report

MAX_ITER = 64


def rows(size, start, stop):
    total = 0
    for y in range(start, stop):
        ci = 2.0 * y / size - 1.0
        for x in range(size):
            cr = 3.0 * x / size - 2.0
            zr = zi = 0.0
            n = 0
            while n < MAX_ITER and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total += n
    return total


def main():
    threads, size = args(200)
    parts = parallel_ranges(threads, size, lambda a, b: rows(size, a, b))
    report(sum(parts))


main()
