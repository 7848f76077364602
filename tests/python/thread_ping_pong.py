# Two threads alternate strictly (Conditions), so the printed order is deterministic.
import threading

cond = threading.Condition()
turn = ["ping"]

def player(me, other, n):
    for i in range(n):
        with cond:
            while turn[0] != me:
                cond.wait()
            print(me, i)
            turn[0] = other
            cond.notify_all()

a = threading.Thread(target=player, args=("ping", "pong", 5))
b = threading.Thread(target=player, args=("pong", "ping", 5))
b.start()
a.start()
a.join()
b.join()
print("done")
