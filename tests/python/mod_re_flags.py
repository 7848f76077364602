# re: flags constants, inline flags, IGNORECASE/MULTILINE/DOTALL/VERBOSE/ASCII
import re

print(re.I, re.IGNORECASE, re.M, re.S, re.X, re.A, re.U, re.L)
print(int(re.I), int(re.M), int(re.S), int(re.X), int(re.A), int(re.U))
print(re.I | re.M, re.S | re.I, re.I | 0, repr(re.X | re.A))
print(re.compile('a').flags, re.compile('a', re.I).flags, re.compile(b'a').flags, re.compile('a', re.A).flags)
print(re.compile('(?i)a').flags, re.compile('(?s)(?m)a').flags, re.compile('(?x)a').flags)
print(re.compile('a+', re.I | re.M), re.compile('a'), re.compile(b'a', re.I), re.compile('x', re.A))
print(re.match('abc', 'ABC', re.I), re.match('(?i)abc', 'AbC'), re.match('a(?i:b)c', 'aBc'), re.match('a(?i:b)c', 'aBC'))
print(re.match('ÉCOLE', 'école', re.I), re.match('[a-z]+', 'ABC', re.I))
print(re.findall('^x', 'x\nx\nx'), re.findall('^x', 'x\nx\nx', re.M), re.findall('(?m)x$', 'x\nx\nx'))
print(re.match('a.b', 'a\nb'), re.match('a.b', 'a\nb', re.S), re.match('(?s)a.b', 'a\nb'), re.match('a(?s:.)b', 'a\nb'))
pat = re.compile(r'''
    (\d+)   # number
    \s*     # spaces
    ([a-z]+)  # unit
    [ ]x    # a literal space in a class
''', re.X)
print(pat.match('12  kg x').groups())
print(re.match(r'(?x) a b c  # comment', 'abc'), re.match(r'a\ b', 'a b', re.X), re.match(r'a\#b', 'a#b', re.X))
print(re.match(r'\w+', 'héllo', re.A), re.match(r'\w+', 'héllo'), re.match(r'(?a)\d+', '12٣'), re.match(r'\d+', '12٣'))
print(re.findall(r'\s', 'a\u00a0b c', re.A), re.findall(r'\s', 'a\u00a0b c'), re.findall(r'\b\w+\b', 'é a', re.A))
print(re.search(r'\bb', 'éb'), re.search(r'\bb', 'éb', re.A))
print(re.match('a', 'A', flags=re.IGNORECASE), re.search('B', 'abc', re.I).span())
print(re.compile('x', re.I | re.M | re.S | re.X).flags, re.compile('x', re.T).flags)
print(re.RegexFlag.__name__, re.I.value, re.NOFLAG)
print(re.findall(r'(?m:^x)', 'x\nx'), re.findall(r'(?m:^x)|^y', 'y\ny\nx'), re.findall(r'(?x: a b )c', 'abc ab c'))
print(re.findall(r'(?a:\w+)', 'héllo wörld'), re.findall(r'(?-i:a)b', 'aB Ab ab', re.I), re.findall(r'(?i:A)b', 'ab AB aB'))
print(re.findall(r'(?s:.)+?', 'a\nb')[:3], re.match(r'(?i)(?-i:A)', 'a'))
print(re.match(r'(?i)straße', 'STRASSE'), re.match(r'(?i)ǅ', 'ǆ'), re.match(r'(?i)σ', 'Σ'), re.match(r'(?i)k', '\u212a'))
print(re.findall(r'[\s]', '\x1c\x1d\x1e\x1f \x85\xa0'), re.findall(r'\s', '\x1c\x1f\u2028'))
print(re.findall(r'\w', 'a_1²½٣ⅷ'), re.findall(r'\d', '1²½٣ⅷ'), re.findall(r'[\w-]+', 'x-y²_z'))
print(re.compile(r'(?i)x').pattern, re.compile('(?i)x'), re.compile('(?s)x', re.M))
