# io.StringIO / io.BytesIO: write/read/readline/readlines/getvalue/seek/tell/truncate, iteration, with, errors
import io
s = io.StringIO()
print(s.write('abc\ndef\n'), s.tell(), repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(2)), s.tell(), repr(s.read()), repr(s.read()))
s.seek(1)
s.write('XY')
print(repr(s.getvalue()), s.tell())
print(s.truncate(3), repr(s.getvalue()), s.tell())
s.seek(0, 2)
s.write('!')
print(repr(s.getvalue()))
s.seek(10)
s.write('end')
print(repr(s.getvalue()))
s = io.StringIO('l1\nl2\nl3')
print(list(s), repr(s.read()))
s.seek(0)
print(s.readlines(), s.seek(0), s.readlines(4), s.readline(1))
with io.StringIO('x') as s2:
    print(s2.read(), s2.closed, s2.readable(), s2.writable(), s2.seekable())
print(s2.closed)
for bad in [lambda: s2.getvalue(), lambda: s2.read(), lambda: io.StringIO().write(b'x'), lambda: io.StringIO(5),
            lambda: io.StringIO().seek(-1), lambda: io.StringIO().seek(1, 1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
s = io.StringIO()
print(s.write(''), s.write('é∞'), s.tell(), s.getvalue())
s.writelines(['a', 'b\n'])
print(repr(s.getvalue()))
s = io.StringIO(newline=None)
s.write('a\r\nb\rc\n')
print(repr(s.getvalue()))
print('to stringio', file=(buf := io.StringIO()), end='!')
print(repr(buf.getvalue()))
b = io.BytesIO(b'abc\ndef')
print(b.read(2), b.readline(), b.tell(), b.read(), b.getvalue(), b.read())
b.seek(10)
b.write(b'!')
print(b.getvalue())
b.seek(-2, 2)
print(b.read(), b.seek(2), b.seek(3, 1), b.tell())
b.truncate(3)
print(b.getvalue(), b.tell())
print(list(io.BytesIO(b'1\n2\n3')), io.BytesIO(b'x\ny').readlines())
b = io.BytesIO()
print(b.write(b'ab'), b.write(bytearray(b'cd')), b.getvalue())
for bad in [lambda: b.write('s'), lambda: b.seek(-1), lambda: io.BytesIO(b'').close() or 1]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
b.close()
try:
    b.getvalue()
except ValueError as e:
    print(e)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError), io.SEEK_END)
