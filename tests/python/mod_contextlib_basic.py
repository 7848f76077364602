# contextlib: contextmanager, suppress, redirect_stdout, nullcontext, closing, ExitStack
import sys
from contextlib import contextmanager, suppress, redirect_stdout, redirect_stderr, nullcontext, closing, ExitStack
@contextmanager
def tag(name):
    print('<%s>' % name)
    try:
        yield name.upper()
    finally:
        print('</%s>' % name)
with tag('b') as t:
    print('inside', t)
try:
    with tag('err'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', e)
with swallow():
    raise KeyError('k')
print('after swallow')
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print('RuntimeError', e)
@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        pass
except RuntimeError as e:
    print('RuntimeError', e)
@tag('deco')
def decorated():
    print('in function')
decorated()
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print('not suppressed', e)
class Buf:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
b = Buf()
with redirect_stdout(b) as target:
    print('captured', 1, 2)
    print('line two')
print('restored', target is b, b.parts)
eb = Buf()
with redirect_stderr(eb):
    sys.stderr.write('to err\n')
print(eb.parts)
with nullcontext(5) as v:
    print('null', v)
with nullcontext() as v:
    print('null', v)
class Res:
    def __init__(self, name):
        self.name = name
    def close(self):
        print('closed', self.name)
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, *a):
        print('exit', self.name, a[0].__name__ if a[0] else None)
        return False
with closing(Res('r1')) as r:
    print('using', r.name)
with ExitStack() as stack:
    rs = [stack.enter_context(Res('s%d' % i)) for i in range(3)]
    stack.callback(print, 'callback', 'run', sep='-')
    print('body', [x.name for x in rs])
try:
    with ExitStack() as stack:
        stack.enter_context(Res('e1'))
        stack.push(lambda *exc: print('push saw', exc[0].__name__))
        raise ValueError('x')
except ValueError:
    print('propagated')
with ExitStack() as stack:
    stack.push(lambda *exc: True)
    raise KeyError('suppressed by push')
print('after suppress push')
with ExitStack() as stack:
    stack.callback(print, 'kept')
    moved = stack.pop_all()
print('stack exited')
moved.close()
try:
    with ExitStack() as stack:
        stack.enter_context(5)
except TypeError as e:
    print('TypeError', e)
