//! `_thread`: starting threads, `lock` and `RLock`, thread identity. `threading` (a frozen Python
//! module) is built on it.
//!
//! Locks are opaque objects holding an `Arc<RawLock>`. Acquiring first tries without blocking (one CAS);
//! only a contended acquire goes through `Vm::allow_threads`, the blocking point that releases the GIL (so
//! a thread waiting for a lock uses no CPU). A waiting thread sleeps on the lock's own mutex + condition
//! variable, never while holding the GIL, so the GIL and a lock cannot deadlock each other.
//! `RLock` adds an owner ident and a recursion count, changed only by the owner while it holds the GIL.
//!
//! Under `--stm` a `Lock`'s state is the slot `RawLock::state`, read and written by the transaction like
//! any object state: acquiring a free lock and releasing are a transactional read and write (no
//! inevitable transaction, so threads taking different locks, or one lock in turn, run in parallel and
//! conflict only where the GIL's order would matter). A thread that finds the lock taken blocks at a
//! blocking point (its transaction commits first) until the lock looks free, then tries again in a new
//! transaction; a release wakes the waiters after its transaction commits. `RLock` operations stay
//! irrevocable (inevitable) under `--stm`.

use crate::access::{Mode, Slot};
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// `_thread.TIMEOUT_MAX` (CPython's value on Linux).
const TIMEOUT_MAX: f64 = 9223372036.0;

/// A binary semaphore that any thread may release (Python's `Lock`). The uncontended paths are one atomic
/// operation; the mutex and condition variable are only used when a thread has to wait.
pub struct RawLock {
    locked: AtomicBool,
    /// `--stm` only (plain `Lock`): 1 while locked, 0 when free; transactional.
    state: Slot,
    /// Threads inside `acquire_blocking`.
    waiters: AtomicUsize,
    mx: Mutex<()>,
    cv: Condvar,
}

impl RawLock {
    fn new() -> RawLock {
        RawLock {
            locked: AtomicBool::new(false),
            state: Slot::raw(0),
            waiters: AtomicUsize::new(0),
            mx: Mutex::new(()),
            cv: Condvar::new(),
        }
    }

    #[inline]
    fn try_acquire(&self) -> bool {
        self.locked
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::Relaxed)
            .is_ok()
    }

    /// Blocks (without the GIL) until acquired or `timeout` passed (`None`: forever).
    ///
    /// No lost wake-up: a waiter registers in `waiters` before its last `try_acquire` under `mx`, and
    /// `release` clears `locked` before it reads `waiters` (both SeqCst), so either the waiter sees the
    /// lock free or the releaser sees the waiter and notifies under `mx`, after the waiter started waiting.
    fn acquire_blocking(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.map(|t| Instant::now() + t);
        self.waiters.fetch_add(1, Ordering::SeqCst);
        let mut g = self.mx.lock().unwrap_or_else(|e| e.into_inner());
        let got = loop {
            if self.try_acquire() {
                break true;
            }
            match deadline {
                None => g = self.cv.wait(g).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        break false;
                    }
                    g = self
                        .cv
                        .wait_timeout(g, d - now)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            }
        };
        drop(g);
        self.waiters.fetch_sub(1, Ordering::SeqCst);
        got
    }

    /// Releases; false if it was not locked.
    #[inline]
    fn release(&self) -> bool {
        if !self.locked.swap(false, Ordering::SeqCst) {
            return false;
        }
        if self.waiters.load(Ordering::SeqCst) > 0 {
            let _g = self.mx.lock().unwrap_or_else(|e| e.into_inner());
            self.cv.notify_one();
        }
        true
    }

    fn is_locked(&self) -> bool {
        self.locked.load(Ordering::SeqCst)
    }

    /// `--stm`: blocks (outside any transaction) until `state` looks free or `deadline` passed.
    ///
    /// No lost wake-up: a waiter registers in `waiters` before it reads `state` under `mx`, and a
    /// releaser's transaction has written `state` before it reads `waiters` after its commit (SeqCst),
    /// notifying under `mx`. A short timeout covers a peek of a value that was later rolled back.
    fn wait_released(&self, deadline: Option<Instant>) {
        self.waiters.fetch_add(1, Ordering::SeqCst);
        let mut g = self.mx.lock().unwrap_or_else(|e| e.into_inner());
        while self.state.peek() != 0 {
            let mut step = Duration::from_millis(10);
            if let Some(d) = deadline {
                let now = Instant::now();
                if now >= d {
                    break;
                }
                step = step.min(d - now);
            }
            g = self
                .cv
                .wait_timeout(g, step)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        drop(g);
        self.waiters.fetch_sub(1, Ordering::SeqCst);
    }

    /// `--stm`: wakes the threads in `wait_released` (after the releasing transaction committed).
    fn notify_released(&self) {
        if self.waiters.load(Ordering::SeqCst) > 0 {
            let _g = self.mx.lock().unwrap_or_else(|e| e.into_inner());
            self.cv.notify_all();
        }
    }
}

/// `--stm`: `Lock.acquire` as a transactional read (and write) of the lock's state; see the module
/// documentation.
fn stm_lock_acquire<M: Mode>(
    vm: &mut Vm<M>,
    raw: &Arc<RawLock>,
    how: Option<Option<Duration>>,
) -> bool {
    let deadline = match how {
        Some(Some(t)) => Some(Instant::now() + t),
        _ => None,
    };
    loop {
        if vm.load_raw(&raw.state) == 0 {
            vm.store_raw(&raw.state, 1);
            return true;
        }
        if how.is_none() || deadline.is_some_and(|d| Instant::now() >= d) {
            return false;
        }
        let r = raw.clone();
        vm.allow_threads(move || r.wait_released(deadline));
    }
}

/// `--stm`: `Lock.release`; false if the lock was free.
fn stm_lock_release<M: Mode>(vm: &mut Vm<M>, raw: &Arc<RawLock>) -> bool {
    if vm.load_raw(&raw.state) == 0 {
        return false;
    }
    vm.store_raw(&raw.state, 0);
    if raw.waiters.load(Ordering::SeqCst) > 0 {
        // A thread is parked on the lock (`Thread.start` waits on one for the new thread's first
        // steps): its wakeup waits for this transaction's commit, so make that soon. An exclusive
        // or inevitable transaction would otherwise run on for a whole budget with the waiter asleep.
        vm.hint_commit_soon();
    }
    let r = raw.clone();
    vm.stm_after_commit(Box::new(move || r.notify_released()));
    true
}

/// `_thread.lock` state.
struct LockState(Arc<RawLock>);

/// `_thread.RLock` state.
struct RLockState {
    raw: Arc<RawLock>,
    /// Ident of the owning thread (0 = none).
    owner: AtomicU64,
    count: AtomicU64,
}

/// Parses `acquire(blocking=True, timeout=-1)` into `None` (non-blocking), `Some(None)` (forever) or
/// `Some(Some(d))`.
fn acquire_args<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Option<Option<Duration>>> {
    let a = vm.parse_args(
        "acquire",
        &args[1..],
        kwnames,
        &["blocking", "timeout"],
        0,
        2,
        0,
    )?;
    let blocking = if a[0].is_null() {
        true
    } else {
        vm.truthy(a[0])?
    };
    let timeout = if a[1].is_null() {
        -1.0
    } else {
        vm.to_float(a[1])?
    };
    if !blocking {
        if timeout != -1.0 {
            return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
        }
        return Ok(None);
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if timeout == -1.0 {
        return Ok(Some(None));
    }
    if timeout > TIMEOUT_MAX {
        let c = vm.exc.overflow_error;
        return Err(vm.error(c, "timeout value is too large"));
    }
    Ok(Some(Some(Duration::from_secs_f64(timeout))))
}

/// Acquires `raw` as `acquire(blocking, timeout)` asks; releases the GIL only when it must wait.
fn acquire_raw<M: Mode>(vm: &mut Vm<M>, raw: &Arc<RawLock>, how: Option<Option<Duration>>) -> bool {
    if raw.try_acquire() {
        return true;
    }
    match how {
        None => false,
        Some(timeout) => {
            let raw = raw.clone();
            vm.allow_threads(move || raw.acquire_blocking(timeout))
        }
    }
}

fn lock_of<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<Arc<RawLock>> {
    match vm.opaque::<LockState>(v) {
        Some(l) => Ok(l.0.clone()),
        None => {
            let tn = vm.tname(v).to_string();
            Err(vm.type_error(format!(
                "descriptor requires a '_thread.lock' object but received a '{tn}'"
            )))
        }
    }
}

fn rlock_of<'a, M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<&'a RLockState> {
    match vm.opaque::<RLockState>(v) {
        Some(l) => Ok(l),
        None => {
            let tn = vm.tname(v).to_string();
            Err(vm.type_error(format!(
                "descriptor requires a '_thread.RLock' object but received a '{tn}'"
            )))
        }
    }
}

/// A new `_thread.lock` object.
pub fn new_lock<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let cls = lock_type(vm)?;
    vm.new_opaque(cls, LockState(Arc::new(RawLock::new())))
}

fn module_attr<M: Mode>(vm: &mut Vm<M>, name: &str) -> PyResult<Value> {
    let m = vm.import_dotted("_thread")?;
    let d = obj::<ModuleObj>(m).dict;
    match vm.dict_get_name(d, name) {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!("_thread.{name} is missing"))),
    }
}

fn lock_type<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    module_attr(vm, "LockType")
}

fn allocate_lock<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("allocate_lock", args, kwnames, 0, 0)?;
    new_lock(vm)
}

fn lock_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("lock", &args[1..], kwnames, 0, 0)?;
    vm.new_opaque(args[0], LockState(Arc::new(RawLock::new())))
}

fn lock_acquire<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if M::STM {
        let raw = lock_of(vm, args[0])?;
        let how = if args.len() == 1 && kwnames.is_empty() {
            Some(None)
        } else {
            acquire_args(vm, args, kwnames)?
        };
        return Ok(Value::bool(stm_lock_acquire(vm, &raw, how)));
    }
    // Fast path: `lock.acquire()` / `with lock:` on a free lock.
    if args.len() == 1 {
        if let Some(l) = vm.opaque::<LockState>(args[0]) {
            if l.0.try_acquire() {
                return Ok(Value::TRUE);
            }
        }
    }
    let raw = lock_of(vm, args[0])?;
    let how = acquire_args(vm, args, kwnames)?;
    Ok(Value::bool(acquire_raw(vm, &raw, how)))
}

fn lock_release<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("release", args, kwnames, 0, 0)?;
    let released = if M::STM {
        let raw = lock_of(vm, args[0])?;
        stm_lock_release(vm, &raw)
    } else {
        match vm.opaque::<LockState>(args[0]) {
            Some(l) => l.0.release(),
            None => lock_of(vm, args[0])?.release(),
        }
    };
    if released {
        Ok(Value::NONE)
    } else {
        let c = vm.exc.runtime_error;
        Err(vm.error(c, "release unlocked lock"))
    }
}

fn lock_exit<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    lock_release(vm, &args[..1], &[])
}

fn lock_locked<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("locked", args, kwnames, 0, 0)?;
    let raw = lock_of(vm, args[0])?;
    Ok(Value::bool(lock_is_locked(vm, &raw)))
}

/// Whether a plain `Lock` is held (its transactional state under `--stm`).
fn lock_is_locked<M: Mode>(vm: &mut Vm<M>, raw: &RawLock) -> bool {
    if M::STM {
        vm.load_raw(&raw.state) != 0
    } else {
        raw.is_locked()
    }
}

fn lock_repr<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    let raw = lock_of(vm, args[0])?;
    let state = if lock_is_locked(vm, &raw) {
        "locked"
    } else {
        "unlocked"
    };
    let s = format!(
        "<{state} _thread.lock object at {:#x}>",
        args[0].as_header_ptr() as usize
    );
    vm.new_string(s)
}

fn rlock_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    vm.new_opaque(
        args[0],
        RLockState {
            raw: Arc::new(RawLock::new()),
            owner: AtomicU64::new(0),
            count: AtomicU64::new(0),
        },
    )
}

fn rlock_acquire<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.stm_irrevocable();
    let l = rlock_of(vm, args[0])?;
    let how = acquire_args(vm, args, kwnames)?;
    let me = vm.ident;
    if l.owner.load(Ordering::Relaxed) == me {
        l.count.fetch_add(1, Ordering::Relaxed);
        return Ok(Value::TRUE);
    }
    let raw = l.raw.clone();
    if !acquire_raw(vm, &raw, how) {
        return Ok(Value::FALSE);
    }
    l.owner.store(me, Ordering::Relaxed);
    l.count.store(1, Ordering::Relaxed);
    Ok(Value::TRUE)
}

fn rlock_release<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.stm_irrevocable();
    vm.check_method_args("release", args, kwnames, 0, 0)?;
    let l = rlock_of(vm, args[0])?;
    if l.owner.load(Ordering::Relaxed) != vm.ident || l.count.load(Ordering::Relaxed) == 0 {
        let c = vm.exc.runtime_error;
        return Err(vm.error(c, "cannot release un-acquired lock"));
    }
    if l.count.fetch_sub(1, Ordering::Relaxed) == 1 {
        l.owner.store(0, Ordering::Relaxed);
        l.raw.release();
    }
    Ok(Value::NONE)
}

fn rlock_exit<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    rlock_release(vm, &args[..1], &[])
}

fn rlock_is_owned<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    let l = rlock_of(vm, args[0])?;
    Ok(Value::bool(
        l.owner.load(Ordering::Relaxed) == vm.ident && l.count.load(Ordering::Relaxed) > 0,
    ))
}

fn rlock_count<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    let l = rlock_of(vm, args[0])?;
    let n = if l.owner.load(Ordering::Relaxed) == vm.ident {
        l.count.load(Ordering::Relaxed)
    } else {
        0
    };
    Ok(Value::small_int(n as i64))
}

/// `_release_save()`: fully releases an owned RLock, returning `(count, owner)` for `_acquire_restore`.
fn rlock_release_save<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    _kwnames: &[Value],
) -> PyResult<Value> {
    vm.stm_irrevocable();
    let l = rlock_of(vm, args[0])?;
    let count = l.count.load(Ordering::Relaxed);
    if count == 0 || l.owner.load(Ordering::Relaxed) != vm.ident {
        let c = vm.exc.runtime_error;
        return Err(vm.error(c, "cannot release un-acquired lock"));
    }
    let owner = l.owner.swap(0, Ordering::Relaxed);
    l.count.store(0, Ordering::Relaxed);
    l.raw.release();
    let c = Value::small_int(count as i64);
    let o = vm.new_int(owner as i64)?;
    vm.new_tuple(&[c, o])
}

/// `_acquire_restore((count, owner))`: re-acquires (blocking) and restores the recursion count.
fn rlock_acquire_restore<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    _kwnames: &[Value],
) -> PyResult<Value> {
    vm.stm_irrevocable();
    let l = rlock_of(vm, args[0])?;
    let st = args.get(1).copied().unwrap_or(Value::NONE);
    let (count, owner) = match cast::<TupleObj>(st).map(|t| t.as_slice().to_vec()) {
        Some(v) if v.len() == 2 && v[0].is_small_int() && v[1].is_small_int() => {
            (v[0].as_small_int() as u64, v[1].as_small_int() as u64)
        }
        _ => return Err(vm.type_error("_acquire_restore() argument must be (count, owner)")),
    };
    let raw = l.raw.clone();
    acquire_raw(vm, &raw, Some(None));
    l.owner.store(owner, Ordering::Relaxed);
    l.count.store(count, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn rlock_repr<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    let l = rlock_of(vm, args[0])?;
    let owner = l.owner.load(Ordering::Relaxed);
    let state = if owner != 0 { "locked" } else { "unlocked" };
    let tn = vm.tname(args[0]).to_string();
    let s = format!(
        "<{state} _thread.{tn} object owner={owner} count={} at {:#x}>",
        l.count.load(Ordering::Relaxed),
        args[0].as_header_ptr() as usize
    );
    vm.new_string(s)
}

fn start_new_thread<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("start_new_thread", args, kwnames, 2, 3)?;
    let (func, fargs) = (args[0], args[1]);
    let kwargs = args.get(2).copied().unwrap_or(Value::NULL);
    if !vm.is_callable(func) {
        return Err(vm.type_error("first arg must be callable"));
    }
    if !is::<TupleObj>(fargs) {
        return Err(vm.type_error("2nd arg must be a tuple"));
    }
    if kwargs.is_ptr() && !is::<DictObj>(kwargs) {
        return Err(vm.type_error("optional 3rd arg must be a dictionary"));
    }
    let ident = vm.start_thread(func, fargs, kwargs)?;
    vm.new_int(ident as i64)
}

fn get_ident<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("get_ident", args, kwnames, 0, 0)?;
    vm.new_int(vm.ident as i64)
}

/// The OS thread id (Linux: the tid from /proc/thread-self), else the ident.
fn get_native_id<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("get_native_id", args, kwnames, 0, 0)?;
    let tid = std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|p| p.file_name()?.to_str()?.parse::<i64>().ok())
        .unwrap_or(vm.ident as i64);
    vm.new_int(tid)
}

fn count<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("_count", args, kwnames, 0, 0)?;
    vm.new_int(crate::interp::threads::running_threads() as i64)
}

fn stack_size<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("stack_size", args, kwnames, 0, 1)?;
    Ok(Value::small_int(0))
}

fn exit_thread<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("exit", args, kwnames, 0, 0)?;
    let c = vm.exc.system_exit;
    let e = vm.call(c, &[], &[])?;
    Err(crate::interp::PyErr::Exc(e))
}

/// `_thread._format_exception(exc)`: the traceback report CPython prints for `exc` (Weft helper used by
/// `threading.excepthook`).
fn format_exception<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("_format_exception", args, kwnames, 1, 1)?;
    let s = vm.format_exception(args[0]);
    vm.new_string(s)
}

/// `_thread._main_ident()`: the main thread's ident (Weft helper for `threading.main_thread`).
fn main_ident<M: Mode>(_vm: &mut Vm<M>, _args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    Ok(Value::small_int(1))
}

/// `_thread._monotonic()`: seconds on a monotonic clock (Weft helper for `threading`'s timeouts).
fn monotonic<M: Mode>(_vm: &mut Vm<M>, _args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    Ok(Value::float(start.elapsed().as_secs_f64() + 1.0))
}

/// A new builtin class `_thread.<name>` with `__new__` = `new`.
fn new_type<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    new: crate::interp::NativeFn<M>,
) -> PyResult<Value> {
    let ns = vm.new_dict()?;
    vm.temp_roots.push(ns);
    let r = (|| {
        let m = vm.new_str("_thread")?;
        vm.dict_set_str(ns, "__module__", m)?;
        let n = vm.new_str(name)?;
        let bases = vm.new_tuple(&[])?;
        let tt = vm.types.type_;
        let t = vm.new_class(tt, n, bases, ns, &[])?;
        vm.def_static(t, "__new__", new)?;
        Ok(t)
    })();
    vm.temp_roots.pop();
    r
}

/// Creates the `_thread` module.
pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let m = vm.new_module("_thread")?;
    let d = obj::<ModuleObj>(m).dict;
    let lock = new_type(vm, "lock", lock_new)?;
    vm.dict_set_str(d, "LockType", lock)?;
    vm.dict_set_str(d, "lock", lock)?;
    for (name, f) in [
        ("acquire", lock_acquire as crate::interp::NativeFn<M>),
        ("acquire_lock", lock_acquire),
        ("__enter__", lock_acquire),
        ("release", lock_release),
        ("release_lock", lock_release),
        ("__exit__", lock_exit),
        ("locked", lock_locked),
        ("locked_lock", lock_locked),
        ("__repr__", lock_repr),
    ] {
        vm.def_method(lock, name, f)?;
    }
    let rlock = new_type(vm, "RLock", rlock_new)?;
    vm.dict_set_str(d, "RLock", rlock)?;
    for (name, f) in [
        ("acquire", rlock_acquire as crate::interp::NativeFn<M>),
        ("__enter__", rlock_acquire),
        ("release", rlock_release),
        ("__exit__", rlock_exit),
        ("_is_owned", rlock_is_owned),
        ("_recursion_count", rlock_count),
        ("_release_save", rlock_release_save),
        ("_acquire_restore", rlock_acquire_restore),
        ("__repr__", rlock_repr),
    ] {
        vm.def_method(rlock, name, f)?;
    }
    vm.def_fn(d, "start_new_thread", start_new_thread)?;
    vm.def_fn(d, "start_new", start_new_thread)?;
    vm.def_fn(d, "allocate_lock", allocate_lock)?;
    vm.def_fn(d, "allocate", allocate_lock)?;
    vm.def_fn(d, "get_ident", get_ident)?;
    vm.def_fn(d, "get_native_id", get_native_id)?;
    vm.def_fn(d, "_count", count)?;
    vm.def_fn(d, "stack_size", stack_size)?;
    vm.def_fn(d, "exit", exit_thread)?;
    vm.def_fn(d, "exit_thread", exit_thread)?;
    vm.def_fn(d, "_format_exception", format_exception)?;
    vm.def_fn(d, "_main_ident", main_ident)?;
    vm.def_fn(d, "_monotonic", monotonic)?;
    vm.dict_set_str(d, "TIMEOUT_MAX", Value::float(TIMEOUT_MAX))?;
    let err = vm.exc.runtime_error;
    vm.dict_set_str(d, "error", err)?;
    Ok(m)
}
