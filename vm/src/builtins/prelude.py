# Weft's builtins written in Python, compiled into the binary and run once at VM bootstrap with
# __name__ == "builtins". Names not starting with "_" are exported to the builtins module; the
# "_weft_*" functions are called by the interpreter itself (except* matching and re-raising).


_weft_subclasses = {}


def _eg_predicate(condition):
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(
        isinstance(c, type) and issubclass(c, BaseException) for c in condition
    ):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError(
        "expected an exception type, a tuple of exception types, or a callable (other than a class)"
    )


def _eg_copy_metadata(src, dst):
    dst.__traceback__ = src.__traceback__
    dst.__cause__ = src.__cause__
    dst.__context__ = src.__context__
    notes = getattr(src, "__notes__", None)
    if notes is not None:
        dst.__notes__ = notes
    return dst


class BaseExceptionGroup(BaseException):
    def __new__(cls, message, exceptions):
        if not isinstance(message, str):
            raise TypeError(f"argument 1 must be str, not {type(message).__name__}")
        if not (isinstance(exceptions, (list, tuple)) or hasattr(exceptions, "__getitem__")):
            raise TypeError("second argument (exceptions) must be a sequence")
        exceptions = list(exceptions)
        if not exceptions:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        for i in range(len(exceptions)):
            if not isinstance(exceptions[i], BaseException):
                raise ValueError(f"Item {i} of second argument (exceptions) is not an exception")
        all_exc = all(isinstance(e, Exception) for e in exceptions)
        if cls is BaseExceptionGroup:
            if all_exc:
                cls = ExceptionGroup
        elif issubclass(cls, Exception) and not all_exc:
            if cls is ExceptionGroup:
                raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
            raise TypeError(f"Cannot nest BaseExceptions in '{cls.__name__}'")
        self = super().__new__(cls, message, exceptions)
        self._message = message
        self._exceptions = tuple(exceptions)
        return self

    def __init__(self, *args, **kwargs):
        pass

    @property
    def message(self):
        return self._message

    @property
    def exceptions(self):
        return self._exceptions

    def __str__(self):
        n = len(self._exceptions)
        return f"{self._message} ({n} sub-exception{'s' if n > 1 else ''})"

    def __repr__(self):
        return f"{type(self).__name__}({self._message!r}, {list(self._exceptions)!r})"

    def derive(self, excs):
        return BaseExceptionGroup(self._message, excs)

    def split(self, condition):
        pred = _eg_predicate(condition)
        if pred(self):
            return self, None
        match_list = []
        rest_list = []
        for e in self._exceptions:
            if isinstance(e, BaseExceptionGroup):
                m, r = e.split(pred)
                if m is not None:
                    match_list.append(m)
                if r is not None:
                    rest_list.append(r)
            elif pred(e):
                match_list.append(e)
            else:
                rest_list.append(e)
        match = _eg_copy_metadata(self, self.derive(match_list)) if match_list else None
        rest = _eg_copy_metadata(self, self.derive(rest_list)) if rest_list else None
        return match, rest

    def subgroup(self, condition):
        return self.split(condition)[0]


class ExceptionGroup(BaseExceptionGroup, Exception):
    pass


def _weft_eg_match(exc, types):
    """CHECK_EG_MATCH: (rest, match) when `exc` matches `types`, else None."""
    if isinstance(types, type) and issubclass(types, BaseExceptionGroup) or (
        isinstance(types, tuple) and any(issubclass(t, BaseExceptionGroup) for t in types)
    ):
        raise TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.")
    if exc is None:
        return None
    if not isinstance(exc, BaseExceptionGroup):
        if isinstance(exc, types):
            g = BaseExceptionGroup("", [exc])
            g.__traceback__ = exc.__traceback__
            return None, g
        return None
    match, rest = exc.split(types)
    if match is None:
        return None
    return rest, match


def _eg_leaves(e, out):
    if isinstance(e, BaseExceptionGroup):
        for x in e.exceptions:
            _eg_leaves(x, out)
    else:
        out.append(e)
    return out


def _weft_prep_reraise_star(orig, excs):
    """PREP_RERAISE_STAR: the exception to propagate after the except* clauses, or None."""
    if not excs:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        for e in excs:
            if e is not None:
                return e
        return None
    raised = []
    reraised = []
    for e in excs:
        if e is None:
            continue
        same = (
            e.__traceback__ is orig.__traceback__
            and e.__cause__ is orig.__cause__
            and e.__context__ is orig.__context__
        )
        (reraised if same else raised).append(e)
    reraised_eg = None
    if reraised:
        ids = set()
        for e in reraised:
            for leaf in _eg_leaves(e, []):
                ids.add(id(leaf))
        reraised_eg = orig.split(lambda leaf: id(leaf) in ids)[0]
    if not raised:
        return reraised_eg
    keep = raised + ([reraised_eg] if reraised_eg is not None else [])
    if len(keep) == 1:
        return keep[0]
    return BaseExceptionGroup("", keep)


def _weft_make_member_descriptor():
    class member_descriptor:
        __qualname__ = "member_descriptor"

        def __init__(self, name, objclass):
            self.__name__ = name
            self.__objclass__ = objclass

        def __get__(self, obj, cls=None):
            if obj is None:
                return self
            return object.__getattribute__(obj, self.__name__)

        def __repr__(self):
            return f"<member {self.__name__!r} of {self.__objclass__.__name__!r} objects>"

    return member_descriptor


_weft_member_descriptor = _weft_make_member_descriptor()


def _weft_make_getset_descriptor():
    # Made by the VM with doc = (name, owning class).
    class getset_descriptor(property):
        __qualname__ = "getset_descriptor"

        def __repr__(self):
            name, owner = self.__doc__
            return f"<attribute {name!r} of {owner.__name__!r} objects>"

    return getset_descriptor


_weft_getset_descriptor = _weft_make_getset_descriptor()


def _weft_make_mappingproxy():
    class mappingproxy:
        __qualname__ = "mappingproxy"
        __slots__ = ("_weft_mapping",)

        def __new__(cls, mapping):
            if isinstance(mapping, (list, tuple)) or not hasattr(type(mapping), "__getitem__"):
                raise TypeError(
                    f"mappingproxy() argument must be a mapping, not {type(mapping).__name__}"
                )
            self = object.__new__(cls)
            self._weft_mapping = mapping
            return self

        def __getitem__(self, key):
            return self._weft_mapping[key]

        def __delitem__(self, key):
            raise TypeError("'mappingproxy' object does not support item deletion")

        def get(self, key, default=None):
            return self._weft_mapping.get(key, default)

        def keys(self):
            return self._weft_mapping.keys()

        def values(self):
            return self._weft_mapping.values()

        def items(self):
            return self._weft_mapping.items()

        def copy(self):
            return self._weft_mapping.copy()

        def __iter__(self):
            return iter(self._weft_mapping)

        def __reversed__(self):
            return reversed(self._weft_mapping)

        def __len__(self):
            return len(self._weft_mapping)

        def __contains__(self, key):
            return key in self._weft_mapping

        def __eq__(self, other):
            if isinstance(other, mappingproxy):
                other = other._weft_mapping
            return self._weft_mapping == other

        def __or__(self, other):
            if isinstance(other, mappingproxy):
                other = other._weft_mapping
            return self._weft_mapping | other

        def __ror__(self, other):
            return other | self._weft_mapping

        def __repr__(self):
            return f"mappingproxy({self._weft_mapping!r})"

        def __str__(self):
            return str(self._weft_mapping)

    return mappingproxy


_weft_mappingproxy = _weft_make_mappingproxy()


def _weft_type_repr(t):
    if t is type(None):
        return "None"
    if isinstance(t, type):
        if t.__module__ == "builtins":
            return t.__qualname__
        return f"{t.__module__}.{t.__qualname__}"
    return repr(t)


def _weft_make_union_type():
    class UnionType:
        __qualname__ = "UnionType"
        __module__ = "types"
        __slots__ = ("_weft_args",)

        @property
        def __args__(self):
            return self._weft_args

        def __repr__(self):
            return " | ".join(_weft_type_repr(a) for a in self._weft_args)

        def __or__(self, other):
            return _weft_union(self, other)

        def __ror__(self, other):
            return _weft_union(other, self)

        def __eq__(self, other):
            if not isinstance(other, UnionType):
                return NotImplemented
            return set(self._weft_args) == set(other._weft_args)

        def __hash__(self):
            return hash(frozenset(self._weft_args))

        def __instancecheck__(self, obj):
            for a in self._weft_args:
                if not isinstance(a, type):
                    raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
            return isinstance(obj, self._weft_args)

        def __subclasscheck__(self, cls):
            for a in self._weft_args:
                if not isinstance(a, type):
                    raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
            return issubclass(cls, self._weft_args)

    return UnionType


_weft_UnionType = _weft_make_union_type()


def _weft_union(a, b):
    def ok(x):
        return x is None or isinstance(x, (type, _weft_UnionType)) or hasattr(x, "__origin__")

    if not ok(a) or not ok(b):
        return NotImplemented
    args = []
    for x in (a, b):
        parts = x._weft_args if isinstance(x, _weft_UnionType) else (x,)
        for p in parts:
            if p is None:
                p = type(None)
            if p not in args:
                args.append(p)
    if len(args) == 1:
        return args[0]
    u = object.__new__(_weft_UnionType)
    u._weft_args = tuple(args)
    return u
