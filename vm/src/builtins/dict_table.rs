//! The dict hash table (CPython's compact, insertion-ordered layout) over access-layer slots.
//!
//! A dict has two storage arrays, both replaced (never grown in place) on resize:
//! * `indices`: a ValueArray of `2 * size` raw words: `size` buckets (entry number + 1; 0 = empty,
//!   `DELETED` = a deleted bucket) followed by `size` hashes (one per entry, raw, so the tracer ignores them
//!   because they are stored in an untraced region... see below);
//! * `entries`: a ValueArray of `2 * cap` words: (key, value) per entry in insertion order; a deleted entry
//!   has key NULL.
//!
//! The hashes live in `indices`, a raw array (`Vm::new_raw_array`): the GC keeps it alive but never
//! reads its words as references (a raw hash could look like a pointer word). `cap = size * 2 / 3`.
//!
//! Probing: `i = hash & mask`, then `perturb >>= 5; i = (5 * i + perturb + 1) & mask` (CPython).
//!
//! Inline-cache support: `dict_find_str` returns the entry number of a key, and `dict_hint_get`/
//! `dict_hint_set` read/write an entry by number after checking it still holds that exact key. A dict
//! flagged `TYPE_DICT_FLAG` (a class namespace the attribute caches depend on) bumps `TYPE_EPOCH` after
//! every write.
//!
//! What may happen: lookups may run Python `__eq__`/`__hash__` (so may reach a safepoint) unless the key
//! is a str, int, float or other builtin with a native hash/eq; if `__eq__` mutates the dict, the lookup
//! restarts (CPython's behaviour). Mutations go through the access layer slot by slot, so under the STM two
//! writers of different existing keys write different slots.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

const DELETED: u64 = u64::MAX;
const MIN_SIZE: usize = 8;

/// Result of a probe: the bucket index and, when found, the entry number.
struct Probe {
    bucket: usize,
    entry: Option<usize>,
}

fn arr<'a>(v: Value) -> &'a ValueArray {
    obj::<ValueArray>(v)
}

/// The bit of a key with hash `h` in `DictObj::key_bloom` (the hash's bits mixed first: the top bits of a
/// hash alone need not vary).
#[inline(always)]
fn bloom_bit(h: i64) -> u64 {
    1 << ((h as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

/// The next bucket of an open-addressing probe (CPython's recurrence: `perturb` shifted by 5, then
/// `5 * i + perturb + 1`, masked).
#[inline(always)]
fn next_bucket(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= 5;
    (i.wrapping_mul(5)
        .wrapping_add(*perturb as usize)
        .wrapping_add(1))
        & mask
}

impl<M: Mode> Vm<M> {
    pub fn dict_len(&self, d: Value) -> usize {
        self.load_raw_o(d, &obj::<DictObj>(d).len) as usize
    }

    /// Keys equal for dict purposes? Fast paths for identity and builtin types; else Python `==`.
    #[inline]
    fn key_eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a == b {
            return Ok(true);
        }
        if is::<StrObj>(a) && is::<StrObj>(b) {
            return Ok(obj::<StrObj>(a).same_text(obj::<StrObj>(b)));
        }
        self.eq(a, b)
    }

    fn dict_probe(&mut self, d: Value, key: Value, hash: i64) -> PyResult<Option<Probe>> {
        'restart: loop {
            let dobj = obj::<DictObj>(d);
            let indices = self.load_o(d, &dobj.indices);
            if indices.is_null() {
                return Ok(None);
            }
            let entries = self.load_o(d, &dobj.entries);
            let ia = arr(indices);
            let size = ia.cap / 2;
            let mask = size - 1;
            let mut i = (hash as u64 as usize) & mask;
            let mut perturb = hash as u64;
            let mut first_deleted: Option<usize> = None;
            loop {
                let ix = self.load_raw_o(indices, &ia.slots()[i]);
                if ix == 0 {
                    return Ok(Some(Probe {
                        bucket: first_deleted.unwrap_or(i),
                        entry: None,
                    }));
                }
                if ix == DELETED {
                    if first_deleted.is_none() {
                        first_deleted = Some(i);
                    }
                } else {
                    let e = (ix - 1) as usize;
                    // The hash first: it sits next to the buckets, so a collision with a different hash
                    // never touches the entries array.
                    let h = self.load_raw_o(indices, &ia.slots()[size + e]) as i64;
                    if h != hash {
                        i = next_bucket(i, &mut perturb, mask);
                        continue;
                    }
                    let ea = arr(entries);
                    let k = self.load_o(entries, &ea.slots()[2 * e]);
                    if k == key {
                        return Ok(Some(Probe {
                            bucket: i,
                            entry: Some(e),
                        }));
                    }
                    if !k.is_null() {
                        let version = self.load_raw_o(d, &obj::<DictObj>(d).version);
                        let eq = self.key_eq(k, key)?;
                        // The dict may have changed under a Python __eq__: start again.
                        if self.load_raw_o(d, &obj::<DictObj>(d).version) != version
                            || self.load_o(d, &obj::<DictObj>(d).indices) != indices
                        {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Some(Probe {
                                bucket: i,
                                entry: Some(e),
                            }));
                        }
                    }
                }
                i = next_bucket(i, &mut perturb, mask);
            }
        }
    }

    /// `d[key]` with a precomputed hash; None when absent.
    pub fn dict_get_hashed(&mut self, d: Value, key: Value, hash: i64) -> PyResult<Option<Value>> {
        match self.dict_probe(d, key, hash)? {
            Some(Probe { entry: Some(e), .. }) => {
                let entries = self.load_o(d, &obj::<DictObj>(d).entries);
                Ok(Some(self.load_o(entries, &arr(entries).slots()[2 * e + 1])))
            }
            _ => Ok(None),
        }
    }

    /// `d.get(key)`: None when absent. May run Python `__hash__`/`__eq__`.
    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        if is::<StrObj>(key) && self.type_of(key) == self.types.str {
            return Ok(self.dict_get_str(d, key));
        }
        let h = self.hash(key)?;
        self.dict_get_hashed(d, key, h)
    }

    /// Lookup by a str key (never runs Python code).
    #[inline]
    pub fn dict_get_str(&mut self, d: Value, key: Value) -> Option<Value> {
        let h = self.str_hash(key);
        self.dict_get_str_hashed(d, key, h)
    }

    /// Whether str `key` is a key of `d` (never runs Python code). Usually a miss, decided by one read
    /// of the key summary (`DictObj::key_bloom`).
    #[inline]
    pub fn dict_has_str(&mut self, d: Value, key: Value) -> bool {
        let h = self.str_hash(key);
        if self.load_raw_o(d, &obj::<DictObj>(d).key_bloom) & bloom_bit(h) == 0 {
            return false;
        }
        self.dict_get_str_hashed(d, key, h).is_some()
    }

    /// Lookup by a str key with its hash (never runs Python code).
    #[inline]
    pub fn dict_get_str_hashed(&mut self, d: Value, key: Value, h: i64) -> Option<Value> {
        match self.dict_probe_str(d, key, h) {
            Ok(Some(e)) => {
                let entries = self.load_o(d, &obj::<DictObj>(d).entries);
                Some(self.load_o(entries, &arr(entries).slots()[2 * e + 1]))
            }
            Ok(None) => None,
            Err(()) => self.dict_get_hashed(d, key, h).unwrap_or(None),
        }
    }

    /// `dict_probe` for a str `key` whose candidates are all strs (the usual case: names, words): the
    /// entry number of `key` or None when absent, without the general probe's re-entrancy checks.
    /// Err when a non-str key with the same hash is met (its `__eq__` decides: the caller takes the
    /// general path).
    #[inline]
    fn dict_probe_str(&self, d: Value, key: Value, hash: i64) -> Result<Option<usize>, ()> {
        let dobj = obj::<DictObj>(d);
        let indices = self.load_o(d, &dobj.indices);
        if indices.is_null() {
            return Ok(None);
        }
        let ia = arr(indices).slots();
        let size = ia.len() / 2;
        let mask = size - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.load_raw_o(indices, &ia[i]);
            if ix == 0 {
                return Ok(None);
            }
            if ix != DELETED {
                let e = (ix - 1) as usize;
                if self.load_raw_o(indices, &ia[size + e]) as i64 == hash {
                    let entries = self.load_o(d, &dobj.entries);
                    let k = self.load_o(entries, &arr(entries).slots()[2 * e]);
                    if k == key {
                        return Ok(Some(e));
                    }
                    if !k.is_null() {
                        let Some(ks) = cast::<StrObj>(k) else {
                            return Err(());
                        };
                        if ks.same_text(obj::<StrObj>(key)) {
                            return Ok(Some(e));
                        }
                    }
                }
            }
            i = next_bucket(i, &mut perturb, mask);
        }
    }

    /// `d[key] = value`. May run Python `__hash__`/`__eq__`.
    pub fn dict_set(&mut self, d: Value, key: Value, value: Value) -> PyResult<()> {
        let h = self.hash(key)?;
        self.dict_set_hashed(d, key, h, value)
    }

    pub fn dict_set_hashed(
        &mut self,
        d: Value,
        key: Value,
        hash: i64,
        value: Value,
    ) -> PyResult<()> {
        self.dict_set_entry(d, key, hash, value).map(|_| ())
    }

    /// `d[key] = value` with a precomputed hash; returns the entry number written (an inline-cache hint).
    pub fn dict_set_entry(
        &mut self,
        d: Value,
        key: Value,
        hash: i64,
        value: Value,
    ) -> PyResult<usize> {
        if let Some(Probe { entry: Some(e), .. }) = self.dict_probe(d, key, hash)? {
            let entries = self.load_o(d, &obj::<DictObj>(d).entries);
            self.store_o(entries, &arr(entries).slots()[2 * e + 1], value);
            self.note_module_dict_write(d);
            self.note_type_dict_write(d);
            return Ok(e);
        }
        let dobj = obj::<DictObj>(d);
        let used = self.load_raw_o(d, &dobj.used) as usize;
        let indices = self.load_o(d, &dobj.indices);
        let cap = if indices.is_null() {
            0
        } else {
            arr(indices).cap / 2 * 2 / 3
        };
        if used >= cap {
            let len = self.load_raw_o(d, &dobj.len) as usize;
            self.dict_resize(d, (len + 1) * 3)?;
        }
        // Re-probe for the bucket in the (possibly new) table; the key is known to be absent.
        let dobj = obj::<DictObj>(d);
        let indices = self.load_o(d, &dobj.indices);
        let entries = self.load_o(d, &dobj.entries);
        let ia = arr(indices);
        let size = ia.cap / 2;
        let mask = size - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.load_raw_o(indices, &ia.slots()[i]);
            if ix == 0 || ix == DELETED {
                break;
            }
            i = next_bucket(i, &mut perturb, mask);
        }
        let e = self.load_raw_o(d, &dobj.used) as usize;
        let ea = arr(entries);
        self.store_o(entries, &ea.slots()[2 * e], key);
        self.store_o(entries, &ea.slots()[2 * e + 1], value);
        self.store_raw_o(indices, &ia.slots()[size + e], hash as u64);
        self.store_raw_o(indices, &ia.slots()[i], e as u64 + 1);
        self.store_raw_o(d, &dobj.used, e as u64 + 1);
        let len = self.load_raw_o(d, &dobj.len);
        self.store_raw_o(d, &dobj.len, len + 1);
        let bloom = self.load_raw_o(d, &dobj.key_bloom);
        if bloom & bloom_bit(hash) == 0 {
            self.store_raw_o(d, &dobj.key_bloom, bloom | bloom_bit(hash));
        }
        self.dict_bump_version(d);
        self.note_type_dict_write(d);
        Ok(e)
    }

    /// Rebuilds the table with room for at least `min_used` entries, dropping deleted entries.
    fn dict_resize(&mut self, d: Value, min_used: usize) -> PyResult<()> {
        let mut size = MIN_SIZE;
        while size * 2 / 3 < min_used.max(1) {
            size = size.checked_mul(2).ok_or_else(|| self.memory_error())?;
        }
        let new_indices = self.new_raw_array(size * 2)?;
        self.temp_roots.push(new_indices);
        let new_entries = self.new_value_array(size * 2 / 3 * 2);
        self.temp_roots.pop();
        let new_entries = new_entries?;
        let dobj = obj::<DictObj>(d);
        let old_indices = self.load_o(d, &dobj.indices);
        let old_entries = self.load_o(d, &dobj.entries);
        let used = self.load_raw_o(d, &dobj.used) as usize;
        let nia = arr(new_indices);
        let nea = arr(new_entries);
        let mask = size - 1;
        let mut n = 0usize;
        if !old_indices.is_null() {
            let oia = arr(old_indices);
            let osize = oia.cap / 2;
            let oea = arr(old_entries);
            for e in 0..used {
                let k = self.load_o(old_entries, &oea.slots()[2 * e]);
                if k.is_null() {
                    continue;
                }
                let v = self.load_o(old_entries, &oea.slots()[2 * e + 1]);
                let h = self.load_raw_o(old_indices, &oia.slots()[osize + e]);
                nea.slots()[2 * n].init(k);
                nea.slots()[2 * n + 1].init(v);
                nia.slots()[size + n].init(Value::from_bits(h));
                let mut i = (h as usize) & mask;
                let mut perturb = h;
                while self_raw(nia, i) != 0 {
                    i = next_bucket(i, &mut perturb, mask);
                }
                nia.slots()[i].init(Value::from_bits(n as u64 + 1));
                n += 1;
            }
        }
        self.store_o(d, &dobj.indices, new_indices);
        self.store_o(d, &dobj.entries, new_entries);
        self.store_raw_o(d, &dobj.used, n as u64);
        Ok(())
    }

    /// Removes `key`; returns the old value, or None when absent.
    pub fn dict_del(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        match self.dict_probe(d, key, h)? {
            Some(Probe {
                bucket,
                entry: Some(e),
            }) => {
                let dobj = obj::<DictObj>(d);
                let indices = self.load_o(d, &dobj.indices);
                let entries = self.load_o(d, &dobj.entries);
                let ea = arr(entries);
                let old = self.load_o(entries, &ea.slots()[2 * e + 1]);
                self.store_o(entries, &ea.slots()[2 * e], Value::NULL);
                self.store_o(entries, &ea.slots()[2 * e + 1], Value::NULL);
                self.store_raw_o(indices, &arr(indices).slots()[bucket], DELETED);
                let len = self.load_raw_o(d, &dobj.len);
                self.store_raw_o(d, &dobj.len, len - 1);
                self.dict_bump_version(d);
                self.note_type_dict_write(d);
                Ok(Some(old))
            }
            _ => Ok(None),
        }
    }

    /// Removes every entry.
    pub fn dict_clear(&mut self, d: Value) {
        let dobj = obj::<DictObj>(d);
        self.store_o(d, &dobj.indices, Value::NULL);
        self.store_o(d, &dobj.entries, Value::NULL);
        self.store_raw_o(d, &dobj.used, 0);
        self.store_raw_o(d, &dobj.len, 0);
        self.dict_bump_version(d);
        self.note_type_dict_write(d);
    }

    /// The entry at position `pos` or later: returns (next position, key, value), or None at the end.
    /// Used by iteration; positions are stable while the dict is not resized.
    pub fn dict_next(&self, d: Value, mut pos: usize) -> Option<(usize, Value, Value)> {
        let dobj = obj::<DictObj>(d);
        let entries = self.load_o(d, &dobj.entries);
        if entries.is_null() {
            return None;
        }
        let used = self.load_raw_o(d, &dobj.used) as usize;
        let ea = arr(entries);
        while pos < used {
            let k = self.load_o(entries, &ea.slots()[2 * pos]);
            if !k.is_null() {
                let v = self.load_o(entries, &ea.slots()[2 * pos + 1]);
                return Some((pos + 1, k, v));
            }
            pos += 1;
        }
        None
    }

    /// Snapshot of (key, value) pairs in order. The returned values are reachable from the dict only
    /// while it is not mutated: callers that run Python code while holding it must root them.
    pub fn dict_items_vec(&self, d: Value) -> Vec<(Value, Value)> {
        let mut out = Vec::with_capacity(self.dict_len(d));
        let mut pos = 0;
        while let Some((p, k, v)) = self.dict_next(d, pos) {
            out.push((k, v));
            pos = p;
        }
        out
    }

    /// Sets `d[name] = v` for a str name (never runs Python code).
    pub fn dict_set_str(&mut self, d: Value, name: &str, v: Value) -> PyResult<()> {
        let k = self.intern(name);
        let h = self.str_hash(k);
        self.dict_set_hashed(d, k, h, v)
    }

    /// Lookup by a str key (never runs Python code) that also returns the entry index, for inline
    /// caches' hints (see [`Vm::dict_hint_get`]).
    pub fn dict_find_str(&mut self, d: Value, key: Value) -> Option<(usize, Value)> {
        let h = self.str_hash(key);
        let found = match self.dict_probe_str(d, key, h) {
            Ok(e) => e,
            Err(()) => match self.dict_probe(d, key, h) {
                Ok(Some(Probe { entry: Some(e), .. })) => Some(e),
                _ => None,
            },
        };
        match found {
            Some(e) => {
                let entries = self.load_o(d, &obj::<DictObj>(d).entries);
                Some((e, self.load_o(entries, &arr(entries).slots()[2 * e + 1])))
            }
            _ => None,
        }
    }

    /// `d[key]` when entry number `hint` currently holds exactly `key` (pointer-equal): no hashing,
    /// no probing. None when the hint does not match (the caller falls back to a lookup).
    #[inline(always)]
    pub fn dict_hint_get(&self, d: Value, key: Value, hint: usize) -> Option<Value> {
        let entries = self.load_o(d, &obj::<DictObj>(d).entries);
        if entries.is_null() {
            return None;
        }
        let ea = arr(entries).slots();
        if 2 * hint + 1 < ea.len() && self.load_o(entries, &ea[2 * hint]) == key {
            Some(self.load_o(entries, &ea[2 * hint + 1]))
        } else {
            None
        }
    }

    /// Replaces the value of `key` when entry number `hint` currently holds exactly `key`; false when
    /// the hint does not match.
    #[inline(always)]
    pub fn dict_hint_set(&mut self, d: Value, key: Value, hint: usize, v: Value) -> bool {
        let entries = self.load_o(d, &obj::<DictObj>(d).entries);
        if entries.is_null() {
            return false;
        }
        let ea = arr(entries).slots();
        if 2 * hint + 1 < ea.len() && self.load_o(entries, &ea[2 * hint]) == key {
            self.store_o(entries, &ea[2 * hint + 1], v);
            self.note_module_dict_write(d);
            self.note_type_dict_write(d);
            true
        } else {
            false
        }
    }

    /// `d[name]` for a Rust str name.
    pub fn dict_get_name(&mut self, d: Value, name: &str) -> Option<Value> {
        let k = self.intern(name);
        self.dict_get_str(d, k)
    }
}

impl<M: Mode> Vm<M> {
    /// The key set of `d` changed: a new `version` (unique for a module namespace, see
    /// `MODULE_DICT_FLAG`; +1 otherwise).
    #[inline]
    fn dict_bump_version(&mut self, d: Value) {
        let dobj = obj::<DictObj>(d);
        let ver = if header(d).flags() & MODULE_DICT_FLAG != 0 {
            next_module_dict_version()
        } else {
            self.load_raw_o(d, &dobj.version) + 1
        };
        self.store_raw_o(d, &dobj.version, ver);
    }

    /// A value of a module namespace was replaced in place: a new version too, since `LoadGlobal`
    /// caches values under it.
    #[inline(always)]
    fn note_module_dict_write(&mut self, d: Value) {
        if header(d).flags() & MODULE_DICT_FLAG != 0 {
            self.dict_bump_version(d);
        }
    }

    /// A write to a class namespace invalidates every attribute inline cache (see `TYPE_EPOCH`). Under
    /// `--stm` the writing transaction first becomes inevitable: caches filled after the write (by it)
    /// then hold state that will commit, never state of an attempt that aborts.
    #[inline(always)]
    fn note_type_dict_write(&mut self, d: Value) {
        if header(d).flags() & TYPE_DICT_FLAG != 0 {
            self.stm_irrevocable();
            TYPE_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

fn self_raw(a: &ValueArray, i: usize) -> u64 {
    a.slots()[i].gc_read().bits()
}
