# Producer/consumer through a Condition and a shared list.
import threading

buf = []
cond = threading.Condition()
CAP = 4
consumed = []
done = False

def producer():
    global done
    for i in range(200):
        with cond:
            while len(buf) >= CAP:
                cond.wait()
            buf.append(i)
            cond.notify_all()
    with cond:
        done = True
        cond.notify_all()

def consumer(k):
    while True:
        with cond:
            while not buf and not done:
                cond.wait()
            if not buf and done:
                return
            x = buf.pop(0)
            consumed.append(x)
            cond.notify_all()

ts = [threading.Thread(target=consumer, args=(k,)) for k in range(3)]
p = threading.Thread(target=producer)
for t in ts:
    t.start()
p.start()
p.join()
for t in ts:
    t.join()
print(len(consumed), sorted(consumed) == list(range(200)))
print(consumed == sorted(consumed))
