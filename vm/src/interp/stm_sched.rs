//! `--stm`: where transactions begin and end, how an abort restores the thread, and what they cost
//! (docs/stm.md has the design; this is its code).
//!
//! # Transactions of one thread
//! A thread always runs inside a transaction (`Vm::cx`), from its start to its end. A transaction ends
//! (commits, and the next begins) only at a *boundary*:
//! * a **switch point** of the eval loop (a frame entered or returned to, a backward jump: the same
//!   places where GIL mode may switch threads) once the transaction's budget of switch points is spent
//!   (adaptive: halved after an abort, grown after commits), never inside a `pypystm.atomic` block;
//! * a **blocking point** (`Vm::allow_threads`: lock waits, sleep, join, I/O waits): commit, block parked
//!   outside any transaction, begin again.
//!
//! # Restarting after an abort
//! A barrier that finds a conflict unwinds (`access::stm`). The unwind is caught by the interpreter loop
//! (`run_loop`) in which the transaction began (its *root level*): it rolls the heap back (undo log),
//! puts back the generator frames the attempt changed, restores the thread's frames, value stack and
//! bookkeeping from the snapshot taken when the transaction began, and runs the loop again. Nothing of
//! the attempt stays visible: its stdout output is buffered until commit.
//!
//! A transaction can only be restarted from inside its root loop. So a transaction that began at a
//! switch point becomes *inevitable* (it can no longer abort) before its root loop returns into native
//! code, and one that begins inside native code (after a blocking point, at thread start) is inevitable
//! from the start; both end at the next switch point, where a normal transaction begins. Irrevocable
//! operations (stderr, file I/O, anything with effects outside the heap) make the transaction
//! inevitable first ([`Vm::stm_irrevocable`]). A thread that aborted [`weft_stm::INEVITABLE_AFTER`]
//! times in a row runs its next attempt inevitable (progress), and a thread running alone runs
//! inevitable (no read log, nothing to validate).
//!
//! # Exclusive runs
//! A thread alone in the world (every other thread blocked) also tries `threads::try_go_exclusive`:
//! then no other thread enters until it ends the run, and its barriers are plain accesses
//! (`TxCtx::set_exclusive`). It keeps the run across its transactions (with a long budget) and ends it
//! at the commit after another thread asked to enter (`ATTN_EXCL`, polled at switch points) or when it
//! parks. A transaction that was parked with a live read set while some thread ran exclusive aborts
//! when it comes back (`stm_after_park`): the run's writes did not bump any orec version.
//!
//! # The collector
//! Stop-the-world (`interp::threads`): a thread that sees a collection requested at a switch point parks
//! like a blocked thread. A parked thread never holds write locks of a transaction that may abort
//! (it commits or aborts first), so an inevitable transaction waiting for a lock owner never waits for
//! a parked thread. The snapshot, saved generator frames and undo log are roots.

use crate::access::{Abort, Mode, Slot, TxCtx};
use crate::interp::frame::{FrameInfo, SavedFrame};
use crate::interp::threads;
use crate::interp::{Vm, STM_THREAD_MASK};
use crate::object::{obj, trace_value, ByteArrayObj, CodeObj, GeneratorObj, TYPE_EPOCH};
use crate::value::Value;
use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};
use weft_gc::Tracer;

/// Switch points a transaction may run before it ends, bounds of the adaptive budget (the upper bound
/// can be set with `WEFT_STM_BUDGET_MAX`, for experiments: see `configure`).
const BUDGET_MIN: u32 = 4;
const BUDGET_MAX: u32 = 1024;
static BUDGET_MAX_ON: AtomicU32 = AtomicU32::new(BUDGET_MAX);
/// Switch points per transaction of a thread running exclusive (nothing to conflict with: transactions
/// end only to publish output and statistics, or when another thread wants to enter).
const BUDGET_EXCLUSIVE: u32 = 1 << 16;
/// Extra budgets a transaction may run in a loop nested below the level where it began (see
/// `stm_switch_point`).
const NESTED_OVERRUN: u32 = 16;
const BUDGET_START: u32 = 128;

/// Abort causes, in the order of [`ThreadStats::aborts`].
pub const CAUSES: [&str; 7] = [
    "read-locked",
    "write-locked",
    "validation",
    "inevitable",
    "killed",
    "yield",
    "unfrozen",
];

fn cause_index(a: Abort) -> usize {
    match a {
        Abort::ReadLocked => 0,
        Abort::WriteLocked => 1,
        Abort::Validation => 2,
        Abort::InevitableRunning => 3,
        Abort::Killed => 4,
        Abort::Yield => 5,
        Abort::Unfrozen => 6,
    }
}

/// What one thread's transactions did (`--stm-stats`).
#[derive(Default, Clone, Debug)]
pub struct ThreadStats {
    pub ident: u64,
    pub commits: u64,
    pub aborts: [u64; 7],
    /// Transactions that ran inevitable (all or part of their life).
    pub inevitable: u64,
    /// Wall time of aborted attempts (work thrown away).
    pub lost: Duration,
    /// Time spent waiting: for the inevitable token, and blocked at blocking points.
    pub wait: Duration,
    /// Time spent running inevitable.
    pub inevitable_time: Duration,
    /// Time spent running exclusive (the only thread in the world: no barriers).
    pub exclusive_time: Duration,
}

/// The thread state an abort restores.
struct Snapshot {
    frames: Vec<FrameInfo>,
    stack: Vec<Value>,
    temp_roots: usize,
    repr_stack: usize,
    exc_info: Value,
    native_depth: usize,
    atomic_depth: usize,
}

/// One thread's scheduling state under `--stm` (unused in GIL mode).
pub struct TxState {
    /// Nesting depth of interpreter loops (`run_loop`) on this thread.
    pub level: usize,
    /// Level of the loop where the running transaction began, if it can be restarted (None: inevitable
    /// or no transaction).
    root: Option<usize>,
    snap: Snapshot,
    /// Generator frames as they were before the running transaction first changed them.
    gens: Vec<(Value, Option<Box<SavedFrame>>)>,
    /// Bytearray contents as they were before the running transaction first changed them.
    bytearrays: Vec<(Value, Vec<u8>)>,
    /// stdout written by the running (not inevitable) transaction, published at commit.
    pub out: Vec<u8>,
    /// Effects outside the heap the running transaction asked for, run after it commits (wake-ups of
    /// threads waiting for a lock it released); dropped if it aborts.
    after_commit: Vec<Box<dyn FnOnce()>>,
    /// Switch points left before the transaction ends.
    pub budget: u32,
    /// Id of the running attempt (0: none); objects whose header `stm` word holds it are owned.
    pub cur_id: u64,
    /// `TYPE_EPOCH` when the attempt began: attribute inline caches are read without barriers, so a
    /// transaction that ran while a class namespace changed must not commit (it may have mixed cached
    /// and current class state).
    epoch: u64,
    /// `threads::exclusive_epoch()` when the attempt began: if another thread ran exclusive (without
    /// barriers) while this one was parked, the attempt's reads cannot be validated (it aborts).
    excl_epoch: u64,
    /// When the thread's exclusive run began (None: not exclusive).
    exclusive_since: Option<Instant>,
    budget_max: u32,
    /// Extra budgets granted to the running transaction in nested loops.
    overrun: u32,
    /// Aborts in a row of the current transaction.
    attempts: u32,
    started: Option<Instant>,
    inevitable_since: Option<Instant>,
    pub stats: ThreadStats,
}

impl TxState {
    pub fn new() -> TxState {
        TxState {
            level: 0,
            root: None,
            snap: Snapshot {
                frames: Vec::new(),
                stack: Vec::new(),
                temp_roots: 0,
                repr_stack: 0,
                exc_info: Value::NULL,
                native_depth: 0,
                atomic_depth: 0,
            },
            gens: Vec::new(),
            bytearrays: Vec::new(),
            out: Vec::new(),
            after_commit: Vec::new(),
            budget: BUDGET_START,
            cur_id: 0,
            epoch: 0,
            excl_epoch: 0,
            exclusive_since: None,
            budget_max: BUDGET_START,
            overrun: 0,
            attempts: 0,
            started: None,
            inevitable_since: None,
            stats: ThreadStats::default(),
        }
    }

    /// The values an abort could bring back: roots for the collector.
    pub fn trace(&self, t: &mut Tracer<'_>) {
        for f in &self.snap.frames {
            f.trace(t);
        }
        for v in &self.snap.stack {
            trace_value(t, *v);
        }
        trace_value(t, self.snap.exc_info);
        for (b, _) in &self.bytearrays {
            trace_value(t, *b);
        }
        for (g, f) in &self.gens {
            trace_value(t, *g);
            if let Some(f) = f {
                f.trace(t);
            }
        }
    }
}

impl TxState {
    /// Whether the running transaction began in the loop at `level` (and can restart there).
    pub fn is_root(&self, level: usize) -> bool {
        self.root == Some(level)
    }
}

impl Default for TxState {
    fn default() -> Self {
        TxState::new()
    }
}

// ----- process-wide: statistics and the conflict log ---------------------------------------------------

/// `--stm-stats`: print the statistics at exit.
static STATS_ON: AtomicBool = AtomicBool::new(false);
/// Exclusive runs allowed (off with `--stm-no-exclusive`).
static EXCLUSIVE_ON: AtomicBool = AtomicBool::new(true);
/// Statistics of finished threads.
/// Statistics of every thread but the main one, by ident, filed at each commit while `--stm-stats` is
/// on (a thread may still be finishing when the main thread prints the report at exit).
static FINISHED: Mutex<Vec<ThreadStats>> = Mutex::new(Vec::new());

/// The conflict log (`WEFT_STM_LOG=file`): the file, the process start, the last writer of each
/// orec (thread ident, "file:line"), and the last write to a frozen object (the other side of every
/// `unfrozen` abort: any such write aborts every transaction that read frozen data).
struct Log {
    file: std::fs::File,
    start: Instant,
    writers: HashMap<usize, (u64, String)>,
    unfroze: Option<(u64, String)>,
}

static LOG: OnceLock<Option<Mutex<Log>>> = OnceLock::new();
static LOG_ON: AtomicBool = AtomicBool::new(false);

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Turns on `--stm-stats`, exclusive runs (unless `--stm-no-exclusive`) and, if `WEFT_STM_LOG` is set,
/// the conflict log. Called once at startup.
pub fn configure(stats: bool, exclusive: bool) {
    STATS_ON.store(stats, Ordering::Relaxed);
    EXCLUSIVE_ON.store(exclusive, Ordering::Relaxed);
    if let Some(n) = std::env::var("WEFT_STM_BUDGET_MAX")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
    {
        BUDGET_MAX_ON.store(n.max(BUDGET_MIN), Ordering::Relaxed);
    }
    LOG.get_or_init(|| {
        let path = std::env::var_os("WEFT_STM_LOG")?;
        match std::fs::File::create(&path) {
            Ok(file) => {
                LOG_ON.store(true, Ordering::Relaxed);
                Some(Mutex::new(Log {
                    file,
                    start: Instant::now(),
                    writers: HashMap::new(),
                    unfroze: None,
                }))
            }
            Err(e) => {
                eprintln!(
                    "weft: cannot write the STM log {}: {e}",
                    path.to_string_lossy()
                );
                None
            }
        }
    });
}

/// Whether the conflict log is on (one relaxed load; the write barrier's caller checks it).
#[inline(always)]
pub fn log_on() -> bool {
    LOG_ON.load(Ordering::Relaxed)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Prints the `--stm-stats` report on stderr (at exit, after every thread's statistics were added).
pub fn print_stats(main: &ThreadStats) {
    if !STATS_ON.load(Ordering::Relaxed) {
        return;
    }
    let mut all: Vec<ThreadStats> = lock(&FINISHED)
        .iter()
        .filter(|s| s.ident != main.ident)
        .cloned()
        .collect();
    all.push(main.clone());
    all.sort_by_key(|s| s.ident);
    let mut tot = ThreadStats::default();
    for s in &all {
        tot.commits += s.commits;
        for i in 0..CAUSES.len() {
            tot.aborts[i] += s.aborts[i];
        }
        tot.inevitable += s.inevitable;
        tot.lost += s.lost;
        tot.wait += s.wait;
        tot.inevitable_time += s.inevitable_time;
        tot.exclusive_time += s.exclusive_time;
    }
    let aborts: u64 = tot.aborts.iter().sum();
    let mut out = format!(
        "stm: commits: {} aborts: {} inevitable: {} time lost: {:.1} ms waits: {:.1} ms inevitable time: {:.1} ms threads: {} exclusive time: {:.1} ms\n",
        tot.commits,
        aborts,
        tot.inevitable,
        ms(tot.lost),
        ms(tot.wait),
        ms(tot.inevitable_time),
        all.len(),
        ms(tot.exclusive_time)
    );
    let causes: Vec<String> = CAUSES
        .iter()
        .zip(tot.aborts)
        .map(|(c, n)| format!("{c} {n}"))
        .collect();
    out.push_str(&format!("stm: aborts by cause: {}\n", causes.join(", ")));
    for s in &all {
        out.push_str(&format!(
            "stm: thread {}: commits {} aborts {} inevitable {} lost {:.1} ms waits {:.1} ms inevitable time {:.1} ms exclusive time {:.1} ms\n",
            s.ident,
            s.commits,
            s.aborts.iter().sum::<u64>(),
            s.inevitable,
            ms(s.lost),
            ms(s.wait),
            ms(s.inevitable_time),
            ms(s.exclusive_time)
        ));
    }
    let gc = weft_gc::Heap::global().stats();
    out.push_str(&format!(
        "stm: gc: collections {} pause total {:.1} ms max {:.1} ms blocks mapped {:.1} MiB\n",
        gc.collections,
        ms(gc.total_pause),
        ms(gc.max_pause),
        gc.block_bytes as f64 / (1 << 20) as f64
    ));
    let st = &crate::access::stm::STM.stats;
    out.push_str(&format!(
        "stm: frozen: objects {} unfrozen {}\n",
        st.freezes.load(Ordering::Relaxed),
        st.unfreezes.load(Ordering::Relaxed)
    ));
    let _ = std::io::stderr().write_all(out.as_bytes());
}

fn json_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

impl<M: Mode> Vm<M> {
    /// "file:line" of the running frame (as of its last saved instruction), for the conflict log.
    fn stm_location(&self) -> String {
        match self.frames.last() {
            Some(f) => {
                let code = &obj::<CodeObj>(f.code).code;
                let file = self.str_of(code.filename);
                let line = code.line_of(f.ip.saturating_sub(1) as usize);
                format!("{file}:{line}")
            }
            None => "?".to_string(),
        }
    }

    /// Conflict log: this thread is about to write `slot` (remembered as the orec's last writer).
    #[cold]
    pub fn stm_note_write(&self, slot: &Slot) {
        self.stm_note_write_in(slot, false)
    }

    /// [`Vm::stm_note_write`] of a slot of an object that is frozen (`frozen`: remembered as the
    /// other side of the `unfrozen` aborts that write causes).
    #[cold]
    pub fn stm_note_write_in(&self, slot: &Slot, frozen: bool) {
        if !self.cx.active() {
            return;
        }
        let orec = self.cx.orec_of(slot);
        let loc = self.stm_location();
        if let Some(Some(log)) = LOG.get() {
            let mut g = lock(log);
            if frozen {
                g.unfroze = Some((self.ident, loc.clone()));
            }
            g.writers.insert(orec, (self.ident, loc));
        }
    }

    fn stm_log_abort(&self, cause: Abort, lost: Duration) {
        let Some(Some(log)) = LOG.get() else {
            return;
        };
        let here = self.stm_location();
        let mut g = lock(log);
        let (other_thread, other) = match (cause, self.cx.conflict()) {
            (Abort::Unfrozen, _) => match &g.unfroze {
                Some((t, l)) if *t != self.ident => (*t, l.clone()),
                _ => (0, "?".to_string()),
            },
            (_, Some((orec, _))) => match g.writers.get(&orec) {
                Some((t, l)) if *t != self.ident => (*t, l.clone()),
                _ => (0, "?".to_string()),
            },
            (_, None) => (0, "?".to_string()),
        };
        let line = format!(
            "{{\"t_ns\": {}, \"thread\": {}, \"cause\": \"{}\", \"lost_ns\": {}, \"here\": {}, \"other\": {}, \"other_thread\": {}}}\n",
            g.start.elapsed().as_nanos(),
            self.ident,
            CAUSES[cause_index(cause)],
            lost.as_nanos(),
            json_str(&here),
            json_str(&other),
            other_thread
        );
        let _ = g.file.write_all(line.as_bytes());
    }

    fn stm_log_wait(&self, what: &str, d: Duration) {
        let Some(Some(log)) = LOG.get() else {
            return;
        };
        let here = self.stm_location();
        let mut g = lock(log);
        let line = format!(
            "{{\"t_ns\": {}, \"thread\": {}, \"event\": \"wait\", \"lost_ns\": {}, \"here\": {}, \"what\": {}}}\n",
            g.start.elapsed().as_nanos(),
            self.ident,
            d.as_nanos(),
            json_str(&here),
            json_str(what)
        );
        let _ = g.file.write_all(line.as_bytes());
    }

    // ----- beginning and ending transactions -------------------------------------------------------------

    /// Begins a transaction. `restartable`: the thread is at a switch point (its state is all in its
    /// frames), so the transaction can be restarted from a snapshot; otherwise it runs inevitable.
    pub fn stm_begin(&mut self, restartable: bool) {
        debug_assert!(!self.cx.active());
        // A thread alone runs inevitable (then exclusive); with `--stm-no-exclusive` it keeps running
        // restartable transactions, as it would beside other threads.
        let inevitable = !restartable
            || self.cx.exclusive()
            || self.txs.attempts >= weft_stm::INEVITABLE_AFTER
            || (threads::stm_running() <= 1 && EXCLUSIVE_ON.load(Ordering::Relaxed));
        if inevitable {
            self.txs.root = None;
            self.cx.begin();
            self.stm_wait_inevitable();
            if !self.cx.exclusive()
                && threads::stm_running() <= 1
                && EXCLUSIVE_ON.load(Ordering::Relaxed)
                && threads::try_go_exclusive()
            {
                self.cx.set_exclusive(true);
                self.txs.exclusive_since = Some(Instant::now());
            }
        } else {
            let s = &mut self.txs.snap;
            s.frames.clone_from(&self.frames);
            s.stack.clone_from(&self.stack);
            s.temp_roots = self.temp_roots.len();
            s.repr_stack = self.repr_stack.len();
            s.exc_info = self.exc_info;
            s.native_depth = self.native_depth;
            s.atomic_depth = self.atomic_depth;
            self.txs.root = Some(self.txs.level);
            self.cx.begin();
        }
        // Owner word: attempt id above, this thread's slot (1..=0xffff) in the low 16 bits.
        self.txs.cur_id = (self.cx.tx_id() << 16) | (self.ident % STM_THREAD_MASK + 1);
        self.txs.epoch = TYPE_EPOCH.load(Ordering::Acquire);
        self.txs.excl_epoch = threads::exclusive_epoch();
        self.txs.overrun = 0;
        self.txs.started = Some(Instant::now());
        self.txs.budget = if self.cx.exclusive() {
            BUDGET_EXCLUSIVE
        } else if restartable {
            self.txs.budget_max
        } else {
            1
        };
    }

    /// Runs `f` after the running transaction commits (at once without one, or in GIL mode); never if
    /// it aborts. For effects outside the heap that must follow the transaction's writes.
    pub fn stm_after_commit(&mut self, f: Box<dyn FnOnce()>) {
        if M::STM && self.cx.active() {
            self.txs.after_commit.push(f);
        } else {
            f();
        }
    }

    /// Whether the running transaction can be restarted (began at a switch point, not inevitable).
    #[inline]
    pub(crate) fn stm_restartable(&self) -> bool {
        self.txs.root.is_some()
    }

    /// Waits for the inevitable token for the running transaction (which has no write locks yet, or
    /// may abort: on a stop-the-world request while it holds locks it gives way).
    fn stm_wait_inevitable(&mut self) {
        let t0 = Instant::now();
        let mut waited = false;
        // Inevitable transactions bump `TYPE_EPOCH` only while they hold the token, so one check with
        // the token held covers every bump this transaction could have missed.
        // (A transaction begun inevitable read nothing before: no check.)
        let (epoch, restartable) = (self.txs.epoch, self.txs.root.is_some());
        let epoch_ok = move || !restartable || TYPE_EPOCH.load(Ordering::Acquire) == epoch;
        loop {
            match self.cx.try_become_inevitable(&epoch_ok) {
                Ok(true) => break,
                Ok(false) => {
                    waited = true;
                    threads::want_token();
                    self.stm_wait_step();
                }
                Err(a) => self.cx.abort_now(a),
            }
        }
        self.txs.root = None;
        self.txs.stats.inevitable += 1;
        self.txs.inevitable_since = Some(Instant::now());
        if waited {
            let d = t0.elapsed();
            self.txs.stats.wait += d;
            if log_on() {
                self.stm_log_wait("inevitable", d);
            }
        }
        // Output buffered so far goes out now: nothing can come before it any more.
        if !self.txs.out.is_empty() {
            let out = std::mem::take(&mut self.txs.out);
            self.write_stdout_bytes(&out);
        }
    }

    /// One step of waiting inside a transaction (for the token, for a commit): takes part in a
    /// stop-the-world collection, giving the transaction up first if it holds write locks and may abort;
    /// gives way to an abort request.
    fn stm_wait_step(&mut self) {
        if self.cx.killed() {
            self.cx.abort_now(Abort::Killed);
        }
        if threads::stw_requested() {
            if self.cx.has_locks() && !self.cx.is_inevitable() {
                self.cx.abort_now(Abort::Yield);
            }
            self.stm_park(|| ());
            self.stm_after_park();
        }
        std::thread::yield_now();
    }

    /// Back from a park with a live transaction: if another thread ran exclusive meanwhile (its writes
    /// left no trace in the ownership records), a transaction that may have read state cannot be
    /// validated: it aborts.
    fn stm_after_park(&mut self) {
        if self.txs.root.is_some()
            && self.cx.active()
            && !self.cx.is_inevitable()
            && threads::exclusive_epoch() != self.txs.excl_epoch
        {
            self.cx.abort_now(Abort::Validation);
        }
    }

    /// Ends the thread's exclusive run (someone waits to enter the world), between transactions.
    fn stm_end_exclusive(&mut self) {
        debug_assert!(!self.cx.active());
        self.cx.set_exclusive(false);
        threads::end_exclusive();
        self.stm_exclusive_ended();
    }

    /// Books the time of an exclusive run that ended (here or in a park).
    pub(crate) fn stm_exclusive_ended(&mut self) {
        if let Some(t) = self.txs.exclusive_since.take() {
            self.txs.stats.exclusive_time += t.elapsed();
        }
    }

    /// Commits the running transaction (if any). A failed commit aborts (unwinds to the root loop).
    pub fn stm_commit(&mut self) {
        if !self.cx.active() {
            return;
        }
        let inevitable = self.cx.is_inevitable();
        loop {
            if !inevitable {
                let t0 = Instant::now();
                let mut waited = false;
                while self.cx.inevitable_running() {
                    waited = true;
                    threads::want_token();
                    self.stm_wait_step();
                }
                if waited {
                    self.txs.stats.wait += t0.elapsed();
                }
            }
            if !inevitable && TYPE_EPOCH.load(Ordering::Relaxed) != self.txs.epoch {
                self.cx.abort_now(Abort::Validation);
            }
            match self.cx.commit() {
                Ok(()) => {
                    if inevitable {
                        threads::token_released();
                    }
                    break;
                }
                Err(Abort::InevitableRunning) => continue,
                Err(a) => self.cx.abort_now(a),
            }
        }
        if let Some(t) = self.txs.inevitable_since.take() {
            self.txs.stats.inevitable_time += t.elapsed();
        }
        if self.cx.exclusive() && threads::exclusive_wanted() {
            self.stm_end_exclusive();
        }
        if !self.txs.out.is_empty() {
            let out = std::mem::take(&mut self.txs.out);
            self.write_stdout_bytes(&out);
        }
        for f in std::mem::take(&mut self.txs.after_commit) {
            f();
        }
        self.txs.gens.clear();
        self.txs.bytearrays.clear();
        self.txs.cur_id = 0;
        self.txs.root = None;
        self.txs.stats.commits += 1;
        self.txs.attempts = 0;
        if STATS_ON.load(Ordering::Relaxed) {
            self.stm_file_stats();
        }
        self.txs.budget_max = (self.txs.budget_max + self.txs.budget_max / 8 + 1)
            .min(BUDGET_MAX_ON.load(Ordering::Relaxed));
    }

    /// The poll at a switch point under `--stm`: one decrement and three relaxed loads when nothing is
    /// pending (budget left, no attention flag, no collection due).
    #[inline(always)]
    pub fn stm_poll(&mut self) {
        self.txs.budget = self.txs.budget.saturating_sub(1);
        if self.txs.budget == 0 || threads::attention() || self.heap.should_collect() {
            self.stm_switch_point();
        }
    }

    /// The poll at a switch point on the dispatch loop's fast paths (in-place calls and returns,
    /// backward jumps): true, with one switch point of the budget spent, when nothing is pending;
    /// false (budget untouched) when the caller must go through [`Vm::stm_poll`].
    #[inline(always)]
    pub fn stm_poll_quiet(&mut self) -> bool {
        if self.txs.budget > 1 && !threads::attention() && !self.heap.should_collect() {
            self.txs.budget -= 1;
            true
        } else {
            false
        }
    }

    /// A switch point under `--stm` whose poll fired: the budget is spent, a collection is due or
    /// requested, or the inevitable transaction asked this one to abort. The thread's state is all in
    /// its frames (the current frame's ip saved).
    #[cold]
    pub fn stm_switch_point(&mut self) {
        if self.cx.killed() {
            self.cx.abort_now(Abort::Killed);
        }
        // A collection requested or due: a transaction that cannot be made to wait for it (it holds
        // write locks and may abort) ends first (below); the others take part now.
        let mut gc = threads::stw_requested() || self.heap.should_collect();
        let may_park = self.cx.is_inevitable() || !self.cx.has_locks();
        if gc && may_park {
            self.stm_gc_point();
            gc = false;
        }
        // Left alone (the others blocked): end the transaction early so the next one runs exclusive.
        let alone = threads::take_alone_hint()
            && !self.cx.exclusive()
            && EXCLUSIVE_ON.load(Ordering::Relaxed)
            && threads::stm_running() <= 1;
        let end = self.txs.budget == 0
            || gc
            || alone
            || (threads::token_wanted() && self.cx.is_inevitable())
            || (self.cx.exclusive() && threads::exclusive_wanted());
        if !end {
            return;
        }
        if self.atomic_depth > 0 {
            if gc {
                // Holding locks inside an atomic block (so not inevitable): give way to the
                // collector, retry after.
                self.cx.abort_now(Abort::Yield);
            }
            self.txs.budget = self.txs.budget_max;
            return;
        }
        // Only the budget is spent, in a loop nested inside native code (a generator driven by
        // `sum`, a key function of `sorted`...) below the level where the transaction began: a
        // transaction begun here would have to become inevitable when this loop returns into the
        // native code, so the running one goes on (it can still restart from its own level), up to
        // `NESTED_OVERRUN` budgets.
        if !gc
            && !alone
            && self.txs.root.is_some_and(|r| r < self.txs.level)
            && self.txs.overrun < NESTED_OVERRUN
            && !self.cx.is_inevitable()
        {
            self.txs.overrun += 1;
            self.txs.budget = self.txs.budget_max;
            return;
        }
        self.stm_commit();
        self.stm_gc_point();
        self.stm_begin(true);
    }

    /// Takes part in a collection if one is requested or due (no transaction holding locks that could
    /// abort is running).
    fn stm_gc_point(&mut self) {
        if threads::stw_requested() {
            self.stm_park(|| ());
            self.stm_after_park();
        } else if self.heap.should_collect() {
            self.stm_collect();
            self.stm_after_park();
        }
    }

    /// Makes the running transaction inevitable (before an irrevocable operation: output outside the
    /// heap, I/O, waking another thread). No-op in GIL mode.
    #[inline]
    pub fn stm_irrevocable(&mut self) {
        if M::STM && self.cx.active() && !self.cx.is_inevitable() {
            self.stm_wait_inevitable();
        }
    }

    /// `--stm` side of `allow_threads`: commit, block parked outside any transaction, begin again
    /// (inevitable: the thread is inside native code, which cannot be restarted; it ends at the next
    /// switch point).
    pub fn stm_blocking<R>(&mut self, f: impl FnOnce() -> R) -> R {
        self.stm_commit();
        let t0 = Instant::now();
        let r = self.stm_park_as(true, f);
        self.txs.stats.wait += t0.elapsed();
        self.stm_begin(false);
        r
    }

    /// The loop at `level` is about to return into native code: a transaction that began in it must
    /// not be restarted after this, so it becomes inevitable (or aborts now, while it still can). It
    /// then ends at the next switch point: an inevitable transaction holds the token every other
    /// thread's commit waits for, so it must not run on for the rest of its budget.
    pub fn stm_leave_level(&mut self, level: usize) {
        if self.txs.root == Some(level) && self.cx.active() {
            self.stm_wait_inevitable();
            self.txs.budget = self.txs.budget.min(1);
        }
    }

    /// Called by the loop at `level` that caught an abort of its transaction: rolls back, restores the
    /// thread as it was when the transaction began, and begins the next attempt.
    pub fn stm_restart(&mut self) {
        let cause = self.cx.take_abort().unwrap_or(Abort::Killed);
        let lost = self.txs.started.map_or(Duration::ZERO, |t| t.elapsed());
        if log_on() {
            self.stm_log_abort(cause, lost);
        }
        self.cx.rollback();
        self.txs.cur_id = 0;
        for (g, saved) in std::mem::take(&mut self.txs.gens).into_iter().rev() {
            *obj::<GeneratorObj>(g)
                .frame
                .lock()
                .unwrap_or_else(|e| e.into_inner()) = saved;
        }
        for (b, saved) in std::mem::take(&mut self.txs.bytearrays).into_iter().rev() {
            *obj::<ByteArrayObj>(b)
                .b
                .lock()
                .unwrap_or_else(|e| e.into_inner()) = saved;
        }
        let s = &self.txs.snap;
        self.frames.clone_from(&s.frames);
        self.stack.clone_from(&s.stack);
        self.temp_roots.truncate(s.temp_roots);
        self.repr_stack.truncate(s.repr_stack);
        self.exc_info = s.exc_info;
        self.native_depth = s.native_depth;
        self.atomic_depth = s.atomic_depth;
        self.reraising = false;
        self.txs.out.clear();
        self.txs.after_commit.clear();
        self.txs.root = None;
        self.txs.inevitable_since = None;
        let st = &mut self.txs.stats;
        st.aborts[cause_index(cause)] += 1;
        st.lost += lost;
        self.txs.attempts += 1;
        self.txs.budget_max = (self.txs.budget_max / 2).max(BUDGET_MIN);
        for _ in 0..self.txs.attempts.min(8) {
            std::thread::yield_now();
        }
        self.stm_gc_point();
        self.stm_begin(true);
    }

    /// Before the running transaction first changes generator `g`'s saved frame: lock the generator
    /// (a write of its state word, so two transactions never run one generator) and keep a copy of the
    /// frame for a restart.
    pub fn stm_gen_touch(&mut self, g: Value) {
        if !M::STM || self.txs.root.is_none() {
            return;
        }
        if self.txs.gens.iter().any(|(x, _)| *x == g) {
            return;
        }
        let go = obj::<GeneratorObj>(g);
        let st = self.load_raw(&go.state);
        self.store_raw(&go.state, st);
        let saved = go.frame.lock().unwrap_or_else(|e| e.into_inner()).clone();
        self.txs.gens.push((g, saved));
    }

    /// Before the running transaction first changes bytearray `b`'s buffer (a Rust `Vec`, not slots):
    /// lock it (a write of its `version` word) and keep a copy of the bytes for a restart.
    pub fn stm_bytearray_touch(&mut self, b: Value) {
        if !M::STM || self.txs.root.is_none() {
            return;
        }
        if self.txs.bytearrays.iter().any(|(x, _)| *x == b) {
            return;
        }
        let ba = obj::<ByteArrayObj>(b);
        let v = self.load_raw(&ba.version);
        self.store_raw(&ba.version, v);
        let saved = ba.b.lock().unwrap_or_else(|e| e.into_inner()).clone();
        self.txs.bytearrays.push((b, saved));
    }

    /// A one-line description of the transaction state (internal error reports).
    pub fn stm_debug_state(&self) -> String {
        format!(
            "level {} root {:?} active {} inevitable {} cause {:?} atomic {}",
            self.txs.level,
            self.txs.root,
            self.cx.active(),
            self.cx.is_inevitable(),
            self.cx.take_abort(),
            self.atomic_depth
        )
    }

    /// At thread start under `--stm`: the first transaction (inevitable until the first switch point).
    pub fn stm_thread_begin(&mut self) {
        self.txs.stats.ident = self.ident;
        self.stm_begin(false);
    }

    /// At thread end under `--stm`: commits and files the thread's statistics.
    pub fn stm_thread_end(&mut self) {
        self.stm_commit();
        if self.cx.exclusive() {
            // `World::leave` (next) ends the run in the world.
            self.cx.set_exclusive(false);
            self.stm_exclusive_ended();
        }
        self.stm_file_stats();
    }

    /// Files this thread's statistics for the report (with `--stm-stats` only).
    fn stm_file_stats(&mut self) {
        if !STATS_ON.load(Ordering::Relaxed) {
            return;
        }
        self.txs.stats.ident = self.ident;
        let mut g = lock(&FINISHED);
        match g.iter_mut().find(|s| s.ident == self.ident) {
            Some(s) => s.clone_from(&self.txs.stats),
            None => g.push(self.txs.stats.clone()),
        }
    }
}
