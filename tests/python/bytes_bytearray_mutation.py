# Checks bytearray mutation: item/slice assignment, del, append/extend/insert/pop/remove/reverse/clear, +=, *=, and value checks.
ba = bytearray(b"hello")
ba[0] = 72
print(ba)
ba[1:3] = b"EY"
print(ba)
ba[1:3] = b"ipp"
print(ba, len(ba))
ba[::2] = b"ABC"
print(ba)
del ba[0]
print(ba)
del ba[::2]
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
ba.insert(0, 95)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("?"))
print(ba)
ba.reverse()
print(ba)
ba += b"xyz"
print(ba)
ba *= 2
print(ba, len(ba))
ba[:] = b""
print(ba, len(ba))
ba.extend(range(5))
print(ba, list(ba))
ba.clear()
print(ba, ba == b"")
x = bytearray(3)
x[1] = 255
print(x, x.hex())
for bad_value in (256, -1):
    try:
        x[0] = bad_value
    except ValueError as e:
        print(type(e).__name__, e)
try:
    x[0] = b"a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    x.append(1000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    x.remove(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray().pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    x[::2] = b"abc"
except ValueError as e:
    print(type(e).__name__, e)
alias = x
x += b"!"
print(alias is x, alias)
frozen = bytes(x)
x[0] = 65
print(frozen, x)
copy = x.copy()
copy[0] = 66
print(x, copy)
buf = bytearray()
for i in range(10):
    buf += bytes([48 + i])
print(buf.decode(), buf.count(b"5"), buf.index(b"7"))
