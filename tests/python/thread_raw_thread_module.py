# _thread.start_new_thread with a lock used as a completion signal.
import _thread

lock = _thread.allocate_lock()
done = [_thread.allocate_lock() for _ in range(4)]
for d in done:
    d.acquire()
totals = [0] * 4

def work(i, n, scale=1):
    s = 0
    for k in range(n):
        s += k * scale
    totals[i] = s
    done[i].release()

for i in range(4):
    _thread.start_new_thread(work, (i, 1000 * (i + 1)), {"scale": 2})
for d in done:
    d.acquire()
print(totals)
print(isinstance(_thread.get_ident(), int), _thread.get_ident() == _thread.get_ident())
for bad in [(1, ()), (print, []), (print, (), [])]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError:", e)
idents = []
lk = _thread.allocate_lock()
fin = _thread.allocate_lock(); fin.acquire()
def rec():
    idents.append(_thread.get_ident())
    fin.release()
_thread.start_new_thread(rec, ())
fin.acquire()
print(idents[0] != _thread.get_ident())
