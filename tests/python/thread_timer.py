# Timer runs its function once after the interval unless cancelled.
import threading

fired = []
t = threading.Timer(0.01, fired.append, args=["fired"])
t.start()
t.join()
print(fired)
c = threading.Timer(10, fired.append, args=["never"])
c.start()
c.cancel()
c.join()
print(fired, c.finished.is_set())
t3 = threading.Timer(0, lambda **kw: fired.append(sorted(kw)), kwargs={"b": 1, "a": 2})
t3.start(); t3.join()
print(fired)
