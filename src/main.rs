//! The `weft` command line.
//!
//! Implemented: `--version`, `--help`, `--dis FILE` (compile a program and print Weft's bytecode), and
//! syntax checking with CPython-format SyntaxError reports. Executing programs (`weft FILE`, `-c`) waits
//! for the interpreter (issue 2 is in progress): until then it says so and exits with status 2, never
//! pretending to have run anything.

use std::process::ExitCode;

const USAGE: &str = "usage: weft [option] ... [-c cmd | --dis file | file] [arg] ...
Options:
  -c cmd     program passed in as string
  --dis FILE compile FILE and print Weft's bytecode disassembly
  --stm      run threads in parallel as software transactions (not available yet)
  --version  print the Weft version and exit
  -h, --help print this help message and exit";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("-h") | Some("--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("--version") | Some("-V") => {
            println!(
                "weft {} (Python 3.11 compatible)",
                env!("CARGO_PKG_VERSION")
            );
            ExitCode::SUCCESS
        }
        Some("--dis") => match args.get(1) {
            Some(path) => dis(path),
            None => {
                eprintln!("weft: --dis needs a file\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some(_) => {
            eprintln!("weft: running programs is not implemented yet (the interpreter is in progress); try --dis");
            ExitCode::from(2)
        }
    }
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
    let _ = source;
    eprintln!("weft: the compiler is not wired in yet");
    ExitCode::from(2)
}
