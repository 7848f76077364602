# Dining philosophers with ordered fork acquisition: no deadlock, every meal counted.
import threading

N, MEALS = 5, 200
forks = [threading.Lock() for _ in range(N)]
meals = [0] * N

def philosopher(i):
    left, right = i, (i + 1) % N
    first, second = min(left, right), max(left, right)
    for _ in range(MEALS):
        with forks[first]:
            with forks[second]:
                meals[i] += 1

ts = [threading.Thread(target=philosopher, args=(i,)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(meals, sum(meals), any(f.locked() for f in forks))
