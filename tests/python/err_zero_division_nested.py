# Ends with an uncaught ZeroDivisionError raised three calls deep; stdout printed before must still appear.
def ratio(a, b):
    return a / b

def average_ratio(pairs):
    return sum(ratio(a, b) for a, b in pairs) / len(pairs)

def report(pairs):
    print("computing report for", len(pairs), "pairs")
    return average_ratio(pairs)

print("first report:", report([(1, 2), (3, 4)]))
print("second report will fail")
report([(1, 1), (5, 0)])
print("never printed")
