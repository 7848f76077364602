# Ends with a MemoryError from an impossibly large list repetition.
print("allocating a small list works:", len([0] * 1000))
print("now asking for 10**13 elements")
big = [0] * (10 ** 13)
print("never printed", len(big))
