# A small single-threaded program that runs on Weft today (threads arrive with issue 3, --stm with issue 4).
# It builds a pseudo-random text, counts words, and prints statistics, exercising classes, generators,
# dicts, sets, sorting with keys, f-strings, exceptions and big ints.


class Rng:
    """A linear congruential generator (deterministic on every Python)."""

    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return self.state % n


def words(rng, count):
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi"]
    for _ in range(count):
        yield "".join(syllables[rng.next(len(syllables))] for _ in range(1 + rng.next(3)))


counts = {}
for w in words(Rng(2024), 50_000):
    counts[w] = counts.get(w, 0) + 1

top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(f"{len(counts)} distinct words out of {sum(counts.values())}")
for word, n in top:
    print(f"  {word:<8} {n:>5} {'#' * (n // 100)}")
lengths = {len(w) for w in counts}
print("word lengths:", sorted(lengths))
try:
    counts["zz"]
except KeyError as e:
    print("missing word:", e)
print("product of top counts:", eval("*".join(str(n) for _, n in top)))
