# json: default=, cls= encoders/decoders, skipkeys, dump/load on file-like objects
import json

class Obj:
    def __init__(self, v):
        self.v = v
print(json.dumps([Obj(1), Obj(2)], default=lambda o: {'v': o.v}))
print(json.dumps({'o': Obj([Obj(3)])}, default=lambda o: o.v, indent=1))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({'s': {3, 1, 2}}, cls=Enc), Enc(indent=2).encode([{1}]), Enc().encode('x'))
print(''.join(Enc(sort_keys=True).iterencode({'b': 1, 'a': {2}})))
e = json.JSONEncoder(separators=(',', ':'), sort_keys=True)
print(e.encode({'z': 1, 'a': [1, 2]}), e.item_separator, e.key_separator)
print(json.JSONEncoder().item_separator, json.JSONEncoder(indent=2).item_separator)
print(json.dumps({(1,): 2, 'a': 1, 3: (4,)}, skipkeys=True))
try:
    Enc().encode(Obj(1))
except TypeError as e:
    print('TypeError', e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
json.dump({'a': [1, 2]}, w, indent=1)
print(''.join(w.parts))
w = W()
json.dump([1, 'é'], w, ensure_ascii=False)
print(''.join(w.parts))
class R:
    def __init__(self, s):
        self.s = s
    def read(self):
        return self.s
print(json.load(R('{"r": [1, 2]}')), json.load(R('[1.5]'), parse_float=lambda s: 'F' + s))
class Dec(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)
    def hook(self, d):
        return {k.upper(): v for k, v in d.items()}
print(json.loads('{"a": {"b": 1}}', cls=Dec))
print(json.loads('[1, 2]', cls=json.JSONDecoder, parse_int=lambda s: int(s) * 10))
import json.decoder
from json.decoder import JSONDecodeError
from json import encoder
print(json.decoder.JSONDecodeError is json.JSONDecodeError, JSONDecodeError, encoder.JSONEncoder, json.JSONDecoder)
try:
    json.loads('x')
except json.decoder.JSONDecodeError as e:
    print('caught', e)
