# open(): text/binary modes, read/readline/iteration/seek/tell/append/r+/x, newline handling, errors
import io, os
# A fresh directory even if an interrupted earlier run with the same pid left one behind.
d = '/tmp/weft_mod_io_files_%d' % os.getpid()
n = 0
while os.path.exists(d + '_%d' % n):
    n += 1
d = d + '_%d' % n
os.mkdir(d)
p = d + '/f.txt'
with open(p, 'w') as f:
    print(f.write('hello\nworld\r\nthird\rfourth\n'), f.tell())
    f.writelines(['a\n', 'b\n'])
    print(f.closed, f.mode, f.name == p, f.encoding, f.writable(), f.readable(), f.seekable())
print(f.closed)
with open(p) as f:
    print(repr(f.read()))
with open(p) as f:
    print([l for l in f])
with open(p, newline='') as f:
    print(f.readlines())
with open(p, newline='\n') as f:
    print(f.readlines())
with open(p) as f:
    print(repr(f.readline()), f.tell(), repr(f.read(3)), repr(f.readline(2)), repr(f.readline()), repr(f.read(4)), repr(f.read()))
with open(p, 'rb') as f:
    print(f.read(5), f.readline(), f.tell(), f.seek(0), f.read(), f.seek(-3, 2), f.read(), f.seek(2), f.seek(2, 1), f.read(3))
with open(p, 'rb') as f:
    print(list(f))
with open(p, 'a') as f:
    f.write('appended é\n')
with open(p, encoding='utf-8') as f:
    print(f.readlines()[-1], end='')
with open(p, 'r+') as f:
    f.seek(0, 2)
    f.write('END')
    f.seek(0)
    print(repr(f.read()[-20:]))
with open(p, 'w', newline='\r\n') as f:
    f.write('x\ny\n')
with open(p, 'rb') as f:
    print(f.read())
with open(p, 'wb') as f:
    print(f.write(b'\x00\x01abc'), f.write(bytearray(b'zz')))
with open(p, 'rb') as f:
    print(f.read())
with open(p, 'ab') as f:
    f.write(b'++')
with open(p, 'r+b') as f:
    f.seek(1)
    f.write(b'Q')
    f.seek(0)
    print(f.read(), f.tell())
    f.truncate(3)
    f.seek(0)
    print(f.read())
big = ''.join('line %d %s\n' % (i, 'é' * (i % 7)) for i in range(3000))
with open(p, 'w', encoding='utf-8') as f:
    f.write(big)
with open(p, encoding='utf-8') as f:
    lines = f.readlines()
print(len(lines), lines[2999], ''.join(lines) == big)
with open(p, encoding='utf-8') as f:
    parts = []
    while True:
        c = f.read(1000)
        if not c:
            break
        parts.append(c)
print(len(parts), ''.join(parts) == big)
with open(p, 'rb') as f:
    print(sum(1 for _ in f), os.path.getsize(p))
try:
    open(d + '/nope')
except FileNotFoundError as e:
    print(str(e).replace(d, 'D'), e.errno)
try:
    open(p, 'x')
except FileExistsError as e:
    print(str(e).replace(d, 'D'))
try:
    open(d)
except IsADirectoryError as e:
    print(str(e).replace(d, 'D'))
for m in ['rw', 'rr', 'q', 'rbt', 'b', '+']:
    try:
        open(p, m)
    except ValueError as e:
        print(repr(m), e)
try:
    open(p, 'rb', encoding='utf-8')
except ValueError as e:
    print(e)
f = open(p, 'rb')
f.close()
f.close()
for bad in [lambda: f.read(), lambda: f.readline(), lambda: f.seek(0), lambda: f.tell(), lambda: iter(f)]:
    try:
        bad()
    except ValueError as e:
        print(e)
with open(p, 'r') as f:
    try:
        f.write('x')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
with open(p, 'w') as f:
    try:
        f.write(b'x')
    except TypeError as e:
        print(e)
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
with open(p, 'x' if False else 'w') as f:
    print(f.write('via io.open'))
with io.open(p) as f:
    print(f.read())
os.remove(p)
p2 = d + '/new.txt'
with open(p2, 'x') as f:
    f.write('created')
print(open(p2).read())
os.remove(p2)
os.rmdir(d)
print(os.path.exists(d))
