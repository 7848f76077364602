# itertools: argument errors and the reprs of count and repeat
import itertools as it
for f in [lambda: it.count('a'), lambda: it.repeat(1, 'a'), lambda: it.cycle(5),
          lambda: it.islice([1], -1), lambda: it.islice([1], 1, -1), lambda: it.islice([1], 1, 2, 0),
          lambda: it.islice([1]), lambda: it.tee([1], -1), lambda: it.product([1], repeat=-1),
          lambda: it.permutations([1], -1), lambda: it.combinations([1], -1),
          lambda: it.zip_longest(1), lambda: list(it.chain(1)), lambda: it.accumulate(1),
          lambda: it.starmap(len, 1), lambda: it.islice([1], 'a'), lambda: it.groupby(1),
          lambda: it.pairwise(1), lambda: it.compress(1, [1]), lambda: it.count(1, 'a'),
          lambda: it.islice(1, 2), lambda: list(it.starmap(len, [1])),
          lambda: it.combinations_with_replacement([1], -1), lambda: it.permutations([1], 'a'),
          lambda: it.product(1), lambda: it.islice([1], 1, 'a'), lambda: it.islice([1], 'a', 1),
          lambda: it.islice([1], -1, -1), lambda: it.islice([1], 1, 2**70),
          lambda: it.islice([1], 2**70, 1), lambda: it.islice([1], -2), lambda: it.islice([1], 2**70),
          lambda: next(it.dropwhile(None, [1])), lambda: next(it.takewhile(None, [1]))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(it.count(), it.count(2.5, 0.5), it.count(1, 2), it.repeat('a'), it.repeat('a', 3),
      it.count(1, 1.0), it.repeat(1, -3))
c = it.count(); next(c); print(c)
r = it.repeat(1, 2); next(r); print(r, list(r), r)
