# Larger program: an LRU cache built on dict insertion order, a memoizing decorator using it, hit/miss statistics and eviction tracing.
class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = self.evictions = 0

    def get(self, key, default=None):
        if key in self.data:
            value = self.data.pop(key)
            self.data[key] = value
            self.hits += 1
            return value
        self.misses += 1
        return default

    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]
            self.evictions += 1
            print(f"  evict {oldest!r}")
        self.data[key] = value

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)

    def keys(self):
        return list(self.data)

    def stats(self):
        total = self.hits + self.misses
        rate = self.hits / total if total else 0.0
        return f"hits={self.hits} misses={self.misses} evictions={self.evictions} hit_rate={rate:.2%}"

cache = LRUCache(3)
for op in ["put a 1", "put b 2", "put c 3", "get a", "put d 4", "get b", "get c", "put a 10", "put e 5", "get d", "get a", "get e"]:
    parts = op.split()
    if parts[0] == "put":
        cache.put(parts[1], int(parts[2]))
        print(op, "->", cache.keys())
    else:
        print(op, "->", cache.get(parts[1], "MISS"), cache.keys())
print(cache.stats(), len(cache), "a" in cache, "b" in cache)

def lru_memo(capacity):
    def decorator(fn):
        store = LRUCache(capacity)
        sentinel = object()
        def wrapper(*args):
            result = store.get(args, sentinel)
            if result is sentinel:
                result = fn(*args)
                store.put(args, result)
            return result
        wrapper.cache = store
        wrapper.__name__ = fn.__name__
        return wrapper
    return decorator

@lru_memo(capacity=200)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache.stats())

@lru_memo(capacity=2)
def slow_square(x):
    print(f"  computing {x}^2")
    return x * x
for x in [2, 3, 2, 4, 3, 2]:
    print("square", x, "=", slow_square(x))
print(slow_square.cache.stats(), slow_square.cache.keys())

def grid_paths(r, c, memo=LRUCache(1000)):
    if r == 0 or c == 0:
        return 1
    hit = memo.get((r, c))
    if hit is not None:
        return hit
    v = grid_paths(r - 1, c) + grid_paths(r, c - 1)
    memo.put((r, c), v)
    return v
print(grid_paths(16, 16), grid_paths(30, 30))
try:
    LRUCache(0)
except ValueError as e:
    print(type(e).__name__, e)
