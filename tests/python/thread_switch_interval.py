# sys.setswitchinterval / getswitchinterval; CPU-bound threads all make progress and finish.
import sys, threading

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print("TypeError:", e)

progress = [0, 0, 0]
def spin(i):
    for k in range(300000):
        progress[i] += 1

ts = [threading.Thread(target=spin, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(progress)
sys.setswitchinterval(0.005)
print(sys.getswitchinterval())
