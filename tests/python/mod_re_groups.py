# re: groups, named groups, group()/groups()/groupdict()/span(), lastindex, lastgroup, expand
import re

m = re.match(r'(\w+) (\w+)(?: (\w+))?', 'hello world')
print(m.group(0), m.group(1), m.group(2), m.group(3), m.group(1, 2), m.group(0, 3))
print(m.groups(), m.groups('-'), m.groups(default=0))
print(m.span(1), m.span(3), m.start(3), m.end(2), m.regs)
print(m.lastindex, m.lastgroup)
m = re.match(r'(?P<year>\d{4})-(?P<month>\d\d)(-(?P<day>\d\d))?', '2024-05 rest')
print(m.groupdict(), m.groupdict('??'), m.group('year'), m['month'], m.span('month'))
print(m.lastindex, m.lastgroup, m.re.groupindex, m.re.groups)
print(re.compile(r'(a)(?P<x>b)(c)').groupindex)
for pat, s in [('(a)(b)?', 'a'), ('((a)b)', 'ab'), ('(a)()', 'a'), ('((a))', 'a'), ('(?P<o>(?P<i>a))', 'a'),
               ('(a)|(b)', 'b'), ('x', 'x'), ('(a)(b)(c)', 'abc'), ('(a(b)c)d', 'abcd')]:
    m = re.match(pat, s)
    print(pat, m.lastindex, m.lastgroup, m.groups())
m = re.search(r'(?P<w>\w)(\d)', '--x5--')
for g in [0, 1, 2, 'w']:
    print(g, m.group(g), m.start(g), m.end(g), m.span(g))
for bad in [3, 'nope', -1, 1.0]:
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
try:
    m.start(5)
except IndexError as e:
    print('IndexError', e)
m = re.search(r'(\w+)@(\w+)\.com', 'mail: joe@site.com!')
print(m.expand(r'\2 owns \1'), m.expand(r'<\g<1>> <\g<0>>'), m.expand('\\n'))
m = re.match(r'(?P<a>x)(?P<b>y)?', 'x')
print(m.expand(r'[\g<a>][\g<b>]'))
m = re.match('(a*)*', 'b')
print(m.groups(), m.span(1))
m = re.match(r'(a|b)*', 'abab')
print(m.group(1), m.span(1))
m = re.search('(é+)(x)', 'caféééx')
print(m.span(1), m.span(2), m.group(1), m.regs)
print(re.match(r'(?P<first>a)(?P<second>b)', 'ab').groupdict())
