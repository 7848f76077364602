# Checks operator precedence, augmented assignment, boolean short-circuit values and identity/membership operators.
print(2 + 3 * 4, (2 + 3) * 4)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 100 / 10 / 5)
print(7 // 2 * 2 + 7 % 2)
print(not 1 == 2, not (1 == 2))
print(1 + 2 << 3, 1 | 2 ^ 3 & 4)
print(~5, -~5, ~-5)
print(+True, -True)

# short circuit returns operand values
print(0 or "x", "" or [] or None, 1 and 2, 0 and 1 / 0, 3 and 0)
print(None or 0 or "last")
print([] and "never")

calls = []
def t(v):
    calls.append(v)
    return v
r = t(0) and t(1)
print(r, calls)
calls.clear()
r = t(1) or t(2)
print(r, calls)
calls.clear()
r = t(0) or t("") or t("yes") or t("no")
print(r, calls)

# augmented assignment
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x **= 3; print(x)
x %= 7; print(x)
x <<= 4; print(x)
x >>= 2; print(x)
x |= 1; print(x)
x &= 6; print(x)
x ^= 15; print(x)
x /= 4; print(x)
s = "ab"
s *= 3; print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
tup = (1,)
talias = tup
tup += (2,)
print(tup, talias, tup is talias)

# identity and membership
a = [1, 2]
b = [1, 2]
print(a == b, a is b, a is not b, a is a)
print(2 in a, 3 not in a, "b" in "abc", "" in "abc", "ac" in "abc")
print(None is None, 1 in {1: "x"}, "x" in {1: "x"})

# operator precedence of comparisons with not / and / or
print(1 < 2 and 2 < 3 or False)
print(not 0 and 1)
print(1 if 0 else 2 if 0 else 3)
print(3 - -3, 3 + -3, - - 3)
print(5 % -3, -5 % 3, 5 // -3, -5 // 3)
