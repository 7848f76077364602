//! The `os` module and its `os.path` submodule (POSIX only).
//!
//! `os`: `name`, `sep`, `altsep`, `extsep`, `pathsep`, `linesep`, `curdir`, `pardir`, `devnull`,
//! `environ` (a dict subclass filled at import; setting or deleting a key also changes the process
//! environment), `getenv`, `putenv`, `unsetenv`, `getpid`, `getcwd`, `chdir`, `cpu_count`, `listdir`,
//! `remove`/`unlink`, `mkdir`, `makedirs`, `rmdir`, `removedirs`, `rename`/`replace`, `stat` (size,
//! mode, times), `walk`, `fspath`, `urandom`, `strerror`.
//!
//! `os.path` (registered in `sys.modules` as `os.path`, so `import os.path` and `from os import path`
//! work): the string functions of CPython's `posixpath` (`join`, `split`, `splitext`, `basename`,
//! `dirname`, `normpath`, `abspath`, `isabs`, `relpath`, `commonprefix`, `commonpath`, `expanduser`,
//! `realpath` (no symlink resolution beyond the OS's canonicalisation)) for str paths, and the
//! filesystem queries `exists`, `lexists`, `isfile`, `isdir`, `islink`, `getsize`, `getmtime`.
//! Bytes paths are accepted by the natives but not by the string functions.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::stdlib::glue::{os_error, path_arg, run_glue};
use crate::value::Value;

const OS_GLUE: &str = r#"
name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
error = OSError

class _Environ(dict):
    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('str expected, not %s' % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError('str expected, not %s' % type(value).__name__)
        _putenv(key, value)
        dict.__setitem__(self, key, value)
    def __delitem__(self, key):
        dict.__delitem__(self, key)
        _unsetenv(key)
    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        return dict.pop(self, key, *default)
    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]
    def update(self, *args, **kwargs):
        for k, v in dict(*args, **kwargs).items():
            self[k] = v
    def copy(self):
        return dict(self)
    def __repr__(self):
        return 'environ(' + dict.__repr__(self) + ')'

environ = _Environ(_environ())

def getenv(key, default=None):
    return environ.get(key, default)

def putenv(key, value):
    _putenv(key, value)

def unsetenv(key):
    _unsetenv(key)

def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    t = type(path)
    try:
        f = t.__fspath__
    except AttributeError:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + t.__name__) from None
    r = f(path)
    if isinstance(r, (str, bytes)):
        return r
    raise TypeError('expected %s.__fspath__() to return str or bytes, not %s' % (t.__name__, type(r).__name__))

class PathLike:
    pass

class stat_result(tuple):
    n_sequence_fields = 10
    def __new__(cls, seq):
        return tuple.__new__(cls, seq)
    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self[7])
    st_mtime = property(lambda self: self[8])
    st_ctime = property(lambda self: self[9])
    def __repr__(self):
        names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime')
        return 'os.stat_result(' + ', '.join('%s=%r' % (n, int(v)) for n, v in zip(names, self)) + ')'

def stat(path):
    return stat_result(_stat(path, True))

def lstat(path):
    return stat_result(_stat(path, False))

def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise

def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)

def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for n in names:
        if path.isdir(path.join(top, n)):
            dirs.append(n)
        else:
            nondirs.append(n)
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            p = path.join(top, d)
            if followlinks or not path.islink(p):
                yield from walk(p, topdown, onerror, followlinks)
    else:
        for d in dirs:
            p = path.join(top, d)
            if followlinks or not path.islink(p):
                yield from walk(p, topdown, onerror, followlinks)
        yield top, dirs, nondirs
"#;

const PATH_GLUE: &str = r#"
import os as _os
sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
supports_unicode_filenames = False

def _fs(p):
    return _os.fspath(p)

def isabs(s):
    s = _fs(s)
    return s.startswith('/')

def join(a, *p):
    a = _fs(a)
    path = a
    for b in p:
        b = _fs(b)
        if not isinstance(b, str) or not isinstance(a, str):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path

def split(p):
    p = _fs(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail

def splitext(p):
    p = _fs(p)
    sepIndex = p.rfind('/')
    dotIndex = p.rfind('.')
    if dotIndex > sepIndex:
        filenameIndex = sepIndex + 1
        while filenameIndex < dotIndex:
            if p[filenameIndex:filenameIndex + 1] != '.':
                return p[:dotIndex], p[dotIndex:]
            filenameIndex += 1
    return p, p[:0]

def splitdrive(p):
    p = _fs(p)
    return p[:0], p

def basename(p):
    p = _fs(p)
    i = p.rfind('/') + 1
    return p[i:]

def dirname(p):
    p = _fs(p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head

def normpath(path):
    path = _fs(path)
    if not path:
        return '.'
    initial_slashes = path.startswith('/')
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    comps = path.split('/')
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial_slashes and not new_comps) or (new_comps and new_comps[-1] == '..'):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    comps = new_comps
    path = '/'.join(comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'

def abspath(path):
    path = _fs(path)
    if not isabs(path):
        path = join(_os.getcwd(), path)
    return normpath(path)

def realpath(filename, *, strict=False):
    return _realpath(abspath(filename))

def expanduser(path):
    path = _fs(path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i == 1:
        userhome = _os.environ.get('HOME', '/')
    else:
        return path
    userhome = userhome.rstrip('/')
    return (userhome + path[i:]) or '/'

def expandvars(path):
    return path

def relpath(path, start=None):
    if not path:
        raise ValueError('no path specified')
    if start is None:
        start = curdir
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)

def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1

def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = [_fs(p) for p in paths]
    split_paths = [p.split('/') for p in paths]
    try:
        (isabs_,) = set((p[:1] == '/' for p in paths))
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != '.'] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = '/' if isabs_ else ''
    return prefix + '/'.join(common)

def getsize(filename):
    return _os.stat(filename).st_size

def getmtime(filename):
    return _os.stat(filename).st_mtime

def getatime(filename):
    return _os.stat(filename).st_atime

def getctime(filename):
    return _os.stat(filename).st_ctime

def samefile(f1, f2):
    s1 = _os.stat(f1)
    s2 = _os.stat(f2)
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev
"#;

pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let m = vm.new_module("os")?;
    vm.temp_roots.push(m);
    let r = init_in(vm, m);
    vm.temp_roots.pop();
    r.map(|_| m)
}

fn init_in<M: Mode>(vm: &mut Vm<M>, m: Value) -> PyResult<()> {
    let d = obj::<ModuleObj>(m).dict;
    vm.def_fn(d, "_environ", environ)?;
    vm.def_fn(d, "_putenv", putenv)?;
    vm.def_fn(d, "_unsetenv", unsetenv)?;
    vm.def_fn(d, "_stat", stat)?;
    vm.def_fn(d, "getpid", getpid)?;
    vm.def_fn(d, "getcwd", getcwd)?;
    vm.def_fn(d, "chdir", chdir)?;
    vm.def_fn(d, "cpu_count", cpu_count)?;
    vm.def_fn(d, "listdir", listdir)?;
    vm.def_fn(d, "remove", remove)?;
    vm.def_fn(d, "unlink", remove)?;
    vm.def_fn(d, "mkdir", mkdir)?;
    vm.def_fn(d, "rmdir", rmdir)?;
    vm.def_fn(d, "rename", rename)?;
    vm.def_fn(d, "replace", rename)?;
    vm.def_fn(d, "urandom", urandom)?;
    vm.def_fn(d, "strerror", strerror)?;
    // os.path first (the os glue's makedirs/walk use it).
    let p = vm.new_module("os.path")?;
    vm.dict_set_str(d, "path", p)?;
    let pd = obj::<ModuleObj>(p).dict;
    vm.def_fn(pd, "exists", exists)?;
    vm.def_fn(pd, "lexists", lexists)?;
    vm.def_fn(pd, "isfile", isfile)?;
    vm.def_fn(pd, "isdir", isdir)?;
    vm.def_fn(pd, "islink", islink)?;
    vm.def_fn(pd, "_realpath", realpath)?;
    run_glue(vm, m, "os", OS_GLUE)?;
    run_glue(vm, p, "posixpath", PATH_GLUE)?;
    Ok(())
}

fn environ<M: Mode>(vm: &mut Vm<M>, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = vm.new_dict()?;
    vm.temp_roots.push(d);
    let r = (|| {
        for (k, v) in std::env::vars_os() {
            let k = vm.new_string(k.to_string_lossy().into_owned())?;
            vm.temp_roots.push(k);
            let v = vm.new_string(v.to_string_lossy().into_owned());
            vm.temp_roots.pop();
            let v = v?;
            vm.dict_set(d, k, v)?;
        }
        Ok(d)
    })();
    vm.temp_roots.pop();
    r
}

fn putenv<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.stm_irrevocable();
    vm.check_args("putenv", args, kw, 2, 2)?;
    let k = vm.expect_str(args[0], "str expected, not")?.to_string();
    let v = vm.expect_str(args[1], "str expected, not")?.to_string();
    if k.is_empty() || k.contains('=') || k.contains('\0') || v.contains('\0') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::set_var(k, v);
    Ok(Value::NONE)
}

fn unsetenv<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.stm_irrevocable();
    vm.check_args("unsetenv", args, kw, 1, 1)?;
    let k = vm.expect_str(args[0], "str expected, not")?.to_string();
    if k.is_empty() || k.contains('=') || k.contains('\0') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(k);
    Ok(Value::NONE)
}

fn stat<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    use std::os::unix::fs::MetadataExt;
    vm.check_args("stat", args, kw, 2, 2)?;
    let p = path_arg(vm, args[0], "stat")?;
    let md = if vm.truthy(args[1])? {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    };
    let md = md.map_err(|e| os_error(vm, &e, Some(&p)))?;
    let ints = [
        md.mode() as i64,
        md.ino() as i64,
        md.dev() as i64,
        md.nlink() as i64,
        md.uid() as i64,
        md.gid() as i64,
        md.size() as i64,
    ];
    let mut items = Vec::new();
    for i in ints {
        items.push(vm.new_int(i)?);
    }
    for (s, ns) in [
        (md.atime(), md.atime_nsec()),
        (md.mtime(), md.mtime_nsec()),
        (md.ctime(), md.ctime_nsec()),
    ] {
        items.push(Value::float(s as f64 + ns as f64 / 1e9));
    }
    vm.new_tuple(&items)
}

fn getpid<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("getpid", args, kw, 0, 0)?;
    vm.new_int(std::process::id() as i64)
}

fn getcwd<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("getcwd", args, kw, 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => vm.new_string(p.to_string_lossy().into_owned()),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

fn chdir<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.stm_irrevocable();
    vm.check_args("chdir", args, kw, 1, 1)?;
    let p = path_arg(vm, args[0], "chdir")?;
    std::env::set_current_dir(&p).map_err(|e| os_error(vm, &e, Some(&p)))?;
    Ok(Value::NONE)
}

fn cpu_count<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("cpu_count", args, kw, 0, 0)?;
    match std::thread::available_parallelism() {
        Ok(n) => vm.new_int(n.get() as i64),
        Err(_) => Ok(Value::NONE),
    }
}

fn listdir<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("listdir", args, kw, 0, 1)?;
    let (p, as_bytes) = match args.first() {
        None => (".".to_string(), false),
        Some(v) if *v == Value::NONE => (".".to_string(), false),
        Some(v) => (path_arg(vm, *v, "listdir")?, is::<BytesObj>(*v)),
    };
    let rd = std::fs::read_dir(&p).map_err(|e| os_error(vm, &e, Some(&p)))?;
    let mut names = Vec::new();
    for ent in rd {
        let ent = ent.map_err(|e| os_error(vm, &e, Some(&p)))?;
        names.push(ent.file_name().to_string_lossy().into_owned());
    }
    let l = vm.new_list(&[])?;
    vm.temp_roots.push(l);
    let r = (|| {
        for n in names {
            let v = if as_bytes {
                vm.new_bytes(n.as_bytes())?
            } else {
                vm.new_string(n)?
            };
            vm.list_append(l, v)?;
        }
        Ok(l)
    })();
    vm.temp_roots.pop();
    r
}

fn remove<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.stm_irrevocable();
    vm.check_args("remove", args, kw, 1, 1)?;
    let p = path_arg(vm, args[0], "remove")?;
    std::fs::remove_file(&p).map_err(|e| os_error(vm, &e, Some(&p)))?;
    Ok(Value::NONE)
}

fn mkdir<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.stm_irrevocable();
    use std::os::unix::fs::DirBuilderExt;
    let a = vm.parse_args("mkdir", args, kw, &["path", "mode"], 0, 2, 1)?;
    let p = path_arg(vm, a[0], "mkdir")?;
    let mode = if a[1].is_null() {
        0o777
    } else {
        vm.index_value(a[1])? as u32
    };
    std::fs::DirBuilder::new()
        .mode(mode)
        .create(&p)
        .map_err(|e| os_error(vm, &e, Some(&p)))?;
    Ok(Value::NONE)
}

fn rmdir<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.stm_irrevocable();
    vm.check_args("rmdir", args, kw, 1, 1)?;
    let p = path_arg(vm, args[0], "rmdir")?;
    std::fs::remove_dir(&p).map_err(|e| os_error(vm, &e, Some(&p)))?;
    Ok(Value::NONE)
}

fn rename<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.stm_irrevocable();
    vm.check_args("rename", args, kw, 2, 2)?;
    let a = path_arg(vm, args[0], "rename")?;
    let b = path_arg(vm, args[1], "rename")?;
    std::fs::rename(&a, &b).map_err(|e| {
        let code = e.raw_os_error().unwrap_or(0);
        let text = crate::stdlib::glue::strerror(&e);
        let fa = crate::text::repr::str_repr(&a);
        let fb = crate::text::repr::str_repr(&b);
        let err = os_error(vm, &e, Some(&a));
        let ev = vm.exc_value(&err);
        let cls = vm.type_of(ev);
        vm.error(cls, format!("[Errno {code}] {text}: {fa} -> {fb}"))
    })?;
    Ok(Value::NONE)
}

fn urandom<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("urandom", args, kw, 1, 1)?;
    let n = vm.index_value(args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let b = crate::stdlib::random_module::os_random_bytes(n as usize);
    vm.new_bytes(&b)
}

fn strerror<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("strerror", args, kw, 1, 1)?;
    let n = vm.index_value(args[0])?;
    let e = std::io::Error::from_raw_os_error(n as i32);
    let s = crate::stdlib::glue::strerror(&e);
    vm.new_string(s)
}

fn query<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
    follow: bool,
    f: fn(&std::fs::Metadata) -> bool,
) -> PyResult<Value> {
    vm.check_args(name, args, kw, 1, 1)?;
    let v = args[0];
    if !is::<StrObj>(v) && !is::<BytesObj>(v) && v.is_small_int() {
        return Ok(Value::FALSE);
    }
    let p = path_arg(vm, v, name)?;
    let md = if follow {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    };
    Ok(Value::bool(md.map(|m| f(&m)).unwrap_or(false)))
}

fn exists<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    query(vm, "exists", args, kw, true, |_| true)
}

fn lexists<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    query(vm, "lexists", args, kw, false, |_| true)
}

fn isfile<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    query(vm, "isfile", args, kw, true, |m| m.is_file())
}

fn isdir<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    query(vm, "isdir", args, kw, true, |m| m.is_dir())
}

fn islink<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    query(vm, "islink", args, kw, false, |m| {
        m.file_type().is_symlink()
    })
}

fn realpath<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("realpath", args, kw, 1, 1)?;
    let p = path_arg(vm, args[0], "realpath")?;
    match std::fs::canonicalize(&p) {
        Ok(c) => vm.new_string(c.to_string_lossy().into_owned()),
        Err(_) => Ok(args[0]),
    }
}
