# A three-stage pipeline connected by queues; order is preserved end to end.
import threading, queue

STOP = object()
q1, q2, q3 = queue.Queue(), queue.Queue(maxsize=3), queue.Queue()

def stage(inq, outq, fn):
    while True:
        x = inq.get()
        if x is STOP:
            outq.put(STOP)
            return
        outq.put(fn(x))

t1 = threading.Thread(target=stage, args=(q1, q2, lambda x: x * x))
t2 = threading.Thread(target=stage, args=(q2, q3, lambda x: "<%d>" % x))
t1.start(); t2.start()
for i in range(10):
    q1.put(i)
q1.put(STOP)
out = []
while True:
    x = q3.get()
    if x is STOP:
        break
    out.append(x)
t1.join(); t2.join()
print(" ".join(out))
