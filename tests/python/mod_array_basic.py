# array: typecodes, item conversion and range errors, list-like methods, bytes conversion, repr
from array import array
import array as array_mod
for tc in 'bBhHiIlLqQ':
    for v in [2**70, -2**70, 2**31 * 4, -1, 300, 70000, 2**40]:
        try:
            array(tc, [v])
        except OverflowError as e:
            print(tc, v, type(e).__name__, e)
for tc, v in [('i', 1.5), ('d', 'x'), ('u', 'ab'), ('u', 1), ('f', 1), ('b', '1')]:
    try:
        print(array(tc, [v]))
    except Exception as e:
        print(tc, v, type(e).__name__, e)
try:
    array('z')
except ValueError as e:
    print(e)
a = array('i', [1, 2, 3])
for op in ['a[5]', 'a.pop(7)', 'array("i").pop()', 'a.remove(9)', 'a.index(9)', 'a.extend(array("d"))', 'a.frombytes(b"abc")', 'a + [1]', 'a.fromlist(5)', 'array("i", "ab")']:
    try:
        print(eval(op))
    except Exception as e:
        print(op, type(e).__name__, e)
print(array('u', 'abc'), array('d'), array('f', [0.1]), array('b', b'\x01\xff'), array('B', bytearray(b'ab')))
a = array('h', range(5))
a.append(7); a.extend([8, 9]); a.insert(0, -1)
print(a, len(a), a[1], a[-1], a[2:5], a[::-1], a.tolist(), 3 in a, a.count(3), a.index(3))
a[0] = 100
del a[1]
print(a, a.pop(), a.pop(0), a)
b = a.tobytes()
print(b, array('h', b) == a, a.itemsize, a.typecode)
c = array('h')
c.frombytes(b)
print(c, a + c, a * 2, list(a), sum(a))
a += c
print(a)
a *= 2
print(len(a))
d = array('d', [1.5, 2.5])
d.byteswap()
print(d.tobytes())
d.byteswap()
print(d)
u = array('u', 'hi')
u.fromunicode('!')
print(u, u.tounicode())
q = array('Q', [2**64 - 1])
print(q, q.tobytes())
print(array_mod.typecodes, array_mod.ArrayType is array, array('i', [1, 2]) == array('i', [1, 2]), array('i', [1]) < array('i', [2]))
a[1:3] = array('h', [5, 5, 5])
print(a[:6])
print(array('l', array('l', [1, 2])), array('f', [1, 2.5]), [x * 2 for x in array('b', [1, 2])])
for tc in 'bBhHiIlLqQfd':
    print(tc, array(tc, [1, 2]).itemsize, array(tc, [1, 2]).tobytes())
