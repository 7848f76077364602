# Output printed by threads appears in the order the threads printed it (turns enforced by Events).
import threading

events = [threading.Event() for _ in range(5)]

def speaker(i):
    events[i].wait()
    print("thread", i, "speaks")
    if i + 1 < len(events):
        events[i + 1].set()

ts = [threading.Thread(target=speaker, args=(i,)) for i in range(5)]
for t in reversed(ts):
    t.start()
print("main starts the chain")
events[0].set()
for t in ts:
    t.join()
print("main ends")
