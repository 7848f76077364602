# re: numbered and named backreferences, octal vs backref escapes
import re

print(re.search(r'(\w)\1', 'abccd'), re.findall(r'(\w)\1', 'aabbcd'))
print(re.search(r'(?P<c>\w)(?P=c)', 'xyzzy'), re.sub(r'(\w)\1', r'<\1\1>', 'aabbc'))
print(re.match(r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10', 'abcdefghijj'))
print(re.match(r'(["\']).*?\1', '"say \'hi\'" rest'), re.match(r'<(\w+)>.*</\1>', '<b>bold</b>'))
print(re.findall(r'\b(\w+) \1\b', 'the the cat sat sat down'))
print(re.match(r'(a)\101', 'aA'), re.match(r'\0', '\x00'), re.match(r'[\1]', '\x01'))
print(re.match(r'(?i)(a)\1', 'aA'), re.search(r'(é)\1', 'xééy'))
print(re.sub(r'(?P<w>\w+) (?P=w)', r'\g<w>', 'hello hello world world'))
