# json: loads of the full grammar, hooks, parse_* callbacks, raw_decode, bytes input
import json

print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "x\\ny\\u00e9\\ud83d\\ude00"], "b": {}}'))
print(json.loads('  [ 1 , 2 , [ ] , { } , "" ]  '), json.loads('\t\n\r 7 \n'))
print(json.loads('123456789012345678901234567890'), json.loads('-0'), json.loads('-0.0'), json.loads('1E3'), json.loads('1e-2'), json.loads('2.5E+3'))
print(json.loads('"\\"\\\\\\/\\b\\f\\n\\r\\t"') == '"\\/\b\f\n\r\t', json.loads('"\\u0041\\u00DF"'))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"": 0}'), json.loads('[[[[1]]]]'))
print(json.loads('[1, 2]', parse_int=float), json.loads('[1.5, 2]', parse_float=str))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda p: p))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1}', object_hook=lambda d: 'hook', object_pairs_hook=lambda p: 'pairs'))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: s))
print(json.JSONDecoder().raw_decode('[1] rest'), json.JSONDecoder().raw_decode('xx{"a": 2}', 2))
print(json.JSONDecoder(object_hook=lambda d: len(d)).decode('{"a": 1, "b": 2}'))
print(json.loads(b'{"k": "\xc3\xa9"}'), json.loads(bytearray(b'[1]')), json.loads(b'\xef\xbb\xbf[2]'))
print(json.loads('"caf\u00e9 \u2603"'), json.loads('{"\\u00e9": "x"}'))
print(json.loads(json.dumps({'round': [1, 2.25, 'trip', None, {'n': True}]})))
print(type(json.loads('1')).__name__, type(json.loads('1.0')).__name__, type(json.loads('1e0')).__name__)
