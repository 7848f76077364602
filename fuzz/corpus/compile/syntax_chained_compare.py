# Checks chained comparisons, evaluation order and single evaluation of middle operands.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(1 < 2 > 0, 0 <= 0 < 1, 5 > 4 >= 4 > 3)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 < 2 < 5)
print("a" < "b" < "c", [1] < [2] <= [2])
x = 5
print(0 < x < 10, 0 < x < 3, x in [5] in [[5]])

log = []
def v(n):
    log.append(n)
    return n

print(v(1) < v(2) < v(3))
print(log)
log.clear()
print(v(3) < v(2) < v(1))
print(log)  # third operand never evaluated
log.clear()
print(v(1) == v(1) is not None)
print(log)
log.clear()

# middle evaluated only once
count = 0
def mid():
    global count
    count += 1
    return 5
print(1 < mid() < 10, count)

# mixing is / in / not in
a = []
print(a is a is not None, 1 in [1] not in [[2]])
print(1 < 2 == 2 > 1)
print((1 < 2) < 3, 1 < (2 < 3))
print(None == None == None, 0 == False == 0.0)
print(float("nan") == float("nan"), 1.0 == 1 == True)
print(2 > 1 and 3 > 2, not 1 < 2 < 3)
