"""Shallow and deep copy operations (Weft's own implementation of CPython's copy module).

Atomic values are returned as-is; lists, dicts, sets, tuples, bytearrays and plain instances
(their __dict__ and __slots__) are copied structurally; classes may customise with __copy__ /
__deepcopy__, or __reduce_ex__/__reduce__ when they define one themselves."""

import types as _types

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_atomic = {type(None), type(Ellipsis), type(NotImplemented), int, float, bool, complex,
           bytes, str, type, range, _types.BuiltinFunctionType, _types.FunctionType,
           property}


def _object_reduce(x):
    """Find a user-defined __reduce_ex__/__reduce__ (not object's own), or None."""
    cls = type(x)
    for name in ('__reduce_ex__', '__reduce__'):
        for klass in cls.__mro__:
            if klass is object:
                break
            if name in klass.__dict__:
                meth = getattr(x, name)
                return meth(4) if name == '__reduce_ex__' else meth()
    return None


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (klass.__name__.lstrip('_'), name)
            names.append(name)
    return names


def _get_state(x):
    state = getattr(x, '__dict__', None)
    slots = {}
    for name in _slot_names(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    return state, slots


def _set_state(y, state, slots):
    if state:
        y.__dict__.update(state)
    for name, value in slots.items():
        setattr(y, name, value)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set or cls is bytearray:
        return x.copy()
    if cls is tuple or cls is frozenset:
        return x
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    rv = _object_reduce(x)
    if rv is not None:
        if isinstance(rv, str):
            return x
        return _reconstruct(x, None, *rv)
    return _copy_instance(x, cls, None)


def _copy_instance(x, cls, memo):
    if isinstance(x, tuple):
        args = x.__getnewargs__() if hasattr(x, '__getnewargs__') else (tuple(x),)
        if memo is not None:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    elif isinstance(x, (list, dict, set, frozenset, int, float, str, bytes)):
        base = next(b for b in cls.__mro__ if b in (list, dict, set, frozenset, int, float,
                                                    str, bytes))
        if base in (list, dict, set):
            y = cls.__new__(cls)
            if memo is not None:
                memo[id(x)] = y
            if base is list:
                y.extend(x if memo is None else [deepcopy(v, memo) for v in x])
            elif base is dict:
                for k, v in x.items():
                    if memo is not None:
                        k, v = deepcopy(k, memo), deepcopy(v, memo)
                    dict.__setitem__(y, k, v)
            else:
                y.update(x if memo is None else [deepcopy(v, memo) for v in x])
        else:
            y = cls.__new__(cls, base(x))
    else:
        y = cls.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    state, slots = _get_state(x)
    if memo is not None:
        if state:
            state = deepcopy(state, memo)
        if slots:
            slots = deepcopy(slots, memo)
    if hasattr(y, '__setstate__') and state is not None:
        y.__setstate__(state if not slots else (state, slots))
    else:
        _set_state(y, state, slots)
    return y


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for v in x:
            y.add(deepcopy(v, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(v, memo) for v in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _object_reduce(x)
            if rv is not None:
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)
            else:
                y = _copy_instance(x, cls, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *_):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
