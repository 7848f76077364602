# os / os.path: import forms, constants, path string functions (posixpath), environ and misc
import os, os.path
from os import path
import sys
print(os.name, os.sep, repr(os.linesep), os.pathsep, os.curdir, os.pardir, os.extsep, os.altsep, os.devnull)
print(path is os.path, 'os.path' in sys.modules, sys.modules['os.path'] is os.path)
print(os.path.join('a', 'b', 'c'), os.path.join('/a', '/b', 'c'), os.path.join('a/', 'b'), os.path.join('', 'x'), os.path.join('a', ''))
for p in ['a/b/c.txt', '/a/b/', 'c', '', '/', '//a//b', '///x', 'a/.hidden', 'a.b.c/d', '../x/./y/../z', '.tar.gz', 'x.tar.gz', 'a/b/..', './a', 'x.', '..', 'a//b/./c/']:
    print(repr(p), os.path.split(p), os.path.splitext(p), repr(os.path.basename(p)), repr(os.path.dirname(p)), os.path.normpath(p), os.path.isabs(p))
print(os.path.abspath('x') == os.path.join(os.getcwd(), 'x'), os.path.abspath('/a/../b/./c'), os.path.isabs(os.path.abspath('.')))
print(os.path.relpath('/a/b/c', '/a/d'), os.path.relpath('/a/b', '/a/b'), os.path.commonprefix(['/abc', '/abd']), os.path.commonprefix([]), os.path.commonpath(['/a/b/c', '/a/b/d']))
print(os.path.splitdrive('/a/b'), os.path.expanduser('x/~'))
print(os.getenv('WEFT_SURELY_UNSET_VAR'), os.getenv('WEFT_SURELY_UNSET_VAR', 'dflt'), 'PATH' in os.environ, isinstance(os.environ.get('PATH'), str))
print(type(os.getpid()).__name__, os.getpid() > 0, os.cpu_count() >= 1, len(os.urandom(8)), type(os.urandom(0)).__name__)
print(os.fspath('x'), os.fspath(b'y'))
class P:
    def __fspath__(self):
        return 'from/fspath.txt'
print(os.fspath(P()), os.path.basename(P()), os.path.join(P(), 'z'))
try:
    os.fspath(3)
except TypeError as e:
    print(e)
print(os.path.exists(__file__), os.path.isfile(__file__), os.path.isdir(__file__), os.path.isdir('.'), os.path.exists('no/such/file'))
print(os.path.getsize(__file__) > 100, os.stat(__file__).st_size == os.path.getsize(__file__), os.path.islink(__file__))
os.environ['WEFT_T1'] = 'abc'
print(os.getenv('WEFT_T1'), os.environ['WEFT_T1'], 'WEFT_T1' in os.environ)
print(os.environ.pop('WEFT_T1'), os.getenv('WEFT_T1'))
os.environ.setdefault('WEFT_T2', 'z'); print(os.environ.get('WEFT_T2'))
del os.environ['WEFT_T2']; print('WEFT_T2' in os.environ)
try: os.environ['X'] = 1
except TypeError as e: print(e)
try: del os.environ['NOPE_NOPE']
except KeyError as e: print('KeyError', e)
