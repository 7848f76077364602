# os: mkdir/makedirs/listdir/remove/rmdir/rename/walk/stat with CPython's OSError subclasses and messages
import os
# A fresh directory even if an interrupted earlier run with the same pid left one behind.
d = '/tmp/weft_mod_os_fs_%d' % os.getpid()
n = 0
while os.path.exists(d + '_%d' % n):
    n += 1
d = d + '_%d' % n
def show(e):
    print(type(e).__name__, e.errno, str(e).replace(d, 'D'), e.strerror)
os.mkdir(d)
os.makedirs(d + '/a/b/c')
os.makedirs(d + '/a/b/c', exist_ok=True)
try:
    os.makedirs(d + '/a/b/c')
except FileExistsError as e:
    show(e)
try:
    os.mkdir(d)
except OSError as e:
    show(e)
with open(d + '/a/f.txt', 'w') as f:
    f.write('12345')
print(sorted(os.listdir(d + '/a')), os.path.isdir(d + '/a'), os.path.isfile(d + '/a/f.txt'), os.path.getsize(d + '/a/f.txt'))
for bad in [lambda: os.listdir(d + '/zz'), lambda: os.remove(d + '/zz'), lambda: os.rmdir(d + '/a'), lambda: os.rmdir(d + '/zz'),
            lambda: os.remove(d + '/a'), lambda: os.listdir(d + '/a/f.txt'), lambda: os.stat(d + '/zz'), lambda: open(d + '/a')]:
    try:
        bad()
    except OSError as e:
        show(e)
os.rename(d + '/a/f.txt', d + '/a/g.txt')
print(sorted(os.listdir(d + '/a')), os.path.exists(d + '/a/f.txt'))
try:
    os.rename(d + '/zz', d + '/yy')
except FileNotFoundError as e:
    print(str(e).replace(d, 'D'))
for top, dirs, files in os.walk(d):
    print(top.replace(d, 'D'), sorted(dirs), sorted(files))
for top, dirs, files in os.walk(d, topdown=False):
    print(top.replace(d, 'D'), sorted(dirs), sorted(files))
os.remove(d + '/a/g.txt')
os.removedirs(d + '/a/b/c')
print(os.path.exists(d))
cwd = os.getcwd()
os.mkdir(d)
os.chdir(d)
print(os.getcwd() == d, os.listdir('.'), os.listdir())
os.chdir(cwd)
os.rmdir(d)
print(os.path.exists(d), os.getcwd() == cwd)
