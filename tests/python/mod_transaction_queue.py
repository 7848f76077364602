# transaction.TransactionQueue: 150 items adding more items, add_generator, exception propagation from run(), the same results for every nb_segments.
try:
    import pypystm
except ImportError:  # CPython: the pure-Python stand-in in _stm_fallback.py
    from _stm_fallback import pypystm
try:
    import transaction
except ImportError:  # CPython: the serial stand-in in _stm_fallback.py
    from _stm_fallback import transaction
TransactionQueue = transaction.TransactionQueue


def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def workload(nb):
    tq = TransactionQueue()
    results = {}
    stats = {'sum': 0, 'items': 0, 'max': 0}
    hist = [0] * 16

    def item(n, depth):
        s = collatz(n)
        results[n] = s            # shared dict, unsynchronised: items are atomic
        stats['sum'] += s
        stats['items'] += 1
        if s > stats['max']:
            stats['max'] = s
        hist[s % 16] += 1
        if depth < 2 and n % 3 == 0:
            tq.add(item, n * 7 + 1, depth + 1)
            tq.add(item, n * 11 + 2, depth=depth + 1)

    for i in range(1, 151):
        tq.add(item, i, 0)
    tq.run(nb)
    h = 0
    for k in sorted(results):
        h = (h * 31 + k * 7 + results[k]) % 1000000007
    return (len(results), stats['sum'], stats['items'], stats['max'], h, tuple(hist),
            tq.number_of_transactions_executed())


outs = []
for nb in [1, 2, 3, 4, 8, 0]:
    r = workload(nb)
    outs.append(r)
print('workload', outs[0])
print('same for every nb_segments', all(r == outs[0] for r in outs))


# --- add_generator: each step is one transaction, the steps of one generator run in order
def gens(nb):
    tq = TransactionQueue()
    logs = {}
    shared = {'steps': 0, 'extra': 0}

    def extra(g, i):
        shared['extra'] += g * i

    def gen(g):
        log = logs[g] = []
        for i in range(20):
            log.append(i)
            shared['steps'] += 1
            if i % 5 == 0:
                tq.add(extra, g, i)
            yield i

    for g in range(6):
        tq.add_generator(gen(g))
    tq.run(nb)
    ok = all(logs[g] == list(range(20)) for g in range(6))
    return ok, shared['steps'], shared['extra'], tq.number_of_transactions_executed()


outs = [gens(nb) for nb in [1, 2, 4, 8]]
print('generators', outs[0], all(r == outs[0] for r in outs))


# --- an exception stops the run and is re-raised; the items not run stay queued
def failing(nb):
    tq = TransactionQueue()
    done = set()
    armed = [True]

    def item(i):
        done.add(i)
        if i == 17 and armed[0]:
            armed[0] = False
            raise ValueError('item %d failed' % i)
        if i % 10 == 0:
            tq.add(child, i)

    def child(i):
        done.add(1000 + i)

    for i in range(50):
        tq.add(item, i)
    try:
        tq.run(nb)
        print('no exception?')
    except ValueError as e:
        err = '%s: %s' % (type(e).__name__, e)
    tq.run(nb)  # runs what was left
    return err, len(done), sorted(x for x in done if x >= 1000), tq.number_of_transactions_executed()


outs = [failing(nb) for nb in [1, 2, 4, 8]]
print('failing', outs[0])
print('failing same', all(r == outs[0] for r in outs))


# --- an exception in an item added while the queue runs
def deep(nb):
    tq = TransactionQueue()

    def item(i):
        if i == 3:
            tq.add(bad, i)

    def bad(i):
        raise KeyError(i)

    for i in range(10):
        tq.add(item, i)
    try:
        tq.run(nb)
    except KeyError as e:
        return 'KeyError %s' % e


print('deep', [deep(nb) for nb in [1, 2, 4]])

# --- misuse and trivial cases
tq = TransactionQueue()
tq.run()
print('empty run ok', tq.number_of_transactions_executed())
tq.add(print, 'printed', 'by', 'item', sep='-')
with pypystm.atomic:
    try:
        tq.run()
    except transaction.TransactionError as e:
        print('TransactionError', e)
tq.run(2)
print('executed', tq.number_of_transactions_executed())
