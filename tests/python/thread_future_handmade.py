# A hand-made Future: result() blocks until set; exceptions are re-raised in the caller.
import threading

class Future:
    def __init__(self):
        self._cond = threading.Condition()
        self._done = False
        self._result = None
        self._exc = None

    def set_result(self, r):
        with self._cond:
            self._result, self._done = r, True
            self._cond.notify_all()

    def set_exception(self, e):
        with self._cond:
            self._exc, self._done = e, True
            self._cond.notify_all()

    def result(self, timeout=None):
        with self._cond:
            if not self._cond.wait_for(lambda: self._done, timeout):
                raise TimeoutError("not done")
            if self._exc is not None:
                raise self._exc
            return self._result

def submit(fn, *args):
    f = Future()
    def run():
        try:
            f.set_result(fn(*args))
        except Exception as e:
            f.set_exception(e)
    threading.Thread(target=run).start()
    return f

fs = [submit(pow, 2, k) for k in range(10)]
print([f.result() for f in fs])
bad = submit(int, "x")
try:
    bad.result()
except ValueError as e:
    print("ValueError:", e)
never = Future()
try:
    never.result(timeout=0.01)
except TimeoutError as e:
    print("TimeoutError:", e)
