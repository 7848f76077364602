# keyword and types: keyword lists, type aliases, SimpleNamespace, MappingProxyType
import keyword, types
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
print(keyword.iskeyword('for'), keyword.iskeyword('print'), keyword.iskeyword('match'), keyword.issoftkeyword('match'))
def f():
    pass
def g():
    yield 1
class C:
    def m(self):
        pass
print(types.FunctionType is type(f), types.LambdaType is type(lambda: 0), types.GeneratorType is type(g()))
print(types.MethodType is type(C().m), types.BuiltinFunctionType is type(len), types.ModuleType is type(types))
print(isinstance(f, types.FunctionType), isinstance(len, types.FunctionType), types.NoneType, types.EllipsisType)
ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, ns.a, ns.c)
print(ns == types.SimpleNamespace(a=1, b='two', c=[3]), ns == types.SimpleNamespace(a=1))
del ns.a; print(ns, types.SimpleNamespace(), types.SimpleNamespace(y=1))
try:
    types.SimpleNamespace({'z': 0})
except TypeError as e:
    print('TypeError', e)
mp = types.MappingProxyType({'k': 1, 'j': 2})
print(mp['k'], len(mp), 'j' in mp, list(mp), mp.get('x', 0), dict(mp.items()))
try:
    mp['k'] = 5
except TypeError as e:
    print('TypeError', e)
Dyn = types.new_class('Dyn', (C,), {}, lambda ns: ns.update(x=5))
print(Dyn.__name__, Dyn.x, issubclass(Dyn, C))
