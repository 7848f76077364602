//! The `array` module: `array(typecode, initializer)` for the typecodes `b B u h H i I l L q Q f d`,
//! `typecodes`, `ArrayType`.
//!
//! An array is a Python-list-backed object (glue class over `_a`, a list of already-converted items):
//! the native `_item(typecode, v)` converts and range-checks an item with CPython's exact messages
//! (`signed char is greater than maximum`, ...; 'f' items are rounded to float32), and `tobytes` /
//! `frombytes` go through the `struct` natives with the native layout. Supported: indexing and slicing
//! (get/set/delete), `len`, iteration, `in`, comparisons, `+`, `*`, `+=`, `*=`, `append`, `extend`,
//! `insert`, `pop`, `remove`, `index`, `count`, `reverse`, `tolist`, `fromlist`, `tobytes`,
//! `frombytes`, `tounicode`, `fromunicode`, `byteswap`, `itemsize`, `buffer_info` (address 0), repr.
//! Missing: the buffer protocol (an array is not accepted where bytes-like objects are), `tofile` /
//! `fromfile`.

use crate::access::Mode;
use crate::interp::ops::Num;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;
use num_traits::ToPrimitive;

const GLUE: &str = r#"
import struct as _struct

typecodes = 'bBuhHiIlLqQfd'
_sizes = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}

class array:
    def __new__(cls, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s' % type(typecode).__name__)
        if typecode not in _sizes:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self = object.__new__(cls)
        self._tc = typecode
        self._a = []
        if initializer is None:
            return self
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError('cannot use a str to initialize an array with typecode %r' % typecode)
            self._a = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if initializer._tc == 'u' and typecode != 'u' or typecode == 'u' and initializer._tc != 'u':
                raise TypeError('cannot use a unicode array to initialize an array with typecode %r' % typecode)
            self.extend(initializer._a)
        else:
            self.extend(initializer)
        return self
    def __init__(self, typecode, initializer=None):
        pass
    @property
    def typecode(self):
        return self._tc
    @property
    def itemsize(self):
        return _sizes[self._tc]
    def _new(self, items):
        r = array(self._tc)
        r._a = items
        return r
    def __repr__(self):
        if not self._a:
            return 'array(%r)' % self._tc
        if self._tc == 'u':
            return 'array(%r, %r)' % (self._tc, ''.join(self._a))
        return 'array(%r, %r)' % (self._tc, self._a)
    def __len__(self):
        return len(self._a)
    def __iter__(self):
        return iter(self._a)
    def __contains__(self, x):
        return x in self._a
    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._a[i])
        try:
            return self._a[i]
        except IndexError:
            raise IndexError('array index out of range') from None
    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(v).__name__)
            if v._tc != self._tc:
                raise TypeError('bad argument type for built-in operation')
            self._a[i] = v._a
            return
        v = _item(self._tc, v)
        try:
            self._a[i] = v
        except IndexError:
            raise IndexError('array assignment index out of range') from None
    def __delitem__(self, i):
        try:
            del self._a[i]
        except IndexError:
            raise IndexError('array assignment index out of range') from None
    def _cmp_other(self, other):
        if isinstance(other, array):
            return other._a
        return None
    def __eq__(self, other):
        o = self._cmp_other(other)
        return NotImplemented if o is None else self._a == o
    def __ne__(self, other):
        o = self._cmp_other(other)
        return NotImplemented if o is None else self._a != o
    def __lt__(self, other):
        o = self._cmp_other(other)
        return NotImplemented if o is None else self._a < o
    def __le__(self, other):
        o = self._cmp_other(other)
        return NotImplemented if o is None else self._a <= o
    def __gt__(self, other):
        o = self._cmp_other(other)
        return NotImplemented if o is None else self._a > o
    def __ge__(self, other):
        o = self._cmp_other(other)
        return NotImplemented if o is None else self._a >= o
    __hash__ = None
    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError('bad argument type for built-in operation')
        return self._new(self._a + other._a)
    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        self.extend(other)
        return self
    def __mul__(self, n):
        return self._new(self._a * n)
    __rmul__ = __mul__
    def __imul__(self, n):
        self._a *= n
        return self
    def __copy__(self):
        return self._new(list(self._a))
    def __deepcopy__(self, memo):
        return self._new(list(self._a))
    def __reduce_ex__(self, proto):
        return (array, (self._tc, list(self._a)))
    def append(self, v):
        self._a.append(_item(self._tc, v))
    def extend(self, it):
        if isinstance(it, array):
            if it._tc != self._tc:
                raise TypeError('can only extend with array of same kind')
            self._a.extend(it._a)
            return
        tc = self._tc
        self._a.extend([_item(tc, v) for v in it])
    def insert(self, i, v):
        self._a.insert(i, _item(self._tc, v))
    def pop(self, i=-1):
        if not self._a:
            raise IndexError('pop from empty array')
        try:
            return self._a.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None
    def remove(self, v):
        try:
            self._a.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None
    def index(self, v, start=0, stop=None):
        n = len(self._a)
        if stop is None:
            stop = n
        try:
            return self._a.index(v, start, stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None
    def count(self, v):
        return self._a.count(v)
    def reverse(self):
        self._a.reverse()
    def tolist(self):
        return list(self._a)
    def fromlist(self, lst):
        if not isinstance(lst, list):
            raise TypeError('arg must be list')
        tc = self._tc
        self._a.extend([_item(tc, v) for v in lst])
    def tounicode(self):
        if self._tc != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._a)
    def fromunicode(self, s):
        if self._tc != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        if not isinstance(s, str):
            raise TypeError('fromunicode() argument must be str, not %s' % type(s).__name__)
        self._a.extend(s)
    def _fmt(self, n):
        return '@%d%s' % (n, 'I' if self._tc == 'u' else self._tc)
    def tobytes(self):
        if self._tc == 'u':
            return _struct.pack(self._fmt(len(self._a)), *[ord(c) for c in self._a])
        return _struct.pack(self._fmt(len(self._a)), *self._a)
    def frombytes(self, b):
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        size = _sizes[self._tc]
        if len(b) % size:
            raise ValueError('bytes length not a multiple of item size')
        items = _struct.unpack(self._fmt(len(b) // size), b)
        if self._tc == 'u':
            items = [chr(c) for c in items]
        self._a.extend(items)
    def byteswap(self):
        size = _sizes[self._tc]
        b = self.tobytes()
        out = bytearray()
        for i in range(0, len(b), size):
            out += b[i:i + size][::-1]
        n = len(self._a)
        self._a = []
        self.frombytes(out)
    def buffer_info(self):
        return (0, len(self._a))

ArrayType = array
"#;

pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let m = vm.new_module("array")?;
    let d = obj::<ModuleObj>(m).dict;
    vm.def_fn(d, "_item", item)?;
    vm.temp_roots.push(m);
    let r = crate::stdlib::glue::run_glue(vm, m, "array", GLUE);
    vm.temp_roots.pop();
    r?;
    Ok(m)
}

/// Converts `v` to an item of an array of typecode `tc`, with CPython's range checks and messages.
fn item<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("_item", args, kw, 2, 2)?;
    let tc = vm.str_of(args[0]).chars().next().unwrap_or('?');
    let v = args[1];
    match tc {
        'u' => {
            if is::<StrObj>(v) && obj::<StrObj>(v).char_len == 1 {
                return Ok(v);
            }
            Err(vm.type_error("array item must be unicode character"))
        }
        'f' | 'd' => {
            let x = match vm.as_num(v) {
                Some(Num::Float(x)) => x,
                _ => crate::builtins::math_module::arg_f64(vm, v)?,
            };
            Ok(Value::float(if tc == 'f' { x as f32 as f64 } else { x }))
        }
        _ => {
            let b = crate::builtins::math_module::arg_int(vm, v)?;
            let ovf = |vm: &mut Vm<M>, m: &str| Err(vm.overflow_error(m));
            match tc {
                'q' => match b.to_i64() {
                    Some(x) => vm.new_int(x),
                    None => ovf(vm, "int too big to convert"),
                },
                'Q' => {
                    if b.sign() == num_bigint::Sign::Minus {
                        return ovf(vm, "can't convert negative int to unsigned");
                    }
                    match b.to_u64() {
                        Some(_) => vm.new_bigint(b),
                        None => ovf(vm, "int too big to convert"),
                    }
                }
                'I' | 'L' => {
                    if b.sign() == num_bigint::Sign::Minus {
                        if b.to_i64().is_none() && tc == 'I' {
                            return ovf(vm, "can't convert negative value to unsigned int");
                        }
                        return ovf(vm, "can't convert negative value to unsigned int");
                    }
                    let Some(x) = b.to_u64() else {
                        return ovf(vm, "Python int too large to convert to C unsigned long");
                    };
                    if tc == 'I' && x > u32::MAX as u64 {
                        return ovf(vm, "unsigned int is greater than maximum");
                    }
                    vm.new_bigint(b)
                }
                _ => {
                    let Some(x) = b.to_i64() else {
                        return ovf(vm, "Python int too large to convert to C long");
                    };
                    let check = |vm: &mut Vm<M>, lo: i64, hi: i64, name: &str| -> PyResult<()> {
                        if x < lo {
                            Err(vm.overflow_error(format!("{name} is less than minimum")))
                        } else if x > hi {
                            Err(vm.overflow_error(format!("{name} is greater than maximum")))
                        } else {
                            Ok(())
                        }
                    };
                    let short = (i16::MIN as i64, i16::MAX as i64);
                    let int = (i32::MIN as i64, i32::MAX as i64);
                    match tc {
                        'b' => {
                            check(vm, short.0, short.1, "signed short integer")?;
                            check(vm, -128, 127, "signed char")?;
                        }
                        'B' => check(vm, 0, 255, "unsigned byte integer")?,
                        'h' => check(vm, short.0, short.1, "signed short integer")?,
                        'H' => {
                            check(vm, int.0, int.1, "signed integer")?;
                            check(vm, 0, 65535, "unsigned short")?;
                        }
                        'i' => check(vm, int.0, int.1, "signed integer")?,
                        _ => {}
                    }
                    vm.new_int(x)
                }
            }
        }
    }
}
