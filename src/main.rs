//! The `weft` command line: `weft [--stm] file.py args…`, `weft -c code`, `weft --dis file.py`,
//! `weft --version`, `weft --help`, and `weft bench …` (the benchmark harness, src/bench/).
//!
//! `--stm` runs the program's threads in parallel as software transactions (weft_vm::access::Stm);
//! `--stm-stats` also prints the transaction statistics at exit; `--stm-no-exclusive` keeps the barriers
//! on in a thread running alone (for tests).

mod bench;
mod stm_report;

use std::process::ExitCode;

/// mimalloc instead of the system allocator: the VM allocates many small Rust buffers (str payloads,
/// big-int digits, argument vectors) and glibc's malloc/free showed up at 10-15% of string- and
/// big-int-heavy programs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use weft_vm::runner::{self, Options, Program};

const USAGE: &str = "usage: weft [option] ... [-c cmd | --dis file | file] [arg] ...
Options:
  -c cmd     program passed in as string (terminates option list)
  --dis FILE compile FILE and print Weft's bytecode disassembly
  --stm      run threads in parallel as software transactions (no GIL)
  --stm-stats  like --stm, and print transaction statistics on stderr at exit
  --stm-no-exclusive  like --stm, but a thread running alone keeps its barriers and restartable
             transactions (tests the barriers with single-threaded programs; slower)
  --version  print the Weft version and exit
  -h, --help print this help message and exit
bench ...    run the threaded benchmark suite (weft bench --help)
stm-report   rank the conflicts of a WEFT_STM_LOG file (weft stm-report --help)
file         program read from script file
arg ...      arguments passed to program in sys.argv[1:]
Environment (--stm): WEFT_STM_LOG=FILE records conflicts; WEFT_STM_BUDGET_MAX=N bounds a transaction's
length in switch points (default 1024).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("bench") {
        return bench::main(&args[1..]);
    }
    if args.first().map(String::as_str) == Some("stm-report") {
        return stm_report::main(&args[1..]);
    }
    let mut i = 0;
    let mut opts = Options::Gil;
    while i < args.len() {
        match args[i].as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--version" | "-V" => {
                println!(
                    "weft {} (Python 3.11 compatible)",
                    env!("CARGO_PKG_VERSION")
                );
                return ExitCode::SUCCESS;
            }
            "--stm" | "--stm-stats" | "--stm-no-exclusive" => {
                let (mut stats, mut exclusive) = match opts {
                    Options::Gil => (false, true),
                    Options::Stm { stats, exclusive } => (stats, exclusive),
                };
                stats |= args[i] == "--stm-stats";
                exclusive &= args[i] != "--stm-no-exclusive";
                opts = Options::Stm { stats, exclusive };
                i += 1;
            }
            "--dis" => {
                return match args.get(i + 1) {
                    Some(path) => dis(path),
                    None => usage_error("--dis needs a file"),
                };
            }
            "-c" => {
                return match args.get(i + 1) {
                    Some(code) => {
                        let mut argv = vec!["-c".to_string()];
                        argv.extend_from_slice(&args[i + 2..]);
                        status(runner::run_with(Program::Command(code.clone()), argv, opts))
                    }
                    None => usage_error("Argument expected for the -c option"),
                };
            }
            a if a.starts_with('-') && a.len() > 1 => {
                return usage_error(&format!("unknown option {a}"))
            }
            path => {
                let argv = args[i..].to_vec();
                return status(runner::run_with(
                    Program::File(path.to_string()),
                    argv,
                    opts,
                ));
            }
        }
    }
    usage_error("no program given (interactive mode is not supported)")
}

fn status(code: i32) -> ExitCode {
    ExitCode::from((code & 0xff) as u8)
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("weft: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn dis(path: &str) -> ExitCode {
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "weft: can't open file '{path}': [Errno {}] {e}",
                e.raw_os_error().unwrap_or(0)
            );
            return ExitCode::from(2);
        }
    };
    match weft_vm::compile::compile_module(&source, path) {
        Ok(unit) => {
            print!("{}", weft_vm::compile::disassemble(&unit));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "  File \"{path}\", line {}\n{}: {}",
                e.line,
                e.kind.name(),
                e.msg
            );
            ExitCode::from(1)
        }
    }
}
