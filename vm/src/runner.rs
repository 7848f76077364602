//! Running a whole program the way `python3 prog.py` does: a big-stack main thread, `__main__`,
//! `sys.argv`/`sys.path`, the uncaught-exception report on stderr, `SystemExit`, and the exit status.
//!
//! Exit status: 0 on success, 1 after an uncaught exception (its traceback printed in CPython's
//! format), the `SystemExit` code otherwise; stdout is flushed before anything goes to stderr and
//! at exit, so nothing already printed is lost. With `WEFT_PEAK_RSS` set in the environment, the peak
//! resident set size is reported on stderr at exit (used by the memory test).

use crate::access::{Gil, Mode, Stm};
use crate::interp::{PyErr, Vm};
use crate::object::*;
use crate::value::Value;

/// Stack size of the thread that runs Python code: deep enough for the compiler on deeply nested
/// source and for nested native -> Python calls; Python-to-Python calls do not use it.
pub const MAIN_STACK_SIZE: usize = 1 << 30;

/// What to run.
pub enum Program {
    /// A script file.
    File(String),
    /// `-c` source.
    Command(String),
}

/// How threads run: with a GIL (`weft`) or in parallel as transactions (`weft --stm`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Options {
    Gil,
    /// `--stm`; `stats`: `--stm-stats` (print transaction statistics at exit); `exclusive`: false with
    /// `--stm-no-exclusive` (a thread running alone keeps its barriers).
    Stm {
        stats: bool,
        exclusive: bool,
    },
}

/// Runs `program` with `argv` (argv[0] is the script path or "-c") in GIL mode and returns the exit
/// status.
pub fn run(program: Program, argv: Vec<String>) -> i32 {
    run_with(program, argv, Options::Gil)
}

/// Runs `program` with `argv` in the mode `opts` says and returns the exit status.
pub fn run_with(program: Program, argv: Vec<String>, opts: Options) -> i32 {
    let h = std::thread::Builder::new()
        .name("MainThread".into())
        .stack_size(MAIN_STACK_SIZE)
        .spawn(move || {
            let base = 0u8;
            weft_gc::stack::register_thread_stack_base(&base as *const u8 as usize);
            let status = match opts {
                Options::Gil => {
                    crate::interp::threads::GIL.acquire();
                    let mut vm: Vm<Gil> = Vm::new();
                    let status = run_main(&mut vm, program, &argv);
                    // The GIL stays held: daemon threads never run again; the process exits after this.
                    status
                }
                Options::Stm { stats, exclusive } => {
                    crate::interp::stm_sched::configure(stats, exclusive);
                    let mut vm: Vm<Stm> = Vm::new_stm_main();
                    let status = run_main(&mut vm, program, &argv);
                    vm.stm_commit();
                    vm.stm_exclusive_ended();
                    vm.flush_stdout();
                    // Like the GIL kept at exit: no other thread runs again.
                    crate::interp::threads::world_freeze();
                    crate::interp::stm_sched::print_stats(&vm.txs.stats);
                    status
                }
            };
            std::hint::black_box(&base);
            status
        });
    let r = h.map(|t| t.join());
    if std::env::var_os("WEFT_PEAK_RSS").is_some() {
        if let Some(kib) = peak_rss_kib() {
            eprintln!("weft: peak RSS {kib} KiB");
        }
    }
    match r {
        Ok(Ok(status)) => status,
        _ => {
            eprintln!("weft: internal error: the interpreter thread failed");
            70
        }
    }
}

/// The main thread's whole life: the program, the threads' shutdown, atexit, the last flush.
fn run_main<M: Mode>(vm: &mut Vm<M>, program: Program, argv: &[String]) -> i32 {
    let status = run_in(vm, program, argv);
    finalize(vm);
    crate::stdlib::atexit_module::run_atexit(vm);
    // Under --stm, publish what the running transaction printed (a no-op for the GIL).
    vm.stm_irrevocable();
    vm.flush_stdout();
    status
}

fn run_in<M: Mode>(vm: &mut Vm<M>, program: Program, argv: &[String]) -> i32 {
    let (source, filename, dir) = match &program {
        Program::File(path) => match std::fs::read(path) {
            Ok(b) => {
                let dir = std::path::Path::new(path)
                    .parent()
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_default();
                match String::from_utf8(b) {
                    Ok(s) => (s, path.clone(), dir),
                    Err(e) => {
                        let pos = e.utf8_error().valid_up_to();
                        let bad = e.as_bytes()[pos];
                        let line = e.as_bytes()[..pos].iter().filter(|c| **c == b'\n').count() + 1;
                        eprintln!(
                            "  File \"{path}\", line {line}\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte {bad:#04x} in position {pos}: invalid start byte"
                        );
                        return 1;
                    }
                }
            }
            Err(e) => {
                let exe = "weft";
                eprintln!(
                    "{exe}: can't open file '{path}': [Errno {}] {}",
                    e.raw_os_error().unwrap_or(0),
                    io_error_text(&e)
                );
                return 2;
            }
        },
        Program::Command(src) => (src.clone(), "<string>".to_string(), String::new()),
    };
    if let Err(e) = setup_main(
        vm,
        argv,
        &dir,
        &filename,
        matches!(program, Program::File(_)),
    ) {
        return report(vm, e);
    }
    let code = match vm.compile_source(&source, &filename) {
        Ok(c) => c,
        Err(e) => return report(vm, e),
    };
    vm.temp_roots.push(code);
    let d = vm.rt.main_dict;
    let r = vm.run_code(code, d, d);
    vm.temp_roots.pop();
    match r {
        Ok(_) => 0,
        Err(e) => report(vm, e),
    }
}

/// What CPython does after the main module finished (or raised): wait for the non-daemon threads
/// (`threading._shutdown`, if `threading` was imported). Errors there are reported and ignored.
fn finalize<M: Mode>(vm: &mut Vm<M>) {
    let modules = vm.rt.modules;
    let threading = match vm.new_str("threading") {
        Ok(n) => vm.dict_get(modules, n).ok().flatten(),
        Err(_) => None,
    };
    if let Some(t) = threading {
        if let Err(e) = vm.call_method(t, "_shutdown", &[]) {
            report(vm, e);
        }
    }
}

/// The process's peak resident set size (Linux: `VmHWM` of /proc/self/status).
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn io_error_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn setup_main<M: Mode>(
    vm: &mut Vm<M>,
    argv: &[String],
    dir: &str,
    filename: &str,
    is_file: bool,
) -> Result<(), PyErr> {
    vm.set_argv(argv)?;
    let d0 = if is_file {
        std::fs::canonicalize(if dir.is_empty() { "." } else { dir })
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| dir.to_string())
    } else {
        String::new()
    };
    let p0 = vm.new_string(d0)?;
    let path = vm.rt.path;
    vm.list_append(path, p0)?;
    let m = vm.new_module("__main__")?;
    let d = obj::<ModuleObj>(m).dict;
    vm.rt.main_dict = d;
    let b = vm.rt.builtins_module;
    vm.dict_set_str(d, "__builtins__", b)?;
    if is_file {
        let f = vm.new_str(filename)?;
        vm.dict_set_str(d, "__file__", f)?;
    }
    vm.dict_set_str(d, "__package__", Value::NONE)?;
    vm.dict_set_str(d, "__spec__", Value::NONE)?;
    vm.dict_set_str(d, "__loader__", Value::NONE)?;
    Ok(())
}

/// Reports an uncaught exception like CPython and returns the exit status.
pub fn report<M: Mode>(vm: &mut Vm<M>, e: PyErr) -> i32 {
    vm.flush_stdout();
    let exc = vm.exc_value(&e);
    let se = vm.exc.system_exit;
    if vm.is_instance(exc, se) {
        let args = vm.load(&obj::<ExceptionObj>(exc).args);
        let items = cast::<TupleObj>(args)
            .map(|t| t.as_slice().to_vec())
            .unwrap_or_default();
        let code = match items.len() {
            0 => Value::NONE,
            1 => items[0],
            _ => args,
        };
        if code == Value::NONE {
            return 0;
        }
        if code.is_small_int() {
            return code.as_small_int() as i32;
        }
        if code == Value::TRUE || code == Value::FALSE {
            return i32::from(code == Value::TRUE);
        }
        let s = vm.str_string(code).unwrap_or_default();
        vm.flush_stdout();
        vm.write_stderr(&format!("{s}\n"));
        return 1;
    }
    let text = vm.format_exception(exc);
    vm.flush_stdout();
    vm.write_stderr(&text);
    1
}
