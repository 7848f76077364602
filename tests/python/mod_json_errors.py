# json: JSONDecodeError messages/attributes and encoder errors
import json

docs = ['', '[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '"abc', '"a\\qb"', '"\\u12"', '"a\x01"', '{1:2}',
        '[1] x', 'nul', '-', '01', '1.', '1e', '\ufeff[]', '{"a":', '[', ' \n [1,\n 2,,]', 'tru',
        '[1,2', '{"a":1', '"\\', '{"a"', '{', '[-]', '"\\ud800\\u12"', '\n\n  x']
for s in docs:
    try:
        print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), '|', e, '|', repr(e.msg), e.pos, e.lineno, e.colno, e.doc == s)
print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__name__)
for bad in [5, None, [1]]:
    try:
        json.loads(bad)
    except TypeError as e:
        print('TypeError', e)
tests = [({(1, 2): 3}, {}), (float('nan'), {'allow_nan': False}), (object(), {}), ({1, 2}, {}),
         ({'a': 1, 1: 2}, {'sort_keys': True}), ([b'x'], {})]
for obj, kw in tests:
    try:
        json.dumps(obj, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
a = []
a.append(a)
d = {}
d['x'] = d
for obj in [a, d, [d]]:
    try:
        json.dumps(obj)
    except ValueError as e:
        print('ValueError', e)
try:
    json.dumps([1], default=lambda o: o)
    print(json.dumps([object()], default=lambda o: [o]))
except (ValueError, RecursionError) as e:
    print(type(e).__name__, e)
e = json.JSONDecodeError('Custom', 'ab\ncd', 4)
print(e, e.lineno, e.colno)
