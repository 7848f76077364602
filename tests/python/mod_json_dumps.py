# json: dumps of basic types, indent, separators, sort_keys, ensure_ascii, key conversion
import json

data = {"b": [1, 2.5, None, True, False], "a": {"x": "y", "z": []}, "c": {}, "d": (1, "two")}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps(data, indent=0))
print(json.dumps(data, indent=-1))
print(json.dumps(data, separators=(',', ':')))
print(json.dumps(data, indent=2, separators=(', ', ': ')))
print(json.dumps(data, indent=4, separators=(',', '=')))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd', False: 'e', -7: 'f', 10**20: 'g'}))
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True))
print(json.dumps({3: 'x', 1: 'y', 2: 'z'}, sort_keys=True))
print(json.dumps([float('inf'), float('-inf'), float('nan'), 1e100, 0.1, -0.0, 1.0, 1e-7, 123456789.125]))
print(json.dumps([10**30, -10**20, 0, True, False, None]))
print(json.dumps("\U0001F600 é \x7f \x00 \u2028 \x1f \" \\ / \b\f\n\r\t"))
print(json.dumps("\U0001F600 é \x7f \x00", ensure_ascii=False))
print(json.dumps({'é': 'ü'}), json.dumps({'é': 'ü'}, ensure_ascii=False))
print(json.dumps(1), json.dumps('a'), json.dumps(None), json.dumps(3.0), json.dumps(True), json.dumps([]), json.dumps({}))
print(repr(json.dumps([[]], indent=2)), repr(json.dumps({'a': {}}, indent=2)), repr(json.dumps([], indent=2)))
print(json.dumps([[1, [2, [3]]], {'k': [{'j': None}]}], indent=1))
class L(list): pass
class D(dict): pass
class I(int): pass
class S(str): pass
print(json.dumps(L([1, D(a=I(5)), S('s')])), json.dumps((1, (2, 3))))
print(json.dumps({'a': 1, 'b': [1, 2]}, indent=2, sort_keys=True))
shared = [1, 2]
print(json.dumps([shared, shared, {'x': shared}]))
