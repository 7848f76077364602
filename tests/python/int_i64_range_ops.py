# Int arithmetic on operands around the small-int and 64-bit boundaries (i128 fast path), all operators and signs.
vals = [0, 1, -1, 7, -7, 2**49, -2**49, 2**49-1, -2**49-1, 2**62+3, -2**62-5, 2**63-1, -2**63, 2**63, -2**63-1, 2**70]
out = []
for a in vals:
    for b in vals:
        r = [a + b, a - b, a * b, a & b, a | b, a ^ b]
        if b:
            r += [a // b, a % b]
        if 0 <= b < 200:
            r.append(a >> b)
        out.append(sum(x % 1000003 for x in r))
print(out[:40], sum(out))
x = 5
for k in range(1000):
    x = (x * 1103515245 + 12345) % 2147483648
print(x, (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616 >> 40)
