# re: sub/subn with templates, callables, count, empty matches
import re

print(re.sub(r'\d+', 'N', 'a1b22c333'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@example bob@site'))
print(re.sub(r'(?P<k>\w+)=(?P<v>\w+)', r'\g<v>=\g<k>', 'a=1 b=2'))
print(re.sub(r'(a)', r'\g<1>0', 'aa'), re.sub('(a)', r'[\g<0>]', 'bab'))
print(re.sub('a', r'\n\t\\', 'bab') == 'b\n\t\\b', re.sub('a', r'\.', 'a'))
print(re.sub(r'x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub(r'\b', '|', 'hi there'))
print(re.sub('a', 'b', 'aaaa', count=2), re.sub('a', 'b', 'aaaa', 0), re.sub('a', 'b', 'aaa', 1))
print(re.subn('a', 'b', 'aaaa'), re.subn('x', 'y', 'abc'), re.subn(r'\s+', ' ', 'a   b \t c'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c9'))
print(re.sub(r'(?P<w>\w+)', lambda m: m.group('w').upper() + str(m.start()), 'ab cd'))
print(re.sub('(a)|b', r'[\1]', 'ab'))
print(re.sub('é', 'e', 'café crème'), re.sub('(.)', r'\1\1', 'éa'))
p = re.compile(r'\s+')
print(p.sub(' ', '  lots   of   space  '), p.subn('', ' a b '))
print(re.sub('a', lambda m: '', 'banana'), re.sub('^', '> ', 'l1\nl2', flags=re.M))
print(re.sub('(?i)HELLO', 'bye', 'Hello hello'))
print(re.sub('a|', '-', 'bab'))
print(re.sub(r'(\d)(?=(\d{3})+$)', r'\1,', '1234567'))
calls = []
def rep(m):
    calls.append(m.span())
    return '<%s>' % m.group()
print(re.sub(r'\w+', rep, 'one two three', count=2), calls)
try:
    re.sub('a', r'\2', 'a')
except re.error as e:
    print('error', e)
try:
    re.sub('(a)', r'\g<x>', 'a')
except IndexError as e:
    print('IndexError', e)
try:
    re.sub('a', r'\q', 'a')
except re.error as e:
    print('error', e)
try:
    re.sub('a', lambda m: 1, 'a')
except TypeError as e:
    print('TypeError', e)
for t in [r'\x41', r'ab\q', r'\g<-1>', r'\g<1a>', r'\g<>', r'\g<2>', r'\g', r'\g<a', 'x\\', r'\8', r'\01x', r'\1234', r'\400']:
    try:
        print(repr(t), repr(re.sub('(a)', t, 'xa')))
    except (re.error, IndexError) as e:
        print(repr(t), type(e).__name__, e)
