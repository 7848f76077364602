# Small agent simulation: classes, inheritance, method calls, attribute access.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Agent:
    def __init__(self, ident, pos, vel):
        self.ident = ident
        self.pos = pos
        self.vel = vel
        self.energy = 100

    def step(self, world):
        self.pos = self.pos.add(self.vel)
        if self.pos.x < 0 or self.pos.x > world.size:
            self.vel = Vec(-self.vel.x, self.vel.y)
        if self.pos.y < 0 or self.pos.y > world.size:
            self.vel = Vec(self.vel.x, -self.vel.y)
        self.energy -= 1

    def kind(self):
        return "agent"


class Hunter(Agent):
    def step(self, world):
        super().step(world)
        self.energy += 2

    def kind(self):
        return "hunter"


class World:
    def __init__(self, size, n):
        self.size = size
        self.agents = []
        for i in range(n):
            cls = Hunter if i % 3 == 0 else Agent
            self.agents.append(cls(i, Vec(i % size, (i * 7) % size), Vec(1 + i % 3, 2 - i % 5)))

    def tick(self):
        for a in self.agents:
            a.step(self)

    def summary(self):
        kinds = {}
        dist = 0
        for a in self.agents:
            kinds[a.kind()] = kinds.get(a.kind(), 0) + a.energy
            dist += a.pos.norm1()
        return dist, sorted(kinds.items())


w = World(1000, 500)
for _ in range(600):
    w.tick()
print(w.summary())
