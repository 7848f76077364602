# re: re.error messages and attributes for bad patterns, type errors
import re

bad = ['(a', 'a)', '*a', 'a**', '[a', r'\q', r'(a)\2', '(?P<1>a)', '(?P<a>x)(?P<a>y)', '(?P=z)',
       'a{3,1}', '[z-a]', r'\x4', r'\u12', '(?<x>a)', '(?z)', 'a|*', '(*)', r'abc\\', 'x(?i)y',
       '+', '?', '(?P<a', r'[\q]', '(?', 'a\n(b', r'\777']
for p in bad:
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except re.error as e:
        print(repr(p), '|', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == p)
print(issubclass(re.error, Exception), re.error.__name__)
for args in [(1, 'a'), ('a', 1), ('a', b'a'), (b'a', 'a')]:
    try:
        re.match(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError', e)
try:
    re.error('boom')
    raise re.error('boom', 'pat', 1)
except re.error as e:
    print(e, e.msg, e.pos)
try:
    re.Pattern()
except TypeError as e:
    print('TypeError', e)
