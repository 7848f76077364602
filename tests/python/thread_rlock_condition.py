# A Condition over an RLock acquired several times: wait() releases it fully and restores the depth.
import threading

r = threading.RLock()
cond = threading.Condition(r)
state = []

def waiter():
    with cond:
        with cond:
            ok = cond.wait_for(lambda: state, timeout=5)
            state.append(("waiter", ok, r._is_owned()))

t = threading.Thread(target=waiter)
t.start()
while True:
    with cond:
        if cond._waiters:
            state.append("go")
            cond.notify()
            break
t.join()
print(state)
with r:
    print(r._is_owned())
print(r._is_owned())
