# Checks string indexing and slicing: negative indices, steps, out-of-range slices, reversal, and slice objects.
s = "Hello, World!"
print(s[0], s[7], s[-1], s[-13], len(s))
print(s[0:5], s[7:], s[:5], s[:], s[-6:], s[-6:-1], s[3:3], s[5:2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[-1:-6:-1], s[10:2:-3], s[2:10:3])
print(repr(s[100:]), repr(s[-100:3]), s[:100], repr(s[13:]), s[-100:100:5])
print(s[slice(0, 5)], s[slice(None, None, -1)], s[slice(-3, None)], s[slice(2)])
for i in (-14, 13, 100):
    try:
        s[i]
    except IndexError as e:
        print(type(e).__name__, e, i)
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
print("".join(s[i] for i in range(0, len(s), 3)))
print([s[i:i + 4] for i in range(0, len(s), 4)])
u = "naïve café ☕ 😀!"
print(len(u), u[2], u[-2], u[-3], u[::-1], u[6:10], u[11:])
e = ""
print(repr(e[:]), repr(e[::-1]), repr(e[0:0]), len(e))
try:
    e[0]
except IndexError as err:
    print(type(err).__name__, err)
print("abcdef"[-2:], "abcdef"[:-2], "abcdef"[-100:-4], "abcdef"[4:-100:-1])
print("abc"[True], "abc"[False:True + True])
pal = "A man a plan a canal Panama".replace(" ", "").lower()
print(pal == pal[::-1], pal[:5], pal[-5:])
print(s.__getitem__(4), s[len(s) - 1], s[-len(s)])
