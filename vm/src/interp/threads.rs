//! Python threads in GIL mode: the global interpreter lock, the registry of parked threads, blocking
//! points, and starting a thread.
//!
//! # Model (ARCHITECTURE.md, "Threads and the GIL")
//! Every Python thread is an OS thread with its own `Vm` (frame stack, value stack, allocation context)
//! sharing the heap, the runtime tables, the native-function table and the interned strings. A thread runs
//! Python code only while it holds [`GIL`] (`weft_scheduler::Gil`: fair FIFO hand-off, switch interval).
//!
//! # Invariants the GC relies on
//! * **Every thread that does not hold the GIL is parked**: before giving up the GIL a thread publishes a
//!   pointer to its `Vm` and its native stack range `[lo, hi)` (registers spilled) in [`PARKED`]; it
//!   removes the entry only after it holds the GIL again. Between the two it does not touch its `Vm` and
//!   does not return into the frames of that stack range.
//! * The collector runs only in the GIL holder (at a safepoint), so while it runs every other thread is
//!   parked: its roots are its published `Vm` (traced through the type-erased `trace` function) and its
//!   published stack range (scanned conservatively). A thread that was created but has not started yet is
//!   parked with its `Vm` (holding the callable and arguments in `temp_roots`) and no stack.
//! * Blocking operations (sleep, lock and condition waits, join, I/O) go through [`Vm::allow_threads`],
//!   which is the one "leave the interpreter, block, come back" point; the `--stm` scheduler will reuse it.
//!
//! Until the first thread is started, nothing here costs anything: `allow_threads` runs its closure
//! directly and the safepoint never sees a drop request.

use crate::access::{Mode, TxCtx};
use crate::interp::{NativeEntry, PyResult, Vm};
use crate::object::trace_value;
use crate::value::Value;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use weft_gc::Tracer;
use weft_scheduler::{Gil, World};

/// The process's GIL.
pub static GIL: Gil = Gil::new();

/// Set once the first thread other than the main thread is started (then the GIL matters).
static THREADS_STARTED: AtomicBool = AtomicBool::new(false);

/// Next thread identifier (`threading.get_ident()`); the main thread is 1.
static NEXT_IDENT: AtomicU64 = AtomicU64::new(2);

/// Number of threads started with `_thread.start_new_thread` that have not finished (`_thread._count()`).
static RUNNING: AtomicUsize = AtomicUsize::new(0);

/// Stack reserved for each thread other than the main one (virtual memory; pages are touched only by
/// deep nested native -> Python calls, which check the remaining stack and raise RecursionError).
pub const THREAD_STACK_SIZE: usize = 256 << 20;

/// One parked thread (see the module invariants).
struct Parked {
    /// The parked thread's `Vm`, type-erased.
    vm: *const (),
    /// Traces the roots of the `Vm` behind `vm`. SAFETY contract of the call: the pointer must be this
    /// entry's `vm` (the `Vm<M>` the function was instantiated for), and its thread must be parked.
    trace: unsafe fn(*const (), &mut Tracer<'_>),
    /// The thread's live native stack range, if it has started running.
    stack: Option<(usize, usize)>,
}

// SAFETY: the pointer is only dereferenced by the collector while it holds the GIL, when the owning thread
// is parked and does not touch its `Vm` (module invariants); moving the record between threads moves no
// access rights beyond that.
unsafe impl Send for Parked {}

/// The parked threads.
static PARKED: Mutex<Vec<Parked>> = Mutex::new(Vec::new());

fn parked() -> MutexGuard<'static, Vec<Parked>> {
    PARKED.lock().unwrap_or_else(|e| e.into_inner())
}

/// What every thread's `Vm` shares: the native-function table (ids are global) and the interned strings.
pub struct Shared<M: Mode> {
    pub natives: Mutex<Vec<NativeEntry<M>>>,
    pub interned: Mutex<HashMap<Box<str>, Value>>,
}

impl<M: Mode> Shared<M> {
    pub fn new() -> Arc<Shared<M>> {
        Arc::new(Shared {
            natives: Mutex::new(Vec::new()),
            interned: Mutex::new(HashMap::new()),
        })
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The process-wide stdout buffer (all threads print into one stream, in GIL order).
static STDOUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// Appends to the process-wide stdout buffer; returns its new length.
pub fn stdout_append(b: &[u8]) -> usize {
    let mut g = lock(&STDOUT);
    g.extend_from_slice(b);
    g.len()
}

/// Writes the stdout buffer to the process's stdout.
pub fn stdout_flush() {
    use std::io::Write;
    let mut g = lock(&STDOUT);
    if g.is_empty() {
        return;
    }
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(&g);
    let _ = out.flush();
    g.clear();
}

/// Whether any thread besides the main one was ever started.
#[inline(always)]
pub fn threads_started() -> bool {
    THREADS_STARTED.load(Ordering::Relaxed)
}

/// Number of running threads started by `_thread.start_new_thread`.
pub fn running_threads() -> usize {
    RUNNING.load(Ordering::SeqCst)
}

/// Traces the roots of one thread's `Vm`.
///
/// # Safety
/// `p` must point to a live `Vm<M>` whose thread is parked (does not touch it) for the whole call.
unsafe fn trace_vm<M: Mode>(p: *const (), t: &mut Tracer<'_>) {
    // SAFETY: guaranteed by the caller (the module invariants: the owner is parked, the Vm outlives its
    // registry entry because the owner removes the entry before it drops or touches the Vm again).
    let vm = unsafe { &*(p as *const Vm<M>) };
    vm.trace_thread_roots(t);
}

/// Traces every parked thread: its `Vm` roots and, conservatively, its native stack.
///
/// # Safety
/// The caller holds the GIL for the whole call (so every published owner stays parked), as the collector
/// does at a safepoint.
pub unsafe fn trace_parked(t: &mut Tracer<'_>, decode: &weft_gc::trace::DecodeFn) {
    let g = parked();
    for p in g.iter() {
        // SAFETY: entries are published by their owners under the invariants above and the caller holds
        // the GIL (this function's contract), so each owner is parked for the duration of the call.
        unsafe { (p.trace)(p.vm, t) };
        if let Some((lo, hi)) = p.stack {
            // SAFETY: [lo, hi) is the parked thread's live stack, published from inside
            // `with_stack_range` (registers spilled); the thread stays inside that call, below `lo`, until
            // it has the GIL back, so the range stays mapped and unchanged while we scan it.
            unsafe { t.scan_conservative(lo, hi, decode) };
        }
    }
}

fn publish<M: Mode>(vm: &Vm<M>, stack: Option<(usize, usize)>) {
    parked().push(Parked {
        vm: vm as *const Vm<M> as *const (),
        trace: trace_vm::<M>,
        stack,
    });
}

fn unpublish<M: Mode>(vm: &Vm<M>) {
    unpublish_addr(vm as *const Vm<M> as *const ());
}

/// Removes the registry entry of the `Vm` at `addr` (also used after a failed spawn, when the `Vm` is
/// already gone and only its address is left).
fn unpublish_addr(addr: *const ()) {
    let mut g = parked();
    if let Some(i) = g.iter().position(|p| p.vm == addr) {
        g.swap_remove(i);
    }
}

impl<M: Mode> Vm<M> {
    /// The blocking point: runs `f` (which must not touch the heap or any Python object) with the GIL
    /// released, then takes the GIL back. Other threads run, and may collect garbage, meanwhile.
    pub fn allow_threads<R>(&mut self, f: impl FnOnce() -> R) -> R {
        if !threads_started() {
            return f();
        }
        if M::STM {
            return self.stm_blocking(f);
        }
        self.mutator.park();
        let me: &Vm<M> = self;
        weft_gc::stack::with_stack_range(|lo, hi| {
            publish(me, Some((lo, hi)));
            GIL.release();
            let r = f();
            GIL.acquire();
            unpublish(me);
            r
        })
    }

    /// Gives other threads their turn if one asked (called at safepoints).
    pub fn switch_threads(&mut self) {
        if GIL.drop_requested() && self.atomic_depth == 0 {
            self.allow_threads(|| ());
        }
    }

    /// This thread's precise roots (for the collector; also used for parked threads).
    pub fn trace_thread_roots(&self, t: &mut Tracer<'_>) {
        for v in &self.stack {
            trace_value(t, *v);
        }
        for f in &self.frames {
            f.trace(t);
        }
        for v in &self.temp_roots {
            trace_value(t, *v);
        }
        trace_value(t, self.exc_info);
        for v in &self.repr_stack {
            trace_value(t, *v);
        }
        if M::STM {
            self.cx.trace(t);
            self.txs.trace(t);
        }
    }

    /// A `Vm` for a new thread: shares the heap, the runtime tables, natives and interned strings.
    pub fn new_thread_vm(&self) -> Vm<M> {
        Vm {
            cx: crate::access::TxCtx::new(),
            txs: crate::interp::stm_sched::TxState::new(),
            heap: self.heap,
            mutator: weft_gc::Mutator::new(self.heap),
            stack: Vec::with_capacity(256),
            frames: Vec::new(),
            temp_roots: Vec::new(),
            types: self.types,
            exc: self.exc,
            rt: self.rt,
            natives: Vec::new(),
            shared: self.shared.clone(),
            exc_info: Value::NULL,
            interned: HashMap::new(),
            recursion_limit: self.recursion_limit,
            native_depth: 0,
            atomic_depth: 0,
            reraising: false,
            repr_stack: Vec::new(),
            ident: NEXT_IDENT.fetch_add(1, Ordering::Relaxed),
            attr_memo: crate::interp::attr::AttrMemo::new(),
            _mode: std::marker::PhantomData,
        }
    }

    /// Starts a thread that calls `func(*args, **kwargs)` (`kwargs` may be NULL) and returns its ident.
    /// An exception escaping `func` is reported on stderr like CPython's `_thread` does, except
    /// `SystemExit`, which ends the thread silently.
    pub fn start_thread(&mut self, func: Value, args: Value, kwargs: Value) -> PyResult<u64> {
        let mut child = Box::new(self.new_thread_vm());
        child.temp_roots.extend([func, args, kwargs]);
        let ident = child.ident;
        let addr = &*child as *const Vm<M> as *const ();
        THREADS_STARTED.store(true, Ordering::SeqCst);
        publish(&*child, None);
        RUNNING.fetch_add(1, Ordering::SeqCst);
        let child = SendBox(child);
        let spawned = std::thread::Builder::new()
            .stack_size(THREAD_STACK_SIZE)
            .spawn(move || thread_main(child));
        match spawned {
            Ok(_) => Ok(ident),
            Err(_) => {
                // The failed spawn dropped the closure and the child Vm in it: retract its entry (by the
                // address it had; we hold the GIL, so no collector looked at it meanwhile).
                unpublish_addr(addr);
                RUNNING.fetch_sub(1, Ordering::SeqCst);
                let c = self.exc.runtime_error;
                Err(self.error(c, "can't start new thread"))
            }
        }
    }

    /// `func(*args, **kwargs)` with `args` a tuple and `kwargs` a dict or NULL.
    pub fn call_with_mapping(
        &mut self,
        func: Value,
        args: Value,
        kwargs: Value,
    ) -> PyResult<Value> {
        let mut a: Vec<Value> = match crate::object::cast::<crate::object::TupleObj>(args) {
            Some(t) => t.as_slice().to_vec(),
            None => self.collect_iterable(args)?,
        };
        let mut names = Vec::new();
        if kwargs.is_ptr() && kwargs != Value::NONE {
            for (k, v) in self.dict_items_vec(kwargs) {
                names.push(k);
                a.push(v);
            }
        }
        self.temp_roots.push(args);
        self.temp_roots.push(kwargs);
        let r = self.call(func, &a, &names);
        self.temp_roots.truncate(self.temp_roots.len() - 2);
        r
    }
}

/// A `Vm` moved to its new thread.
struct SendBox<M: Mode>(Box<Vm<M>>);

// SAFETY: a `Vm` is only ever used by one thread at a time: the spawning thread creates it and hands it
// over without keeping references (the registry entry is only read by a collector holding the GIL, which
// the new thread does not hold until it unpublishes); its `Value`s are plain words into the shared heap.
unsafe impl<M: Mode> Send for SendBox<M> {}

fn thread_main<M: Mode>(b: SendBox<M>) {
    let base = 0u8;
    weft_gc::stack::register_thread_stack_base(&base as *const u8 as usize);
    run_thread(b.0);
    std::hint::black_box(&base);
}

#[inline(never)]
fn run_thread<M: Mode>(mut vm: Box<Vm<M>>) {
    if M::STM {
        WORLD.inc_active();
        WORLD.enter();
        unpublish(&*vm);
        vm.stm_thread_begin();
    } else {
        GIL.acquire();
        unpublish(&*vm);
    }
    let (func, args, kwargs) = (vm.temp_roots[0], vm.temp_roots[1], vm.temp_roots[2]);
    let r = if M::STM {
        // An abort must be caught by the loop where its transaction began; one that escapes to here is
        // a VM bug: say so instead of letting the thread vanish.
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            vm.call_with_mapping(func, args, kwargs)
        })) {
            Ok(r) => r,
            Err(p) => {
                if p.is::<crate::access::stm::StmAbort>() {
                    eprintln!(
                        "weft: internal error: a transaction abort escaped thread {} ({})",
                        vm.ident,
                        vm.stm_debug_state()
                    );
                    std::process::abort();
                }
                std::panic::resume_unwind(p)
            }
        }
    } else {
        vm.call_with_mapping(func, args, kwargs)
    };
    if let Err(e) = r {
        let exc = vm.exc_value(&e);
        let se = vm.exc.system_exit;
        if !vm.is_instance(exc, se) {
            let fr = vm.repr_string(func).unwrap_or_else(|_| "?".into());
            let text = vm.format_exception(exc);
            vm.write_stderr(&format!(
                "Unhandled exception in thread started by {fr}\n{text}"
            ));
        }
    }
    vm.temp_roots.clear();
    if M::STM {
        vm.stm_thread_end();
        drop(vm);
        RUNNING.fetch_sub(1, Ordering::SeqCst);
        // `leave` first, so that a thread this one leaves alone finds itself the only one running
        // when the active count's hint makes it try to go exclusive.
        WORLD.leave();
        WORLD.dec_active();
    } else {
        drop(vm);
        RUNNING.fetch_sub(1, Ordering::SeqCst);
        GIL.release();
    }
}

/// The import lock: (owner ident, depth). See `Vm::import_dotted`.
static IMPORT_LOCK: Mutex<(u64, usize)> = Mutex::new((0, 0));
static IMPORT_FREED: std::sync::Condvar = std::sync::Condvar::new();

/// Takes the import lock for `vm`'s thread (reentrant) if threads were started; returns whether it did
/// (wrap that in an [`ImportLockHeld`]). Waiting happens at a blocking point, without the GIL.
pub fn import_lock_acquire<M: Mode>(vm: &mut Vm<M>) -> bool {
    if !threads_started() {
        return false;
    }
    let me = vm.ident;
    {
        let mut g = lock(&IMPORT_LOCK);
        if g.0 == 0 || g.0 == me {
            g.0 = me;
            g.1 += 1;
            return true;
        }
    }
    vm.allow_threads(|| {
        let mut g = lock(&IMPORT_LOCK);
        while g.0 != 0 {
            g = IMPORT_FREED.wait(g).unwrap_or_else(|e| e.into_inner());
        }
        g.0 = me;
        g.1 = 1;
    });
    true
}

/// One level of the import lock taken by [`import_lock_acquire`] for the thread with this ident
/// (None: none was taken); dropping it releases that level.
pub struct ImportLockHeld(pub Option<u64>);

impl Drop for ImportLockHeld {
    fn drop(&mut self) {
        let Some(me) = self.0 else { return };
        let mut g = lock(&IMPORT_LOCK);
        debug_assert_eq!(g.0, me);
        g.1 -= 1;
        if g.1 == 0 {
            g.0 = 0;
            drop(g);
            IMPORT_FREED.notify_all();
        }
    }
}

// ----- --stm: no GIL; a stop-the-world handshake for the collector ------------------------------------

/// Under `--stm` the threads that run Python code (not parked) and whether a stop-the-world collection
/// is under way (`weft_scheduler::World`: the protocol and its invariants are documented there). A thread
/// parks exactly as in GIL mode (publishes its `Vm` and stack range) whenever it blocks or a collection
/// is requested; the collector waits until it is the only running thread.
static WORLD: World = World::new();

pub use weft_scheduler::world::{ATTN_STW, ATTN_TOKEN};

/// Whether anything needs the running threads' attention (one relaxed load).
#[inline(always)]
pub fn attention() -> bool {
    WORLD.attention()
}

/// Asks the holder of the inevitable token to end its transaction at its next switch point.
pub fn want_token() {
    WORLD.want_token();
}

/// Whether a thread waits for the inevitable token.
pub fn token_wanted() -> bool {
    WORLD.token_wanted()
}

/// Called when the inevitable transaction ends: waiters set the flag again if they still wait.
pub fn token_released() {
    WORLD.token_released();
}

/// Whether a stop-the-world collection is requested (one relaxed load).
#[inline(always)]
pub fn stw_requested() -> bool {
    WORLD.stw_requested()
}

/// Number of threads not blocked at a blocking point under `--stm` (a hint: threads only paused for a
/// collection still count; a thread alone runs inevitable, with nothing to conflict with).
pub fn stm_running() -> usize {
    WORLD.active()
}

/// Tries to make the calling thread (running, inside an inevitable transaction) the only one allowed to
/// run Python code until [`end_exclusive`] or its next park (`World::try_go_exclusive`).
pub fn try_go_exclusive() -> bool {
    WORLD.try_go_exclusive()
}

/// Ends the calling thread's exclusive run.
pub fn end_exclusive() {
    WORLD.end_exclusive();
}

/// Whether a thread waits to enter while the caller runs exclusive (one relaxed load).
#[inline(always)]
pub fn exclusive_wanted() -> bool {
    WORLD.exclusive_wanted()
}

/// Whether the active count dropped to one since the last call (clears the hint).
pub fn take_alone_hint() -> bool {
    WORLD.take_alone_hint()
}

/// Number of exclusive runs begun so far.
pub fn exclusive_epoch() -> u64 {
    WORLD.exclusive_epoch()
}

/// Freezes the world for good at process exit: every other thread parks at its next safepoint and never
/// runs again (like GIL mode, where the exiting main thread keeps the GIL).
pub fn world_freeze() {
    WORLD.freeze();
}

impl<M: Mode> Vm<M> {
    /// `--stm`: the main thread's `Vm`, counted as running (no GIL to take), inside its first
    /// transaction.
    pub fn new_stm_main() -> Vm<M> {
        WORLD.inc_active();
        WORLD.enter();
        let mut vm: Vm<M> = Vm::new();
        vm.txs.stats.ident = vm.ident;
        if !vm.cx.active() {
            vm.stm_begin(false);
        }
        vm
    }

    /// `--stm`: parks this thread (publishing its roots, like `allow_threads` in GIL mode) around `f`,
    /// which must not touch the heap; on the way back waits while a collection runs. The caller has made
    /// sure its transaction holds no write locks (or is inevitable): parked threads never hold locks
    /// another transaction could wait for.
    pub fn stm_park<R>(&mut self, f: impl FnOnce() -> R) -> R {
        self.stm_park_as(false, f)
    }

    /// `stm_park` for a blocking point (`blocking`: the thread does not count as active meanwhile).
    pub fn stm_park_as<R>(&mut self, blocking: bool, f: impl FnOnce() -> R) -> R {
        self.mutator.park();
        // `leave` ends an exclusive run in the world; the barriers must be back first.
        if self.cx.exclusive() {
            self.cx.set_exclusive(false);
            self.stm_exclusive_ended();
        }
        let me: &Vm<M> = self;
        weft_gc::stack::with_stack_range(|lo, hi| {
            publish(me, Some((lo, hi)));
            WORLD.leave();
            // After `leave`: a thread left alone by this one (the active count's hint) can then go
            // exclusive at once, instead of finding this one still counted as running.
            if blocking {
                WORLD.dec_active();
            }
            let r = f();
            if blocking {
                WORLD.inc_active();
            }
            WORLD.enter();
            unpublish(me);
            r
        })
    }

    /// `--stm`: collects now, stopping the world: waits until every other thread is parked, collects
    /// (their published roots included), lets them go. If another thread is already collecting, parks
    /// until it is done instead. The caller's transaction holds no write locks (or is inevitable).
    pub fn stm_collect(&mut self) {
        self.stm_collect_with(false);
    }

    /// [`Vm::stm_collect`], sweeping everything before the world restarts if `eager` (`gc.collect()`).
    pub fn stm_collect_with(&mut self, eager: bool) {
        if !WORLD.try_stop_the_world() {
            self.stm_park(|| ());
            return;
        }
        crate::interp::gc::collect(self, eager);
        WORLD.restart_the_world();
    }
}
