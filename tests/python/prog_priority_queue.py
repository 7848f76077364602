# Larger program: a binary min-heap priority queue written by hand, used for heap sort, task scheduling with stable ties, and k-smallest.
class Heap:
    def __init__(self, key=lambda x: x):
        self.items = []
        self.key = key
        self.counter = 0

    def __len__(self):
        return len(self.items)

    def push(self, value):
        entry = (self.key(value), self.counter, value)
        self.counter += 1
        self.items.append(entry)
        self._sift_up(len(self.items) - 1)

    def pop(self):
        if not self.items:
            raise IndexError("pop from empty heap")
        last = self.items.pop()
        if not self.items:
            return last[2]
        top = self.items[0]
        self.items[0] = last
        self._sift_down(0)
        return top[2]

    def peek(self):
        return self.items[0][2]

    def _sift_up(self, i):
        while i > 0:
            parent = (i - 1) // 2
            if self.items[i][:2] < self.items[parent][:2]:
                self.items[i], self.items[parent] = self.items[parent], self.items[i]
                i = parent
            else:
                break

    def _sift_down(self, i):
        n = len(self.items)
        while True:
            smallest = i
            for child in (2 * i + 1, 2 * i + 2):
                if child < n and self.items[child][:2] < self.items[smallest][:2]:
                    smallest = child
            if smallest == i:
                return
            self.items[i], self.items[smallest] = self.items[smallest], self.items[i]
            i = smallest

    def is_valid(self):
        return all(self.items[(i - 1) // 2][:2] <= self.items[i][:2] for i in range(1, len(self.items)))

def heap_sort(values, key=lambda x: x):
    h = Heap(key)
    for v in values:
        h.push(v)
    return [h.pop() for _ in range(len(h))]

data = [(i * 37 + 11) % 101 for i in range(40)]
print(data)
print(heap_sort(data))
print(heap_sort(data) == sorted(data), heap_sort([]), heap_sort([1]), heap_sort(data, key=lambda x: -x)[:5])
print(heap_sort(["pear", "fig", "apple", "kiwi", "banana"], key=len))

tasks = Heap(key=lambda t: t[0])
for prio, name in [(3, "write tests"), (1, "fix crash"), (2, "review PR"), (1, "deploy hotfix"), (5, "refactor"), (2, "update docs")]:
    tasks.push((prio, name))
print("valid heap:", tasks.is_valid(), "size:", len(tasks), "next:", tasks.peek())
order = []
while tasks:
    prio, name = tasks.pop()
    order.append(f"{prio}:{name}")
    if name == "fix crash":
        tasks.push((0, "write regression test"))
print(order)
try:
    tasks.pop()
except IndexError as e:
    print(type(e).__name__, e)

def k_smallest(values, k):
    h = Heap(key=lambda x: -x)
    for v in values:
        h.push(v)
        if len(h) > k:
            h.pop()
    return sorted(h.pop() for _ in range(len(h)))
print(k_smallest(data, 5), sorted(data)[:5])

def merge_sorted(*lists):
    h = Heap(key=lambda pair: pair[0])
    for idx, lst in enumerate(lists):
        if lst:
            h.push((lst[0], idx, 0))
    out = []
    while h:
        value, idx, pos = h.pop()
        out.append(value)
        if pos + 1 < len(lists[idx]):
            h.push((lists[idx][pos + 1], idx, pos + 1))
    return out
print(merge_sorted([1, 4, 9], [2, 3, 10, 11], [], [0, 5]))

events = Heap(key=lambda e: e[0])
clock_log = []
events.push((0, "start"))
while events:
    t, what = events.pop()
    clock_log.append((t, what))
    if what == "start":
        events.push((5, "tick"))
        events.push((12, "stop"))
    elif what == "tick" and t < 11:
        events.push((t + 3, "tick"))
print(clock_log)
