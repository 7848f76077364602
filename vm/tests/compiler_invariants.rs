//! Compiles many snippets, a file of larger programs, and every `.py` of the differential corpus
//! (`tests/python`), and re-verifies each code unit independently (`common::verify`): jump targets and
//! operand indices in range, exception table sorted and disjoint, line table increasing, stack depths
//! consistent along every path (including into handlers) and equal to `max_stack`, no unreachable code.
mod common;

use weft_vm::compile::{compile_eval, compile_module, disassemble};

const SNIPPETS: &[&str] = &[
    "x = 1",
    "x = y = z = f(1)",
    "a, b = b, a",
    "a, *b, c = range(10)",
    "[a, (b, c)] = x",
    "x: int = 3\ny: str",
    "o.x += 1\no[k] -= 2\nv **= 3",
    "del a, b.c, d[e], (f, g)",
    "def f(a, /, b, *, c=3, **k): return a",
    "def f(*args): yield from args",
    "def g():\n    x = yield 1\n    return x",
    "lambda: (yield)",
    "f = lambda x, y=2, *a, z, **k: x + y",
    "class A(B, *bases, metaclass=M, **kw):\n    x = 1\n    def __init__(self): super().__init__()",
    "@d1\n@d2(3)\ndef f(): pass",
    "@dec\nclass C: 'doc'",
    "if a: pass\nelif b: pass\nelse: pass",
    "while x:\n    if y: break\n    if z: continue\nelse:\n    w()",
    "for i in x:\n    for j in y:\n        if j: break\n    else:\n        continue",
    "try:\n    pass\nexcept A:\n    pass\nexcept (B, C) as e:\n    raise\nexcept:\n    pass\nelse:\n    x = 1\nfinally:\n    y = 2",
    "def f():\n    try:\n        return 1\n    finally:\n        print('x')",
    "def f():\n    for x in y:\n        try:\n            break\n        finally:\n            continue",
    "def f():\n    with a as b, c as (d, e):\n        return b",
    "def f():\n    try:\n        pass\n    except E as e:\n        return e",
    "def f():\n    while 1:\n        try:\n            x()\n        except:\n            break\n        finally:\n            return 3",
    "def f():\n    try:\n        pass\n    finally:\n        try:\n            return 1\n        finally:\n            return 2",
    "def f(x):\n    for i in x:\n        with c:\n            try:\n                return i\n            except E as e:\n                continue\n            finally:\n                break",
    "x = [i for i in range(3) if i for j in range(i)]",
    "x = {k: v for k, v in d.items()}",
    "x = {i for i in s}",
    "x = (i for i in s)",
    "x = [y for y in [f(z)] for z in q]",
    "def f():\n    a = 1\n    return [lambda: a + i for i in range(3)]",
    "x = [[i for i in range(j)] for j in range(3)]",
    "print(*a, *b, x, **c, **d, e=1)",
    "print(f(a)(b)(c))",
    "o.m(*a)\no.m(**k)\no.m(a, k=1)",
    "x = a if b else c",
    "x = a < b < c < d",
    "if a < b < c: pass",
    "if not (a and b or c): pass",
    "x = not a",
    "x = -1, +2, ~3, -x",
    "x = a is b, a is not b, a in b, a not in b",
    "x = {**a, 'b': 1, **c}",
    "x = {1: 2, 3: 4}",
    "x = {a: b, c: d}",
    "x = [1, 2, 3]\ny = (1, 2, 3)\nz = {1, 2, 3}",
    "x = [*a, 1, *b]\ny = (*a,)\nz = {*a, 1}",
    "x = a[1:2], a[::2], a[1:2, 3], a[...]",
    "x = f'{a}{b!r}{c:>{w}}{d!a:x}' 'lit' f'{e=}'",
    "x = f'{a:{b}{c}}'",
    "x = b'abc' b'def'",
    "x = 'abc' 'def'",
    "x = 1.5, 1e300, 2j, 1+2j, 0x1f, 0o17, 0b101, 1_000_000, 123456789012345678901234567890",
    "import a.b.c\nimport a.b.c as d\nfrom . import x\nfrom ..m import (y as z, w)\nfrom m import *",
    "global g\ng = 1",
    "def f():\n    global g\n    g = 1\n    del g",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n        del x\n    return g",
    "assert x\nassert x, 'm'",
    "raise\nraise E\nraise E from c",
    "(x := 10)\nprint(y := 5)",
    "def f():\n    return [y := i for i in range(3)], y",
    "match x:\n    case 1 | 2: pass\n    case [a, *rest]: pass\n    case {'k': v, **kw}: pass\n    case Point(x=0, y=yy) if yy > 0: pass\n    case str() as s: pass\n    case None: pass\n    case _: pass",
    "match x:\n    case (a, b) | (b, a): pass",
    "match x:\n    case [1, [2, a], *_]: pass\n    case [*_, b]: pass",
    "match x:\n    case {1: a, 'x': {2: b}}: pass\n    case K.v: pass\n    case -1: pass\n    case 1+2j: pass",
    "match x:\n    case C(a, D(b, c), k=[d, *e]) | C(a, D(b, c), k=(d, *e)): pass",
    "match x:\n    case _ if y: pass",
    "match x:\n    case a: pass",
    "match x:\n    case [a, b] if a > b: pass\n    case [a, b]: pass",
    "def f(x):\n    match x:\n        case {'a': 1, **rest}:\n            return rest\n        case (1 | 2) as y:\n            return y",
    "class C:\n    def f(self): return __class__",
    "class C:\n    x = 1\n    def f(self):\n        class D:\n            y = x\n        return D",
    "def f():\n    x = 1\n    class C:\n        y = x\n        x = 2\n    return C",
    "class C:\n    __x = 1\n    def f(self): return self.__x",
    "async def f():\n    await g()\n    return 1",
    "def f():\n    yield\n    yield 1\n    x = yield from g()",
    "x = __debug__",
    "for x, (y, z) in w: pass",
    "with a: pass",
    "while True:\n    pass",
    "if 0:\n    x = 1",
    "def f(): pass",
    "def f():\n    'only doc'",
    "",
    "# just a comment\n",
    "x = [\n  1,\n  2,\n]\nprint(x\n  .y\n  .z(1,\n     2))",
    "def f(a: int = 1, *args: str, b: 'x', **kw: dict) -> None: pass",
    "x = ()\ny = []\nz = {}",
    "x = (1,)\ny = (a,)",
    "x = a.b.c.d",
    "x[1] = y\nx.y.z = w",
    "def f():\n    try:\n        pass\n    except* E:\n        pass",
    "try:\n    f()\nexcept* (A, B) as e:\n    raise\nexcept* C:\n    x = 1\nelse:\n    y = 2\nfinally:\n    z = 3",
    "for i in x:\n    try:\n        pass\n    except* E as e:\n        for j in e.exceptions:\n            if j: break\n            continue",
];

#[test]
fn snippets_compile_and_verify() {
    let mut failures = Vec::new();
    for (i, s) in SNIPPETS.iter().enumerate() {
        match std::panic::catch_unwind(|| compile_module(s, "<s>")) {
            Ok(Ok(u)) => {
                if let Err(e) = common::verify(&u) {
                    failures.push(format!("#{i} {s:?}: verify: {e}\n{}", disassemble(&u)));
                }
                let _ = disassemble(&u);
            }
            Ok(Err(e)) => {
                if common::cpython_error(s).is_none() {
                    failures.push(format!("#{i} {s:?}: unexpected error {e:?}"));
                }
            }
            Err(_) => failures.push(format!("#{i} {s:?}: panic")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn eval_mode() {
    let u = compile_eval("1 + x * [i for i in y][0]", "<e>").unwrap();
    common::verify(&u).unwrap();
    assert!(compile_eval("x = 1", "<e>").is_err());
    let u = compile_eval("lambda a: a", "<e>").unwrap();
    common::verify(&u).unwrap();
}

fn python_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join("python")];
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "py") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn test_suite_files() {
    let mut failures = Vec::new();
    let files = python_files();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        // Corpus programs that CPython rejects at compile time record the error as their last stderr line.
        let err = std::fs::read_to_string(f.with_extension("err")).unwrap_or_default();
        let want_err = err
            .lines()
            .nth(1)
            .and_then(|l| l.strip_prefix("last: "))
            .filter(|l| {
                l.starts_with("SyntaxError")
                    || l.starts_with("IndentationError")
                    || l.starts_with("TabError")
            });
        let res = std::panic::catch_unwind(|| compile_module(&src, &name));
        match (res, want_err) {
            (Err(_), _) => failures.push(format!("{name}: panic")),
            (Ok(Ok(u)), None) => {
                if let Err(e) = common::verify(&u) {
                    failures.push(format!("{name}: verify: {e}"));
                }
            }
            (Ok(Ok(_)), Some(c)) => {
                failures.push(format!("{name}: compiled but CPython says {c:?}"))
            }
            (Ok(Err(e)), None) => failures.push(format!("{name}: {e:?}")),
            (Ok(Err(e)), Some(want)) => {
                let got = format!("{}: {}", e.kind.name(), e.msg);
                if got != want {
                    failures.push(format!("{name}: got {got:?}, CPython {want:?}"));
                }
            }
        }
    }
    eprintln!("{} files", files.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
