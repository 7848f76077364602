# Several threads read the same file concurrently (reads release the GIL); every reader sees all of it.
import threading, os
path = "/tmp/weft_fio_%d" % os.getpid()
with open(path, "w") as f:
    for i in range(2000):
        f.write("line %d\n" % i)
res = []
lock = threading.Lock()
def reader(k):
    n = 0
    with open(path) as f:
        for line in f:
            n += len(line)
    with lock:
        res.append(n)
ts = [threading.Thread(target=reader, args=(k,)) for k in range(4)]
[t.start() for t in ts]; [t.join() for t in ts]
os.remove(path)
print(res)
