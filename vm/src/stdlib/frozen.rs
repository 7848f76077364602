//! The table of standard-library modules written in Python and compiled into the binary.
//!
//! Each entry is `(dotted name, source, is_package)`. Sources live in `vm/src/stdlib/py/`; a package
//! `p` is `py/p/__init__.py` and its submodule `p.m` is `py/p/m.py`. Keep the table sorted by name.

/// One frozen module.
pub struct Frozen {
    pub name: &'static str,
    pub source: &'static str,
    pub is_package: bool,
}

macro_rules! frozen {
    ($name:literal, $path:literal) => {
        Frozen {
            name: $name,
            source: include_str!($path),
            is_package: false,
        }
    };
    ($name:literal, $path:literal, package) => {
        Frozen {
            name: $name,
            source: include_str!($path),
            is_package: true,
        }
    };
}

/// Every frozen module.
pub static FROZEN: &[Frozen] = &[
    frozen!("_collections_abc", "py/_collections_abc.py"),
    frozen!("abc", "py/abc.py"),
    frozen!("bisect", "py/bisect.py"),
    frozen!("collections", "py/collections/__init__.py", package),
    frozen!("collections.abc", "py/collections/abc.py"),
    frozen!("contextlib", "py/contextlib.py"),
    frozen!("copy", "py/copy.py"),
    frozen!("functools", "py/functools.py"),
    frozen!("heapq", "py/heapq.py"),
    frozen!("itertools", "py/itertools.py"),
    frozen!("keyword", "py/keyword.py"),
    frozen!("operator", "py/operator.py"),
    frozen!("pypystm", "py/pypystm.py"),
    frozen!("queue", "py/queue.py"),
    frozen!("string", "py/string.py"),
    frozen!("threading", "py/threading.py"),
    frozen!("transaction", "py/transaction.py"),
    frozen!("types", "py/types.py"),
];

/// The frozen module called `name`, if any.
pub fn find(name: &str) -> Option<&'static Frozen> {
    FROZEN.iter().find(|f| f.name == name)
}
