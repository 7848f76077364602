# transaction module: module-level add/add_generator/run, run() inside an item, kwargs, exceptions other than Exception subclasses, is_atomic inside items.
try:
    import pypystm
except ImportError:  # CPython: the pure-Python stand-in in _stm_fallback.py
    from _stm_fallback import pypystm
try:
    import transaction
except ImportError:  # CPython: the serial stand-in in _stm_fallback.py
    from _stm_fallback import transaction
import threading

out = {}


def put(key, value=0, *, scale=1):
    out[key] = (value * scale, pypystm.is_atomic() > 0)


for i in range(30):
    transaction.add(put, 'k%02d' % i, i, scale=3)


def steps(name, n):
    for i in range(n):
        out[name + str(i)] = (i, pypystm.is_atomic() > 0)
        yield


transaction.add_generator(steps('g', 4))
transaction.run(4)
print(len(out), sorted(out.items())[:3], sorted(out.items())[-3:])
print('all inside atomic', all(v[1] for v in out.values()))

# run() from inside an item is refused (items run in atomic blocks)
tq = transaction.TransactionQueue()
errors = []


def nested():
    try:
        tq.run()
    except transaction.TransactionError as e:
        errors.append(str(e))


tq.add(nested)
tq.run(2)
print('nested', errors)


# a BaseException (SystemExit) raised by an item comes out of run() too
def quit_item():
    raise SystemExit(7)


tq.add(quit_item)
try:
    tq.run(3)
except SystemExit as e:
    print('SystemExit', e.code)


# a tree of items: each node adds its children; the sum is the same for every nb_segments
def tree(nb):
    q = transaction.TransactionQueue()
    acc = {'nodes': 0, 'depth_sum': 0}

    def node(depth, width):
        acc['nodes'] += 1
        acc['depth_sum'] += depth
        if depth < 5:
            for w in range(width):
                q.add(node, depth + 1, 3)

    q.add(node, 0, 4)
    q.run(nb)
    return acc['nodes'], acc['depth_sum'], q.number_of_transactions_executed()


res = [tree(nb) for nb in [1, 2, 5]]
print('tree', res[0], all(r == res[0] for r in res))

# items can use threading primitives and pypystm containers
d = pypystm.stmdict()
lock = threading.Lock()
tq = transaction.TransactionQueue()


def count_words(i):
    word = 'w%d' % (i % 7)
    d[word] = d.get(word, 0) + 1


for i in range(140):
    tq.add(count_words, i)
tq.run(4)
print('words', sorted(d.items()))
