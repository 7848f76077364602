# string: constants, capwords, Template substitution and Formatter
import string
from string import Template, Formatter
print(string.ascii_letters, string.digits, string.hexdigits, string.punctuation)
print(string.capwords('hello   wide world'), string.capwords('a-b-c', '-'))
t = Template('$who likes $what; ${who}s cost $$10')
print(t.substitute(who='tim', what='kung pao'))
print(t.substitute({'who': 'ann', 'what': 'tea'}, what='coffee'))
print(t.safe_substitute(who='bob'))
print(Template('$a $b ${c} $').safe_substitute(a=1))
print(Template('x$1y').safe_substitute(), Template('${bad').safe_substitute())
for tpl, kw in [('$missing', {}), ('cost: $', {}), ('line1\n  $ x', {}), ('${1}', {})]:
    try:
        print(Template(tpl).substitute(**kw))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(Template('$a ${b} $a $$c').get_identifiers(), Template('$a $').is_valid(), Template('$a').is_valid())
print(Template('$x_1 and $_y').substitute(x_1='p', _y='q'), Template('$xé').substitute(x='X'))
class Pct(Template):
    delimiter = '%'
print(Pct('%name is %{age}%%').substitute(name='Al', age=3))
print(Template('$n').substitute(n=[1, 2]), Template('no placeholders').substitute())
f = Formatter()
print(f.format('{} + {} = {}', 1, 2, 3), f.format('{0}{1}{0}', 'a', 'b'), f.format('{x:>5}|{y!r}', x='r', y='s'))
print(f.format('{0[1]} {p.real} {d[k]}', [7, 8], p=3 + 4j, d={'k': 'v'}), f.format('{:{w}.{p}f}', 3.14159, w=8, p=2))
print(f.format('{{literal}} {0!s:^7}', 'mid'), list(f.parse('a{0!r:>3}b{}c')))
class Upper(Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()
print(Upper().format('{} and {:x}', 'abc', 255))
for bad in ['{', '}', '{0!x}']:
    try:
        f.format(bad, 1)
    except ValueError as e:
        print('ValueError', e)
