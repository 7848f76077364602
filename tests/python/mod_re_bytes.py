# re: bytes patterns on bytes subjects, escape, purge
import re

print(re.findall(rb'\d+', b'a12b3'), re.match(rb'(\w+) (\w+)', b'hi there').groups())
print(re.sub(rb'a', b'b', b'banana'), re.split(rb',', b'a,b'), re.search(rb'\xff+', b'a\xff\xffb'))
print(re.sub(rb'(\w)', rb'\1\1', b'ab'), re.compile(rb'x', re.I).match(b'X'))
print(re.match(rb'\w+', b'caf\xc3\xa9'), re.fullmatch(rb'[\x80-\xff]+', b'\x80\xfe'))
m = re.search(rb'(?P<n>\d)', b'ab5')
print(m, m.group('n'), m.span(), m.groupdict(), m.string)
print(re.escape('a.b*c+d?e[f]g(h)i{j}k|l^m$n\\o p\tq-r#s&t~u'), re.escape('é_1'), re.escape(b'a.b'))
re.purge()
print(re.match('a', 'a') is not None)
print(re.compile(rb'a'), re.compile(rb'a', re.I))
m = re.match(b'(a)', bytearray(b'abc')); print(repr(m.group()), m, m.string, re.findall(b'.', bytearray(b'ab')), re.sub(b'a', b'x', bytearray(b'ab')), re.split(b'a', bytearray(b'bab')))
print(m.expand(rb'\1\1'), m.groups(), re.search(b'b', bytearray(b'abc')).span())
