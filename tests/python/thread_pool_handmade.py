# A hand-made thread pool: workers take jobs from a queue and post results.
import threading, queue

class Pool:
    def __init__(self, n):
        self.jobs = queue.Queue()
        self.results = {}
        self.lock = threading.Lock()
        self.workers = [threading.Thread(target=self._run, name="pool-%d" % i) for i in range(n)]
        for w in self.workers:
            w.start()

    def _run(self):
        while True:
            job = self.jobs.get()
            if job is None:
                self.jobs.task_done()
                return
            key, fn, args = job
            try:
                r = fn(*args)
            except Exception as e:
                r = "error: %s" % e
            with self.lock:
                self.results[key] = r
            self.jobs.task_done()

    def submit(self, key, fn, *args):
        self.jobs.put((key, fn, args))

    def wait(self):
        self.jobs.join()

    def close(self):
        for _ in self.workers:
            self.jobs.put(None)
        for w in self.workers:
            w.join()

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

pool = Pool(4)
for i in range(40):
    pool.submit(i, fib, i)
pool.submit("bad", lambda: 1 // 0)
pool.wait()
print([pool.results[i] for i in range(0, 40, 7)])
print(pool.results["bad"], len(pool.results))
pool.close()
print(all(not w.is_alive() for w in pool.workers))
