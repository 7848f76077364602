# re: lookahead, lookbehind (positive and negative), conditionals
import re

print(re.findall(r'\w+(?=!)', 'hi! there yes!'), re.findall(r'\w+(?!\w|!)', 'hi! there yes!'))
print(re.findall(r'(?<=\$)\d+', 'cost $10 and $20, 30'), re.findall(r'(?<!\$)\b\d+', 'cost $10 and 30'))
print(re.search(r'(?<=a)b', 'ab'), re.search(r'(?<=a)b', 'cb'), re.search(r'(?<!a)b', 'ab'))
print(re.sub(r'(?<=\d)(?=(\d{3})+\b)', ',', '1234567 and 89012'))
print(re.match(r'(?=.*\d)(?=.*[a-z])\w{6,}', 'abc123'), re.match(r'(?=.*\d)(?=.*[a-z])\w{6,}', 'abcdef'))
print(re.findall(r'(?<=[aeiou])[a-z]', 'beautiful'), re.findall(r'q(?!u)', 'qatar quit iraq'))
print(re.compile(r'(?<=a)b').search('ab', 1), re.compile(r'(?<=a)b').match('ab', 1))
print(re.split(r'(?<=[.!?]) +', 'One. Two! Three? Four'))
print(re.match(r'(a)?(?(1)b|c)', 'ab'), re.match(r'(a)?(?(1)b|c)', 'c'), re.match(r'(?P<q>")?\w+(?(q)")', '"hi"'))
print(re.findall(r'(?<=@)\w+', 'a@b c@d'), re.search(r'(?<=é)x', 'éx').span())
print(re.findall(r'\b(?!un)\w+', 'undo redo unmake make'))
for p in [r'(?<=a+)b', r'(?<=a|bc)d', r'(?<=ab|cd)e', r'(?<=a{2})b', r'(?<=a{1,2})b', r'(?<=(a))b', r'(?<=\d\s)x',
          r'(?<![a-z]{3})x', r'(?<=(?:ab)+)c', r'(?<=a?)b', r'(?<=\b)x', r'(?<=^)x', r'(?<=(?=a)a)b', r'(a)(?<=\1)b',
          r'(?<=x(?:a|b))c', r'^*', r'$+', r'\b*', r'\A?', r'(?=a)*b', r'(?=a)+b', r'(?=(a))?b', r'x(?!a){2}',
          r'(?<=.)x', r'(?<=[^a]b)c', r'(?<=é)x', r'(?<=\x41)x', r'(?<=a*)b', r'x(?<=(?P<n>a))', r'(?P<n>ab)(?<=(?P=n))']:
    try:
        r = re.compile(p)
        print(repr(p), 'ok', r.search('aabbcde ab,xé'))
    except re.error as e:
        print(repr(p), 'error', e)
