//! The `random` module: CPython's Mersenne Twister (MT19937) with its exact seeding, so that a seeded
//! generator yields the same numbers as CPython 3.11.
//!
//! The generator core is Rust: the state (624 words and the index, little-endian, 2500 bytes) lives in
//! a `bytearray` held by each `Random` instance as `_mt`; the natives `_mt_seed` (init_by_array over
//! the 32-bit words of `abs(n)`), `_mt_random` (53-bit float), `_mt_getrandbits` (any k),
//! `_mt_getstate`/`_mt_setstate` work on it. `_sha512` is a hand-written SHA-512 for `seed(str/bytes)`
//! (version 2 seeding). The `Random` class and the distributions are CPython's `random.py` logic,
//! run as Python glue (so subclasses overriding `random`/`getrandbits` behave as in CPython).
//! `seed()` with no argument seeds from `/dev/urandom` (or the clock if unavailable).

use crate::access::Mode;
use crate::builtins::math_module::arg_int;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;
use num_bigint::{BigInt, Sign};
use num_traits::Signed;

const GLUE: &str = r#"
from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin
from math import tau as TWOPI, floor as _floor, isfinite as _isfinite

__all__ = ['Random', 'SystemRandom', 'betavariate', 'choice', 'choices', 'expovariate', 'gammavariate',
    'gauss', 'getrandbits', 'getstate', 'lognormvariate', 'normalvariate', 'paretovariate', 'randbytes',
    'randint', 'random', 'randrange', 'sample', 'seed', 'setstate', 'shuffle', 'triangular', 'uniform',
    'vonmisesvariate', 'weibullvariate']

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53
RECIP_BPF = 2 ** (-BPF)
_ONE = 1

def _accumulate(it):
    out = []
    total = None
    first = True
    for x in it:
        if first:
            total = x
            first = False
        else:
            total = total + x
        out.append(total)
    return out

def _bisect(a, x, lo=0, hi=None):
    if hi is None:
        hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo

class Random:
    VERSION = 3

    def __init__(self, x=None):
        self._mt = _mt_new()
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        if version == 1 and isinstance(a, (str, bytes)):
            a = a.decode('latin-1') if isinstance(a, bytes) else a
            x = ord(a[0]) << 7 if a else 0
            for c in map(ord, a):
                x = (1000003 * x ^ c) & 18446744073709551615
            x ^= len(a)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            if isinstance(a, str):
                a = a.encode()
            a = int.from_bytes(bytes(a) + _sha512(bytes(a)), 'big')
        elif not isinstance(a, (type(None), int, float, str, bytes, bytearray)):
            raise TypeError('The only supported seed types are: None,\nint, float, str, bytes, and bytearray.')
        if a is None:
            a = _urandom_seed()
        elif not isinstance(a, int):
            a = hash(a) & 0xFFFFFFFFFFFFFFFF
        if not hasattr(self, '_mt'):
            self._mt = _mt_new()
        _mt_seed(self._mt, a)
        self.gauss_next = None

    def random(self):
        return _mt_random(self._mt)

    def getrandbits(self, k):
        return _mt_getrandbits(self._mt, k)

    def getstate(self):
        return (self.VERSION, _mt_getstate(self._mt), self.gauss_next)

    def setstate(self, state):
        version = state[0]
        if version == 3:
            version, internalstate, self.gauss_next = state
            _mt_setstate(self._mt, internalstate)
        elif version == 2:
            version, internalstate, self.gauss_next = state
            try:
                internalstate = tuple((x % 2 ** 32 for x in internalstate))
            except ValueError as e:
                raise TypeError from e
            _mt_setstate(self._mt, internalstate)
        else:
            raise ValueError('state with version %s passed to Random.setstate() of version %s' % (version, self.VERSION))

    def __getstate__(self):
        return self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    def __reduce__(self):
        return (self.__class__, (), self.getstate())

    def __init_subclass__(cls, **kwargs):
        for c in cls.__mro__:
            if '_randbelow' in c.__dict__:
                break
            if 'getrandbits' in c.__dict__:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if 'random' in c.__dict__:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    def _randbelow_with_getrandbits(self, n):
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        random = self.random
        if n >= maxsize:
            return _floor(random() * n)
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return _floor(r * maxsize) % n
    _randbelow = _randbelow_with_getrandbits

    def randbytes(self, n):
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    def randrange(self, start, stop=None, step=_ONE):
        try:
            istart = _index(start)
        except TypeError:
            istart = int(start)
            if istart != start:
                raise ValueError('non-integer arg 1 for randrange()')
        if stop is None:
            if step is not _ONE:
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError('empty range for randrange()')
        try:
            istop = _index(stop)
        except TypeError:
            istop = int(stop)
            if istop != stop:
                raise ValueError('non-integer stop for randrange()')
        width = istop - istart
        try:
            istep = _index(step)
        except TypeError:
            istep = int(step)
            if istep != step:
                raise ValueError('non-integer step for randrange()')
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError('empty range for randrange() (%d, %d, %d)' % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError('zero step for randrange()')
        if n <= 0:
            raise ValueError('empty range for randrange()')
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = (x[j], x[i])

    def sample(self, population, k, *, counts=None):
        if isinstance(population, (set, frozenset, dict)):
            raise TypeError('Population must be a sequence.  For dicts or sets, use sorted(d).')
        n = len(population)
        if counts is not None:
            cum_counts = _accumulate(counts)
            if len(cum_counts) != n:
                raise ValueError('The number of counts does not match the population')
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')
            selections = self.sample(range(total), k=k)
            return [population[_bisect(cum_counts, s)] for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError('Sample larger than population or is negative')
        result = [None] * k
        setsize = 21
        if k > 5:
            setsize += 4 ** _ceil(_log(k * 3, 4))
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            selected_add = selected.add
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected_add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                floor = _floor
                n += 0.0
                return [population[floor(random() * n)] for i in range(k)]
            try:
                cum_weights = _accumulate(weights)
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError(f'The number of choices must be a keyword argument: k={k!r}') from None
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total):
            raise ValueError('Total of weights must be finite')
        hi = n - 1
        return [population[_bisect(cum_weights, random() * total, 0, hi)] for i in range(k)]

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = (high, low)
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        random = self.random
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = random() * TWOPI
            g2rad = _sqrt(-2.0 * _log(1.0 - random()))
            z = _cos(x2pi) * g2rad
            self.gauss_next = _sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        random = self.random
        if kappa <= 1e-06:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _cos(_pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            theta = (mu + _acos(f)) % TWOPI
        else:
            theta = (mu - _acos(f)) % TWOPI
        return theta

    def gammavariate(self, alpha, beta):
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        random = self.random
        if alpha > 1.0:
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-07 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        elif alpha == 1.0:
            return -_log(1.0 - random()) * beta
        else:
            while True:
                u = random()
                b = (_e + alpha) / _e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _exp(-x):
                    break
            return x * beta

    def betavariate(self, alpha, beta):
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)

class SystemRandom(Random):

    def random(self):
        return (int.from_bytes(_urandom(7), 'big') >> 3) * RECIP_BPF

    def getrandbits(self, k):
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        numbytes = (k + 7) // 8
        x = int.from_bytes(_urandom(numbytes), 'big')
        return x >> numbytes * 8 - k

    def randbytes(self, n):
        return _urandom(n)

    def seed(self, *args, **kwds):
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')
    getstate = setstate = _notimplemented

_inst = Random()
seed = _inst.seed
random = _bind_state(0, _inst._mt)
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _bind_state(1, _inst._mt)
randbytes = _inst.randbytes
"#;

pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let m = vm.new_module("random")?;
    let d = obj::<ModuleObj>(m).dict;
    vm.def_fn(d, "_mt_new", mt_new)?;
    vm.def_fn(d, "_mt_seed", mt_seed)?;
    vm.def_fn(d, "_mt_random", mt_random)?;
    vm.def_fn(d, "_mt_getrandbits", mt_getrandbits)?;
    vm.def_fn(d, "_mt_getstate", mt_getstate)?;
    vm.def_fn(d, "_mt_setstate", mt_setstate)?;
    vm.def_fn(d, "_sha512", sha512_fn)?;
    vm.def_fn(d, "_urandom", urandom_fn)?;
    vm.def_fn(d, "_urandom_seed", urandom_seed)?;
    vm.def_fn(d, "_index", index_fn)?;
    vm.def_fn(d, "_bind_state", bind_state)?;
    crate::stdlib::glue::run_glue(vm, m, "random", GLUE)?;
    Ok(m)
}

// ----- MT19937 -------------------------------------------------------------------------------------

const N: usize = 624;
const MM: usize = 397;
const STATE_BYTES: usize = (N + 1) * 4;

/// The generator state, copied out of / into the bytearray.
struct Mt {
    mt: [u32; N],
    mti: usize,
}

impl Mt {
    fn load(b: &[u8]) -> Mt {
        let mut mt = [0u32; N];
        for (i, w) in mt.iter_mut().enumerate() {
            *w = u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
        }
        let mti = u32::from_le_bytes([b[4 * N], b[4 * N + 1], b[4 * N + 2], b[4 * N + 3]]) as usize;
        Mt { mt, mti }
    }

    fn store(&self, b: &mut [u8]) {
        for (i, w) in self.mt.iter().enumerate() {
            b[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes());
        }
        b[4 * N..4 * N + 4].copy_from_slice(&(self.mti as u32).to_le_bytes());
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            self.mt[i] = 1812433253u32
                .wrapping_mul(self.mt[i - 1] ^ (self.mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        self.mti = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let mut i = 1usize;
        let mut j = 0usize;
        let klen = key.len();
        let mut k = N.max(klen);
        while k > 0 {
            self.mt[i] = (self.mt[i]
                ^ (self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_mul(1664525))
            .wrapping_add(key[j])
            .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            self.mt[i] = (self.mt[i]
                ^ (self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_mul(1566083941))
            .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x80000000;
        self.mti = N;
    }

    fn genrand(&mut self) -> u32 {
        const UPPER: u32 = 0x80000000;
        const LOWER: u32 = 0x7fffffff;
        const MATRIX_A: u32 = 0x9908b0df;
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        if self.mti >= N {
            for kk in 0..N - MM {
                let y = (self.mt[kk] & UPPER) | (self.mt[kk + 1] & LOWER);
                self.mt[kk] = self.mt[kk + MM] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - MM..N - 1 {
                let y = (self.mt[kk] & UPPER) | (self.mt[kk + 1] & LOWER);
                self.mt[kk] = self.mt[kk + MM - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (self.mt[N - 1] & UPPER) | (self.mt[0] & LOWER);
            self.mt[N - 1] = self.mt[MM - 1] ^ (y >> 1) ^ mag(y);
            self.mti = 0;
        }
        let mut y = self.mt[self.mti];
        self.mti += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        y
    }
}

fn state_arg<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<Value> {
    match cast::<ByteArrayObj>(v) {
        Some(b) if b.b.lock().unwrap().len() == STATE_BYTES => Ok(v),
        _ => Err(vm.type_error("invalid random state")),
    }
}

/// Runs `f` on the generator state stored in bytearray `st`.
fn with_mt<M: Mode, R>(vm: &mut Vm<M>, st: Value, f: impl FnOnce(&mut Mt) -> R) -> R {
    vm.bytearray_mutate(st, |b| {
        let mut mt = Mt::load(b);
        let r = f(&mut mt);
        mt.store(b);
        r
    })
}

/// Draws `n` 32-bit outputs straight from the stored state: only the words used and the index are
/// read and written, except when the 624-word block is regenerated.
fn draw<M: Mode>(vm: &mut Vm<M>, st: Value, out: &mut [u32]) {
    vm.bytearray_mutate(st, |b| {
        let word = |b: &[u8], i: usize| {
            u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]])
        };
        let mut mti = word(b, N) as usize;
        for o in out.iter_mut() {
            if mti >= N {
                let mut mt = Mt::load(b);
                mt.mti = N;
                *o = mt.genrand();
                mti = mt.mti;
                mt.store(b);
                continue;
            }
            let mut y = word(b, mti);
            mti += 1;
            y ^= y >> 11;
            y ^= (y << 7) & 0x9d2c5680;
            y ^= (y << 15) & 0xefc60000;
            y ^= y >> 18;
            *o = y;
        }
        b[4 * N..4 * N + 4].copy_from_slice(&(mti as u32).to_le_bytes());
    })
}

fn mt_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("_mt_new", args, kw, 0, 0)?;
    let mut b = vec![0u8; STATE_BYTES];
    let mut mt = Mt::load(&b);
    mt.init_genrand(5489);
    mt.store(&mut b);
    vm.new_bytearray(&b)
}

fn mt_seed<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("_mt_seed", args, kw, 2, 2)?;
    let st = state_arg(vm, args[0])?;
    let n = arg_int(vm, args[1])?.abs();
    let mut key: Vec<u32> = n.to_u32_digits().1;
    if key.is_empty() {
        key.push(0);
    }
    with_mt(vm, st, |mt| mt.init_by_array(&key));
    Ok(Value::NONE)
}

fn mt_random<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("random", args, kw, 1, 1)?;
    let st = state_arg(vm, args[0])?;
    let mut w = [0u32; 2];
    draw(vm, st, &mut w);
    let a = (w[0] >> 5) as f64;
    let b = (w[1] >> 6) as f64;
    Ok(Value::float(
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0),
    ))
}

fn mt_getrandbits<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("getrandbits", args, kw, 2, 2)?;
    let st = state_arg(vm, args[0])?;
    let k = vm.index_value(args[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::small_int(0));
    }
    if k <= 32 {
        let mut w = [0u32; 1];
        draw(vm, st, &mut w);
        return vm.new_int((w[0] >> (32 - k)) as i64);
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut ws = vec![0u32; words];
    draw(vm, st, &mut ws);
    let mut kk = k;
    for r in ws.iter_mut() {
        if kk < 32 {
            *r >>= 32 - kk;
        }
        kk -= 32;
    }
    vm.new_bigint(BigInt::from_slice(Sign::Plus, &ws))
}

fn mt_getstate<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("getstate", args, kw, 1, 1)?;
    let st = state_arg(vm, args[0])?;
    let words = with_mt(vm, st, |mt| {
        let mut v: Vec<i64> = mt.mt.iter().map(|w| *w as i64).collect();
        v.push(mt.mti as i64);
        v
    });
    let mut items = Vec::with_capacity(words.len());
    for w in words {
        items.push(vm.new_int(w)?);
    }
    vm.new_tuple(&items)
}

fn mt_setstate<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("setstate", args, kw, 2, 2)?;
    let st = state_arg(vm, args[0])?;
    if !is::<TupleObj>(args[1]) {
        return Err(vm.type_error("state vector must be a tuple"));
    }
    let items = obj::<TupleObj>(args[1]).as_slice().to_vec();
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (i, w) in words.iter_mut().enumerate() {
        let b = arg_int(vm, items[i])?;
        *w = u32::try_from(&b)
            .map_err(|_| vm.overflow_error("Python int too large to convert to C unsigned long"))?;
    }
    let idx = vm.index_value(items[N])?;
    if !(0..=N as i64).contains(&idx) {
        return Err(vm.value_error("invalid state"));
    }
    with_mt(vm, st, |mt| {
        mt.mt = words;
        mt.mti = idx as usize;
    });
    Ok(Value::NONE)
}

/// `_bind_state(which, state)`: the module-level `random` (0) or `getrandbits` (1) as a native bound
/// to the hidden instance's state, skipping the Python method frame (the state object is mutated in
/// place by `seed`/`setstate`, so the binding stays valid).
fn bind_state<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("_bind_state", args, kw, 2, 2)?;
    let st = state_arg(vm, args[1])?;
    let (name, f): (&'static str, crate::interp::NativeFn<M>) = if vm.index_value(args[0])? == 0 {
        ("random", mt_random)
    } else {
        ("getrandbits", mt_getrandbits)
    };
    let id = vm.register_native(name, f);
    let cls = vm.types.builtin_function;
    vm.alloc(
        cls,
        NativeObj {
            header: Vm::<M>::hdr(),
            name,
            id,
            bound: st,
            owner: Value::NULL,
            binds: false,
            classmethod: false,
        },
    )
}

fn index_fn<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("index", args, kw, 1, 1)?;
    let b = arg_int(vm, args[0])?;
    vm.new_bigint(b)
}

/// `n` random bytes from the OS (falls back to a clock-seeded generator when /dev/urandom is missing).
pub fn os_random_bytes(n: usize) -> Vec<u8> {
    use std::io::Read;
    let mut buf = vec![0u8; n];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        if f.read_exact(&mut buf).is_ok() {
            return buf;
        }
    }
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u32)
        .unwrap_or(0);
    let mut mt = Mt { mt: [0; N], mti: N };
    mt.init_by_array(&[seed, std::process::id()]);
    for b in buf.iter_mut() {
        *b = mt.genrand() as u8;
    }
    buf
}

fn urandom_fn<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("urandom", args, kw, 1, 1)?;
    let n = vm.index_value(args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let b = os_random_bytes(n as usize);
    vm.new_bytes(&b)
}

fn urandom_seed<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("_urandom_seed", args, kw, 0, 0)?;
    let b = os_random_bytes(N * 4);
    vm.new_bigint(BigInt::from_bytes_le(Sign::Plus, &b))
}

// ----- SHA-512 (FIPS 180-4) ------------------------------------------------------------------------

const K512: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

/// The SHA-512 digest of `data`.
pub fn sha512(data: &[u8]) -> [u8; 64] {
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    let bitlen = (data.len() as u128) * 8;
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bitlen.to_be_bytes());
    for block in msg.chunks(128) {
        let mut w = [0u64; 80];
        for (i, c) in block.chunks(8).enumerate() {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            w[i] = u64::from_be_bytes(a);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K512[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[8 * i..8 * i + 8].copy_from_slice(&x.to_be_bytes());
    }
    out
}

fn sha512_fn<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("sha512", args, kw, 1, 1)?;
    let data = vm.bytes_data(args[0]);
    let d = sha512(&data);
    vm.new_bytes(&d)
}
