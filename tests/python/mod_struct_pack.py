# struct: pack/unpack/calcsize/iter_unpack/pack_into/unpack_from/Struct, byte orders, alignment, errors
import struct
for fmt in ['i', 'bi', 'ci', 'hq', 'x', '3x', 'qb', '<qb', '=l', '@l', '!h', '5s', '5p', 'e', '?', 'bhiqd', '0s', '2c3i', 'i i', '@bd', '>bd', 'P', 'nN']:
    print(fmt, struct.calcsize(fmt))
vals = [('<bBhHiIqQ', (-1, 255, -300, 60000, -70000, 4000000000, -2**62, 2**64 - 1)),
        ('>bBhHiIqQ', (-1, 255, -300, 60000, -70000, 4000000000, -2**62, 2**64 - 1)),
        ('@bhiqlLnN', (1, 2, 3, 4, 5, 6, 7, 8)), ('=lL', (-5, 5)), ('<efd', (1.5, 3.25, -0.1)), ('>efd', (65504.0, 1e-5, 1e300)),
        ('<5s3p?c', (b'hello world', b'abcdef', True, b'z')), ('2s', (b'a',)), ('<3e', (1e-7, 6e-8, -2.0**-24)), ('!I', (1,)),
        ('<d', (float('inf'),)), ('<e', (float('-inf'),)), ('<?', ([],)), ('<?', ('x',)), ('<q', (True,)), ('<d', (3,)), ('3s', (bytearray(b'ab'),))]
for fmt, v in vals:
    b = struct.pack(fmt, *v)
    print(fmt, b, struct.unpack(fmt, b))
for x in [0.1, 1/3, 5.960464477539063e-08, 2.98e-08, 2.9802322387695312e-08, 65519.99, 6.1e-05, 0.00006103515625, 1.0009765625, 1.00048828125, 1.00146484375, -0.0]:
    print(x, struct.pack('<e', x), struct.unpack('<e', struct.pack('<e', x)), struct.unpack('<f', struct.pack('<f', x)))
tests = [('b', 200), ('B', -1), ('h', 40000), ('<h', 40000), ('<H', -1), ('<H', 70000), ('H', -1), ('i', 2**31), ('@i', 2**31), ('<i', 2**31),
         ('I', -1), ('<I', 2**32), ('<I', -1), ('l', 2**63), ('<l', 2**31), ('<L', -1), ('q', 2**63), ('Q', -1), ('<q', 2**63), ('<Q', 2**64),
         ('n', 2**63), ('N', -1), ('b', 'x'), ('f', 'x'), ('e', 1e10), ('f', 1e300), ('<f', 1e300), ('c', b'ab'), ('s', 'x'), ('i', 1.5),
         ('<e', 65520.0), ('<e', 65519.0), ('Z', 1), ('<n', 1), ('3', 1)]
for f, v in tests:
    try:
        print(f, struct.pack(f, v))
    except Exception as e:
        print(f, type(e).__name__, e)
for args in [('ii', 1), ('i', 1, 2)]:
    try:
        struct.pack(*args)
    except struct.error as e:
        print(type(e).__name__, e)
for bad in ["struct.unpack('<i', b'abc')", "struct.unpack_from('<i', b'abc', 1)", "list(struct.iter_unpack('<i', b'abcde'))",
            "struct.pack_into('<i', bytearray(2), 0, 1)", "struct.calcsize(1)", "struct.unpack('<i', 'abcd')"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
s = struct.Struct('<hi')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'), s.unpack_from(b'xx\x01\x00\x02\x00\x00\x00', 2))
print(struct.Struct(b'>H').pack(258), list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')), list(s.iter_unpack(bytes(12))))
ba = bytearray(8)
struct.pack_into('<hh', ba, 2, 5, 6)
print(ba, struct.unpack_from('<h', ba, -2), struct.unpack_from('<4h', ba))
print(issubclass(struct.error, Exception))
