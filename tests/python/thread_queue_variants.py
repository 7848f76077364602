# LifoQueue, PriorityQueue, SimpleQueue, Full/Empty, timeouts, task_done errors.
import queue, threading

lq = queue.LifoQueue()
for i in range(5):
    lq.put(i)
print([lq.get() for _ in range(5)])
pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (0, "z")]:
    pq.put(item)
print([pq.get() for _ in range(4)])
bq = queue.Queue(maxsize=2)
bq.put(1); bq.put(2)
print(bq.full(), bq.qsize())
try:
    bq.put_nowait(3)
except queue.Full:
    print("Full")
try:
    bq.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
print(bq.get(), bq.get(), bq.empty())
try:
    bq.get(block=False)
except queue.Empty:
    print("Empty")
try:
    bq.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    bq.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
bq.task_done(); bq.task_done()
try:
    bq.task_done()
except ValueError as e:
    print("ValueError:", e)
sq = queue.SimpleQueue()
def feed():
    for i in range(100):
        sq.put(i)
t = threading.Thread(target=feed)
t.start()
got = [sq.get() for _ in range(100)]
t.join()
print(got == list(range(100)), sq.empty(), sq.qsize())
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
