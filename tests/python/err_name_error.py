# Ends with a NameError for an undefined variable (name chosen to have no "Did you mean" suggestion).
values = [1, 2, 3]
print("sum of values:", sum(values))
print("referencing an undefined name")
print(qqqzzz_undefined_thing)
