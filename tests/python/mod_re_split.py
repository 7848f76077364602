# re: split with captured groups, maxsplit, empty matches
import re

print(re.split(r',', 'a,b,,c'))
print(re.split(r'\s*,\s*', 'a , b,c ,d'))
print(re.split(r'(,)', 'a,b,c'), re.split(r'(,)', 'a,b,c', maxsplit=1), re.split(',', 'a,b,c', 1))
print(re.split(r'(a)|b', 'xaybz'))
print(re.split(r'\b', 'a b'), re.split(r'\s*', 'a b  c'), re.split('x*', 'axbc'))
print(re.split('', 'abc'), re.split('(?=b)', 'abab'))
print(re.split(r'\d', 'a1b2c3'), re.split(r'\d', ''), re.split('x', 'x'), re.split('x', 'xx'))
print(re.split(r'(\d)(\d)?', 'a12b3c'))
print(re.split('é', 'aébéc'), re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'), re.split(r'\W+', 'Words, words, words.', 1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE), re.split(',', 'a,b', maxsplit=-1))
print(re.compile(r'\|').split('a|b|c', 1))
print(re.search('', ''), re.sub('', 'x', ''), re.split('', ''), re.findall(r'\b', 'ab'), re.split(r'\b', ''), re.subn('$', '!', 'a\n'))
print(re.sub('(?m)$', '!', 'a\nb\n'), re.findall('$', 'a\n'), re.sub(r'\s*$', '', 'abc  \n'), re.fullmatch('a$', 'a\n'))
print(re.match(r'(a)|(b)', 'b').span(1), re.match(r'(a)|(b)', 'b').group(1, 2), re.match('(?:(a)|b)+', 'ab').groups())
