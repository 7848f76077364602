//! The set/frozenset hash table: CPython 3.11's `setobject.c` algorithm over access-layer slots, so that
//! iteration order (slot order) matches CPython's for keys whose hashes do not depend on the hash seed.
//!
//! Storage: `SetObj.table` is a ValueArray of `3 * size` words, one entry per slot: `(key, hash_hi,
//! hash_lo)`. The key is `NULL` for a never-used slot and `DUMMY` for a deleted one; the hash is split
//! into two small ints (high and low 32 bits) so that the traced table never holds a raw word that looks
//! like a pointer. A NULL `table` means the empty 8-slot table (nothing allocated yet). `fill` counts
//! active + dummy slots, `len` active ones; `finger` is where `pop()` starts searching.
//!
//! Probing (CPython): start at `hash & mask`, look at up to `LINEAR_PROBES` following slots when they
//! fit before the end of the table, then `perturb >>= 5; i = (5 * i + 1 + perturb) & mask`. Insertion
//! reuses the first dummy seen; the table grows (to the smallest power of two above `used * 4`, or
//! `used * 2` when large) once `fill * 5 >= mask * 3`.
//!
//! What may happen: lookups may run Python `__eq__` (and callers' `hash` may run `__hash__`), so may reach
//! a safepoint; if the table changes under a comparison the probe restarts, as in CPython.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

/// The key of a deleted slot (a special constant: never a pointer, never visible to Python code).
pub const DUMMY: Value = Value::from_bits(Value::NULL.bits() | 0x5E7);
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;

fn arr<'a>(v: Value) -> &'a ValueArray {
    obj::<ValueArray>(v)
}

/// The set layout of a set or frozenset (a frozenset wraps the same layout under its own kind).
pub fn set_obj<'a>(s: Value) -> &'a SetObj {
    if let Some(f) = cast::<FrozenSetObj>(s) {
        &f.0
    } else {
        obj::<SetObj>(s)
    }
}

/// Is `v` a set or frozenset (or an instance of a subclass)?
pub fn is_anyset(v: Value) -> bool {
    is::<SetObj>(v) || is::<FrozenSetObj>(v)
}

fn split(h: i64) -> (Value, Value) {
    (
        Value::small_int(h >> 32),
        Value::small_int((h as u64 & 0xffff_ffff) as i64),
    )
}

fn join(hi: Value, lo: Value) -> i64 {
    (hi.as_small_int() << 32) | lo.as_small_int()
}

/// Where a probe ended.
enum Found {
    /// The key is present at this slot.
    Active(usize),
    /// Absent; this is the slot to insert into (the first dummy seen, else the empty slot).
    Free(usize, bool),
}

impl<M: Mode> Vm<M> {
    pub fn set_len(&self, s: Value) -> usize {
        self.load_raw_o(s, &set_obj(s).len) as usize
    }

    fn set_mask(&self, s: Value) -> usize {
        let t = self.load_o(s, &set_obj(s).table);
        if t.is_null() {
            MIN_SIZE - 1
        } else {
            arr(t).cap / 3 - 1
        }
    }

    /// The active entry at slot `pos` or later: (next position, key, hash), or None at the end.
    pub fn set_next_entry(&self, s: Value, mut pos: usize) -> Option<(usize, Value, i64)> {
        let t = self.load_o(s, &set_obj(s).table);
        if t.is_null() {
            return None;
        }
        let sl = arr(t).slots();
        let size = sl.len() / 3;
        while pos < size {
            let k = self.load_o(t, &sl[3 * pos]);
            if !k.is_null() && k != DUMMY {
                let h = join(
                    self.load_o(t, &sl[3 * pos + 1]),
                    self.load_o(t, &sl[3 * pos + 2]),
                );
                return Some((pos + 1, k, h));
            }
            pos += 1;
        }
        None
    }

    /// The member at slot `pos` or later: (next position, key). Used by iteration.
    pub fn set_next(&self, s: Value, pos: usize) -> Option<(usize, Value)> {
        self.set_next_entry(s, pos).map(|(p, k, _)| (p, k))
    }

    /// Snapshot of the members in slot order (reachable from the set only while it is unchanged).
    pub fn set_members(&self, s: Value) -> Vec<Value> {
        self.set_entries(s).into_iter().map(|(k, _)| k).collect()
    }

    /// Snapshot of (key, hash) in slot order.
    pub fn set_entries(&self, s: Value) -> Vec<(Value, i64)> {
        let mut out = Vec::with_capacity(self.set_len(s));
        let mut pos = 0;
        while let Some((p, k, h)) = self.set_next_entry(s, pos) {
            out.push((k, h));
            pos = p;
        }
        out
    }

    /// Probes for `key`. With `for_insert`, remembers the first dummy as the free slot.
    fn set_probe(&mut self, s: Value, key: Value, hash: i64, for_insert: bool) -> PyResult<Found> {
        'restart: loop {
            let t = self.load_o(s, &set_obj(s).table);
            if t.is_null() {
                return Ok(Found::Free((hash as u64 as usize) & (MIN_SIZE - 1), true));
            }
            let mut mask = arr(t).cap / 3 - 1;
            let mut i = (hash as u64 as usize) & mask;
            let mut perturb = hash as u64;
            let mut freeslot: Option<usize> = None;
            loop {
                let mut probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                let mut j = i;
                loop {
                    let sl = arr(t).slots();
                    let k = self.load_o(t, &sl[3 * j]);
                    if k.is_null() {
                        return Ok(match freeslot {
                            Some(f) if for_insert => Found::Free(f, false),
                            _ => Found::Free(j, true),
                        });
                    }
                    if k == DUMMY {
                        if freeslot.is_none() {
                            freeslot = Some(j);
                        }
                    } else {
                        let h = join(
                            self.load_o(t, &sl[3 * j + 1]),
                            self.load_o(t, &sl[3 * j + 2]),
                        );
                        if h == hash {
                            if k == key {
                                return Ok(Found::Active(j));
                            }
                            if let (Some(a), Some(b)) = (cast::<StrObj>(k), cast::<StrObj>(key)) {
                                if a.same_text(b) {
                                    return Ok(Found::Active(j));
                                }
                            } else {
                                let eq = self.eq(k, key)?;
                                if eq {
                                    return Ok(Found::Active(j));
                                }
                                let t2 = self.load_o(s, &set_obj(s).table);
                                if t2 != t || self.load_o(t, &arr(t).slots()[3 * j]) != k {
                                    continue 'restart;
                                }
                                mask = arr(t).cap / 3 - 1;
                            }
                        }
                    }
                    if probes == 0 {
                        break;
                    }
                    probes -= 1;
                    j += 1;
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    /// `key in s` with a known hash. May run Python `__eq__`.
    pub fn set_contains_hashed(&mut self, s: Value, key: Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(
            self.set_probe(s, key, hash, false)?,
            Found::Active(_)
        ))
    }

    /// `key in s`. May run Python `__hash__`/`__eq__`; unhashable keys raise TypeError.
    pub fn set_contains(&mut self, s: Value, key: Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        self.set_contains_hashed(s, key, h)
    }

    /// Adds `key` with a known hash (no-op when present).
    pub fn set_add_hashed(&mut self, s: Value, key: Value, hash: i64) -> PyResult<()> {
        let slot = match self.set_probe(s, key, hash, true)? {
            Found::Active(_) => return Ok(()),
            Found::Free(i, unused) => (i, unused),
        };
        let so = set_obj(s);
        if self.load_o(s, &so.table).is_null() {
            let t = self.new_set_array(MIN_SIZE)?;
            self.store_o(s, &set_obj(s).table, t);
        }
        let so = set_obj(s);
        let t = self.load_o(s, &so.table);
        let sl = arr(t).slots();
        let (i, unused) = slot;
        let (hi, lo) = split(hash);
        self.store_o(t, &sl[3 * i], key);
        self.store_o(t, &sl[3 * i + 1], hi);
        self.store_o(t, &sl[3 * i + 2], lo);
        let used = self.load_raw_o(s, &so.len) + 1;
        self.store_raw_o(s, &so.len, used);
        let v = self.load_raw_o(s, &so.version);
        self.store_raw_o(s, &so.version, v + 1);
        if !unused {
            return Ok(());
        }
        let fill = self.load_raw_o(s, &so.fill) + 1;
        self.store_raw_o(s, &so.fill, fill);
        let mask = (arr(t).cap / 3 - 1) as u64;
        if fill * 5 < mask * 3 {
            return Ok(());
        }
        let min = if used > 50000 { used * 2 } else { used * 4 };
        self.set_resize(s, min as usize)
    }

    /// `s.add(key)`. May run Python `__hash__`/`__eq__`.
    pub fn set_add(&mut self, s: Value, key: Value) -> PyResult<()> {
        let h = self.hash(key)?;
        self.set_add_hashed(s, key, h)
    }

    fn new_set_array(&mut self, size: usize) -> PyResult<Value> {
        let cap = size.checked_mul(3).ok_or_else(|| self.memory_error())?;
        let t = self.new_value_array(cap)?;
        for i in 0..size {
            arr(t).slots()[3 * i].init(Value::NULL);
        }
        Ok(t)
    }

    /// Rebuilds the table with the smallest power-of-two size above `minused`, dropping dummies.
    pub fn set_resize(&mut self, s: Value, minused: usize) -> PyResult<()> {
        let mut size = MIN_SIZE;
        while size <= minused {
            size = size.checked_mul(2).ok_or_else(|| self.memory_error())?;
        }
        let entries = self.set_entries(s);
        let nt = self.new_set_array(size)?;
        let mask = size - 1;
        for (k, h) in &entries {
            insert_clean(arr(nt), mask, *k, *h);
        }
        let so = set_obj(s);
        self.store_o(s, &so.table, nt);
        self.store_raw_o(s, &so.fill, entries.len() as u64);
        self.store_raw_o(s, &so.len, entries.len() as u64);
        Ok(())
    }

    /// Removes `key` (known hash); true if it was present. May run Python `__eq__`.
    pub fn set_discard_hashed(&mut self, s: Value, key: Value, hash: i64) -> PyResult<bool> {
        match self.set_probe(s, key, hash, false)? {
            Found::Active(i) => {
                let so = set_obj(s);
                let t = self.load_o(s, &so.table);
                let sl = arr(t).slots();
                self.store_o(t, &sl[3 * i], DUMMY);
                self.store_o(t, &sl[3 * i + 1], Value::small_int(-1));
                self.store_o(t, &sl[3 * i + 2], Value::small_int(0xffff_ffff));
                let n = self.load_raw_o(s, &so.len);
                self.store_raw_o(s, &so.len, n - 1);
                let v = self.load_raw_o(s, &so.version);
                self.store_raw_o(s, &so.version, v + 1);
                Ok(true)
            }
            Found::Free(..) => Ok(false),
        }
    }

    /// Removes `key`; true if it was present. May run Python `__hash__`/`__eq__`.
    pub fn set_discard(&mut self, s: Value, key: Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        self.set_discard_hashed(s, key, h)
    }

    /// Empties the set (back to the initial 8-slot table).
    pub fn set_clear(&mut self, s: Value) {
        let so = set_obj(s);
        self.store_o(s, &so.table, Value::NULL);
        self.store_raw_o(s, &so.fill, 0);
        self.store_raw_o(s, &so.len, 0);
        self.store_raw_o(s, &so.finger, 0);
        let v = self.load_raw_o(s, &so.version);
        self.store_raw_o(s, &so.version, v + 1);
    }

    /// `s.pop()`: the member at or after the finger, or None when empty.
    pub fn set_pop(&mut self, s: Value) -> Option<Value> {
        if self.set_len(s) == 0 {
            return None;
        }
        let so = set_obj(s);
        let t = self.load_o(s, &so.table);
        let sl = arr(t).slots();
        let mask = sl.len() / 3 - 1;
        let mut i = self.load_raw_o(s, &so.finger) as usize & mask;
        loop {
            let k = self.load_o(t, &sl[3 * i]);
            if !k.is_null() && k != DUMMY {
                self.store_o(t, &sl[3 * i], DUMMY);
                self.store_o(t, &sl[3 * i + 1], Value::small_int(-1));
                self.store_o(t, &sl[3 * i + 2], Value::small_int(0xffff_ffff));
                let n = self.load_raw_o(s, &so.len);
                self.store_raw_o(s, &so.len, n - 1);
                self.store_raw_o(s, &so.finger, i as u64 + 1);
                let v = self.load_raw_o(s, &so.version);
                self.store_raw_o(s, &so.version, v + 1);
                return Some(k);
            }
            i += 1;
            if i > mask {
                i = 0;
            }
        }
    }

    /// Adds every member of the set `other` (CPython's `set_merge`: one resize up front, and a clean copy
    /// when `s` is empty).
    pub fn set_merge(&mut self, s: Value, other: Value) -> PyResult<()> {
        let olen = self.set_len(other);
        if s == other || olen == 0 {
            return Ok(());
        }
        let so = set_obj(s);
        let fill = self.load_raw_o(s, &so.fill) as usize;
        let used = self.set_len(s);
        if (fill + olen) * 5 >= self.set_mask(s) * 3 {
            self.set_resize(s, (used + olen) * 2)?;
        }
        let entries = self.set_entries(other);
        let so = set_obj(s);
        if self.load_raw_o(s, &so.fill) == 0 {
            let omask = self.set_mask(other);
            let ofill = self.load_raw(&set_obj(other).fill) as usize;
            let mask = self.set_mask(s);
            let nt = self.new_set_array(mask + 1)?;
            if mask == omask && ofill == olen {
                // Same size, no dummies: copy slot for slot.
                let ot = self.load(&set_obj(other).table);
                let (osl, nsl) = (arr(ot).slots(), arr(nt).slots());
                for i in 0..=mask {
                    let k = self.load(&osl[3 * i]);
                    if !k.is_null() {
                        nsl[3 * i].init(k);
                        nsl[3 * i + 1].init(self.load(&osl[3 * i + 1]));
                        nsl[3 * i + 2].init(self.load(&osl[3 * i + 2]));
                    }
                }
            } else {
                for (k, h) in &entries {
                    insert_clean(arr(nt), mask, *k, *h);
                }
            }
            let so = set_obj(s);
            self.store_o(s, &so.table, nt);
            self.store_raw_o(s, &so.fill, olen as u64);
            self.store_raw_o(s, &so.len, olen as u64);
            let v = self.load_raw_o(s, &so.version);
            self.store_raw_o(s, &so.version, v + 1);
            return Ok(());
        }
        let base = self.temp_roots.len();
        self.temp_roots.extend(entries.iter().map(|e| e.0));
        let r = (|| {
            for (k, h) in &entries {
                self.set_add_hashed(s, *k, *h)?;
            }
            Ok(())
        })();
        self.temp_roots.truncate(base);
        r
    }

    /// `s |= iterable` semantics (CPython's `set_update_internal`): sets merge, exact dicts add their keys
    /// with the stored hashes, anything else is iterated.
    pub fn set_update(&mut self, s: Value, it: Value) -> PyResult<()> {
        if is_anyset(it) {
            return self.set_merge(s, it);
        }
        if is::<DictObj>(it) && self.type_of(it) == self.types.dict {
            let n = self.dict_len(it);
            let fill = self.load_raw_o(s, &set_obj(s).fill) as usize;
            if (fill + n) * 5 >= self.set_mask(s) * 3 {
                let used = self.set_len(s);
                self.set_resize(s, (used + n) * 2)?;
            }
            let keys: Vec<Value> = self.dict_items_vec(it).into_iter().map(|p| p.0).collect();
            return self.set_add_all(s, &keys);
        }
        if is::<ListObj>(it) || is::<TupleObj>(it) {
            let items = self.collect_iterable(it)?;
            return self.set_add_all(s, &items);
        }
        let iter = self.get_iter(it)?;
        self.temp_roots.push(iter);
        let r = (|| {
            while let Some(v) = self.iter_next(iter)? {
                self.set_add(s, v)?;
            }
            Ok(())
        })();
        self.temp_roots.pop();
        r
    }

    /// Adds each value (rooted while Python `__hash__`/`__eq__` may run).
    pub fn set_add_all(&mut self, s: Value, items: &[Value]) -> PyResult<()> {
        let base = self.temp_roots.len();
        self.temp_roots.extend_from_slice(items);
        let r = (|| {
            for v in items {
                self.set_add(s, *v)?;
            }
            Ok(())
        })();
        self.temp_roots.truncate(base);
        r
    }

    /// A new empty set (or frozenset when `frozen`) of class `cls` holding `items`.
    pub fn new_set_of(&mut self, cls: Value, frozen: bool, items: &[Value]) -> PyResult<Value> {
        let s = self.new_empty_set(cls, frozen)?;
        self.temp_roots.push(s);
        let r = self.set_add_all(s, items);
        self.temp_roots.pop();
        r.map(|_| s)
    }

    pub fn new_empty_set(&mut self, cls: Value, frozen: bool) -> PyResult<Value> {
        let so = SetObj {
            header: Self::hdr(),
            dict: crate::access::Slot::new(Value::NULL),
            len: crate::access::Slot::raw(0),
            fill: crate::access::Slot::raw(0),
            table: crate::access::Slot::new(Value::NULL),
            version: crate::access::Slot::raw(0),
            hash: crate::access::Slot::raw(0),
            finger: crate::access::Slot::raw(0),
        };
        if frozen {
            self.alloc(cls, FrozenSetObj(so))
        } else {
            self.alloc(cls, so)
        }
    }

    pub fn new_set_from(&mut self, items: &[Value]) -> PyResult<Value> {
        let c = self.types.set;
        self.new_set_of(c, false, items)
    }

    /// A new set or frozenset of class `cls` with the members of `it` (CPython's `make_new_set`).
    pub fn make_new_set(&mut self, cls: Value, frozen: bool, it: Option<Value>) -> PyResult<Value> {
        let s = self.new_empty_set(cls, frozen)?;
        if let Some(it) = it {
            self.temp_roots.push(s);
            let r = self.set_update(s, it);
            self.temp_roots.pop();
            r?;
        }
        Ok(s)
    }

    /// A frozenset *constant* as CPython's compiler makes it (for a set display of more than two constants,
    /// or `x in {consts}` / `for x in {consts}`): built from `items`, then rebuilt from its own iteration
    /// order (CPython's `merge_consts_recursive`), which changes the slot order when keys collide.
    pub fn new_const_frozenset(&mut self, items: &[Value]) -> PyResult<Value> {
        let c = self.types.frozenset;
        let first = self.new_set_of(c, true, items)?;
        self.temp_roots.push(first);
        let order = self.set_members(first);
        let r = self.new_set_of(c, true, &order);
        self.temp_roots.pop();
        r
    }

    /// `frozenset.__hash__` (CPython's algorithm: xor of shuffled entry hashes, then dispersal).
    pub fn frozenset_hash(&mut self, s: Value) -> i64 {
        let so = set_obj(s);
        let cached = self.load_raw_o(s, &so.hash);
        if cached != 0 {
            return cached as i64;
        }
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for (_, h) in self.set_entries(s) {
            hash ^= shuffle(h as u64);
        }
        let n = self.set_len(s) as u64;
        hash ^= (n + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        if is::<FrozenSetObj>(s) {
            self.store_raw_o(s, &set_obj(s).hash, hash);
        }
        hash as i64
    }
}

/// Inserts into a fresh table known not to contain the key (CPython's `set_insert_clean`).
fn insert_clean(t: &ValueArray, mask: usize, key: Value, hash: i64) {
    let sl = t.slots();
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if sl[3 * i].gc_read().is_null() {
            break;
        }
        let mut found = false;
        if i + LINEAR_PROBES <= mask {
            for j in i + 1..=i + LINEAR_PROBES {
                if sl[3 * j].gc_read().is_null() {
                    i = j;
                    found = true;
                    break;
                }
            }
        }
        if found {
            break;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
    let (hi, lo) = split(hash);
    sl[3 * i].init(key);
    sl[3 * i + 1].init(hi);
    sl[3 * i + 2].init(lo);
}
