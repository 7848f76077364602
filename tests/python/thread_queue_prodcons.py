# Producers and consumers through a bounded queue.Queue; nothing lost, nothing duplicated.
import threading, queue

q = queue.Queue(maxsize=5)
NPROD, NCONS, PER = 3, 4, 500
got = []
glock = threading.Lock()

def producer(k):
    for i in range(PER):
        q.put(k * PER + i)

def consumer():
    mine = []
    while True:
        x = q.get()
        if x is None:
            q.task_done()
            break
        mine.append(x)
        q.task_done()
    with glock:
        got.extend(mine)

ps = [threading.Thread(target=producer, args=(k,)) for k in range(NPROD)]
cs = [threading.Thread(target=consumer) for _ in range(NCONS)]
for t in cs + ps:
    t.start()
for t in ps:
    t.join()
for _ in cs:
    q.put(None)
q.join()
for t in cs:
    t.join()
print(len(got), sorted(got) == list(range(NPROD * PER)), q.empty(), q.qsize(), q.unfinished_tasks)
