//! The `io` module and the builtin `open()`.
//!
//! Files: the OS file handles live in a process-wide table (`FILES`, handle number -> `File` with a
//! read buffer and a write buffer) driven by the natives `_fopen`, `_fread`, `_freadline`, `_fwrite`,
//! `_fseek`, `_ftell`, `_ftruncate`, `_fflush`, `_fclose`, `_ffileno`; every system call on a file goes
//! through [`blocking_io`] (a blocking point for the GIL). The Python glue defines `FileIO`-like binary
//! classes (`BufferedReader`, `BufferedWriter`, `BufferedRandom`) and `TextIOWrapper` (decoding with
//! `bytes.decode`, universal newlines on read, `newline` translation on write, `tell()` as a byte
//! position), `StringIO`, `BytesIO`, `UnsupportedOperation`, and `open` with CPython's mode checks
//! and messages. Buffers of files never closed are flushed at exit ([`flush_all`], called by
//! `atexit_module::run_atexit`).
//!
//! Missing: `buffering=0` raw files (`FileIO` is the buffered class), `opener`, opening an int file
//! descriptor, `readinto`, `peek`, `newline='\r'`-only splitting on read, encodings other than those
//! `bytes.decode` knows.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::stdlib::glue::{os_error, path_arg, run_glue};
use crate::value::Value;
use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex};

const GLUE: &str = r#"
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

class UnsupportedOperation(OSError, ValueError):
    pass

def text_encoding(encoding, stacklevel=2):
    return 'locale' if encoding is None else encoding

class IOBase:
    def __enter__(self):
        self._checkClosed('I/O operation on closed file.')
        return self
    def __exit__(self, *args):
        self.close()
    def __iter__(self):
        self._checkClosed('I/O operation on closed file.')
        return self
    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line
    def _checkClosed(self, msg='I/O operation on closed file.'):
        if self.closed:
            raise ValueError(msg)
    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines
    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)
    def isatty(self):
        self._checkClosed()
        return False
    def flush(self):
        self._checkClosed()
    def readable(self):
        return False
    def writable(self):
        return False
    def seekable(self):
        return False
    def fileno(self):
        raise UnsupportedOperation('fileno')

class RawIOBase(IOBase):
    pass
class BufferedIOBase(IOBase):
    pass
class TextIOBase(IOBase):
    pass

class _File(IOBase):
    def _setup(self, name, mode, h, readable, writable):
        self.name = name
        self.mode = mode
        self._h = h
        self._readable = readable
        self._writable = writable
        self._closed = False
    @property
    def closed(self):
        return self._closed
    def close(self):
        if not self._closed:
            self._closed = True
            _fclose(self._h)
    def readable(self):
        self._checkClosed()
        return self._readable
    def writable(self):
        self._checkClosed()
        return self._writable
    def seekable(self):
        self._checkClosed()
        return True
    def fileno(self):
        self._checkClosed()
        return _ffileno(self._h)
    def flush(self):
        self._checkClosed()
        _fflush(self._h)
    def _checkReadable(self, what='read'):
        self._checkClosed()
        if not self._readable:
            raise UnsupportedOperation('not readable')
    def _checkWritable(self, what='write'):
        self._checkClosed()
        if not self._writable:
            raise UnsupportedOperation('not writable')

class _BinaryFile(_File, BufferedIOBase):
    def __repr__(self):
        return '<_io.%s name=%r>' % (type(self).__name__, self.name)
    def _checkReadable(self, what='read'):
        if not self._readable:
            raise UnsupportedOperation('read')
        self._checkClosed(what + ' of closed file')
    def _checkWritable(self, what='write'):
        if not self._writable:
            raise UnsupportedOperation('write')
        self._checkClosed('write to closed file' if what == 'write' else what + ' of closed file')
    def flush(self):
        self._checkClosed('flush of closed file' if self._writable else 'I/O operation on closed file.')
        _fflush(self._h)
    def read(self, size=-1):
        self._checkReadable()
        if size is None:
            size = -1
        return _fread(self._h, size)
    def read1(self, size=-1):
        return self.read(size)
    def readline(self, size=-1):
        self._checkReadable('readline')
        if size is None:
            size = -1
        return _freadline(self._h, size)
    def write(self, b):
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        self._checkWritable()
        return _fwrite(self._h, b)
    def seek(self, pos, whence=0):
        self._checkClosed('seek of closed file')
        if whence not in (0, 1, 2):
            raise ValueError('whence value %d unsupported' % whence)
        return _fseek(self._h, pos, whence)
    def tell(self):
        self._checkClosed('I/O operation on closed file')
        return _ftell(self._h)
    def truncate(self, pos=None):
        self._checkClosed('truncate of closed file')
        self._checkWritable('truncate')
        if pos is None:
            pos = _ftell(self._h)
        return _ftruncate(self._h, pos)

class BufferedReader(_BinaryFile):
    pass
class BufferedWriter(_BinaryFile):
    pass
class BufferedRandom(_BinaryFile):
    pass
FileIO = BufferedRandom

def _translate(s):
    if '\r' in s:
        return s.replace('\r\n', '\n').replace('\r', '\n')
    return s

class TextIOWrapper(_File, TextIOBase):
    def __repr__(self):
        return '<_io.TextIOWrapper name=%r mode=%r encoding=%r>' % (self.name, self.mode, self.encoding)
    def _text_setup(self, encoding, errors, newline):
        self.encoding = encoding
        self._codec = 'utf-8' if encoding == 'UTF-8' else encoding
        self.errors = 'strict' if errors is None else errors
        self._newline = newline
        self._wnl = newline if newline not in (None, '', '\n') else None
        self._rmode = 0 if newline is None else 1 if newline == '' else 2 if newline == '\n' else -1
        self._utf8 = self._codec.lower().replace('_', '-') in ('utf-8', 'utf8') and self.errors == 'strict'
        self._pending = ''
        self._eof = False
        self.line_buffering = False
    @property
    def newlines(self):
        return None
    def _fill(self):
        if self._eof:
            return False
        chunk = _fread_text(self._h, 8192)
        if not chunk:
            self._eof = True
            return False
        self._pending += chunk.decode(self._codec, self.errors)
        return True
    def read(self, size=-1):
        self._checkReadable()
        if size is None or size < 0:
            rest = _fread(self._h, -1).decode(self._codec, self.errors)
            s = self._pending + rest
            self._pending = ''
            self._eof = True
            return _translate(s) if self._newline is None else s
        if self._newline is not None:
            while len(self._pending) < size and self._fill():
                pass
            s = self._pending[:size]
            self._pending = self._pending[size:]
            return s
        while len(self._pending) < 2 * size + 1 and self._fill():
            pass
        p = self._pending
        out = []
        i = 0
        n = len(p)
        while len(out) < size and i < n:
            c = p[i]
            if c == '\r':
                if i + 1 < n and p[i + 1] == '\n':
                    i += 1
                c = '\n'
            out.append(c)
            i += 1
        self._pending = p[i:]
        return ''.join(out)
    def readline(self, size=-1):
        if self._closed:
            raise ValueError('I/O operation on closed file.')
        if not self._readable:
            raise UnsupportedOperation('not readable')
        if size is None:
            size = -1
        if size < 0 and not self._pending and self._rmode >= 0 and self._utf8:
            line = _freadline_text(self._h, self._rmode)
            if isinstance(line, str):
                return line
            line = line.decode(self._codec, self.errors)
            return _translate(line) if self._newline is None else line
        uni = self._newline is None or self._newline == ''
        while True:
            p = self._pending
            i = p.find('\n')
            j = p.find('\r') if uni else -1
            if j >= 0 and (i < 0 or j < i):
                if j + 1 < len(p) or self._eof:
                    end = j + 2 if p[j + 1:j + 2] == '\n' else j + 1
                    line = p[:end]
                    if self._newline is None:
                        line = p[:j] + '\n'
                    if 0 <= size < len(line):
                        line = line[:size]
                        end = size
                    self._pending = p[end:]
                    return line
            elif i >= 0:
                line = p[:i + 1]
                if 0 <= size < len(line):
                    line = line[:size]
                self._pending = p[len(line):]
                return line
            if 0 <= size <= len(p):
                line = p[:size]
                self._pending = p[size:]
                return line
            if not self._fill():
                line = self._pending
                if 0 <= size < len(line):
                    line = line[:size]
                self._pending = self._pending[len(line):]
                return _translate(line) if self._newline is None else line
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not %s' % type(s).__name__)
        if self._closed:
            raise ValueError('I/O operation on closed file.')
        if not self._writable:
            raise UnsupportedOperation('not writable')
        if self._pending:
            _fseek(self._h, self.tell(), 0)
            self._pending = ''
        self._eof = False
        return _fwrite_str(self._h, s, self._codec, self.errors, self._wnl)
    def tell(self):
        self._checkClosed()
        pos = _ftell(self._h)
        if self._pending:
            pos -= len(self._pending.encode(self._codec, self.errors))
        return pos
    def seek(self, cookie, whence=0):
        self._checkClosed()
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = 0
        elif whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
        elif whence != 0:
            raise ValueError('invalid whence (%r, should be 0, 1 or 2)' % whence)
        elif cookie < 0:
            raise ValueError('negative seek position %r' % cookie)
        self._pending = ''
        self._eof = False
        return _fseek(self._h, cookie, whence)
    def truncate(self, pos=None):
        self._checkWritable()
        if pos is None:
            pos = self.tell()
        self._pending = ''
        return _ftruncate(self._h, pos)

def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if not isinstance(file, (str, bytes)) and not hasattr(file, '__fspath__'):
        if isinstance(file, int):
            raise OSError('opening file descriptors is not supported')
        raise TypeError('expected str, bytes or os.PathLike object, not %s' % type(file).__name__)
    if not isinstance(mode, str):
        raise TypeError('open() argument \'mode\' must be str, not %s' % type(mode).__name__)
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError('open() argument \'encoding\' must be str or None, not %s' % type(encoding).__name__)
    modes = set(mode)
    if modes - set('axrwb+t') or len(mode) > len(modes):
        raise ValueError('invalid mode: %r' % mode)
    creating = 'x' in modes
    reading = 'r' in modes
    writing = 'w' in modes
    appending = 'a' in modes
    updating = '+' in modes
    text = 't' in modes
    binary = 'b' in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if not (creating or reading or writing or appending):
        raise ValueError('Must have exactly one of create/read/write/append mode and at most one plus')
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if newline is not None and newline not in ('', '\n', '\r', '\r\n'):
        raise ValueError('illegal newline value: %s' % newline)
    if isinstance(file, bytes):
        name = file
    elif isinstance(file, str):
        name = file
    else:
        name = file.__fspath__()
    kind = 'x' if creating else 'r' if reading else 'w' if writing else 'a'
    h = _fopen(name, kind + ('+' if updating else ''))
    readable = reading or updating
    writable = not reading or updating
    if binary:
        if updating:
            f = BufferedRandom()
        elif reading:
            f = BufferedReader()
        else:
            f = BufferedWriter()
        f._setup(file, mode, h, readable, writable)
        return f
    f = TextIOWrapper()
    f._setup(file, mode, h, readable, writable)
    if encoding is None or encoding == 'locale':
        encoding = 'UTF-8'
    f._text_setup(encoding, errors, newline)
    return f

class StringIO(TextIOBase):
    def __init__(self, initial_value='', newline='\n'):
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s' % type(initial_value).__name__)
        if newline is not None and not isinstance(newline, str):
            raise TypeError('newline must be str or None, not %s' % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % newline)
        self._newline = newline
        self._closed = False
        self._buf = ''
        self._chunks = []
        self._len = 0
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0
    def _checkClosed(self, msg='I/O operation on closed file'):
        if self._closed:
            raise ValueError(msg)
    @property
    def closed(self):
        return self._closed
    @property
    def line_buffering(self):
        return False
    @property
    def newlines(self):
        return None
    def close(self):
        self._closed = True
    def flush(self):
        pass
    def readable(self):
        self._checkClosed()
        return True
    def writable(self):
        self._checkClosed()
        return True
    def seekable(self):
        self._checkClosed()
        return True
    def _flat(self):
        if self._chunks:
            self._buf = self._buf + ''.join(self._chunks)
            self._chunks = []
        return self._buf
    def getvalue(self):
        self._checkClosed()
        return self._flat()
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        if self._closed:
            raise ValueError('I/O operation on closed file')
        n = len(s)
        nl = self._newline
        if nl is None:
            s = _translate(s)
        elif nl != '\n' and nl != '':
            s = s.replace('\n', nl)
        if not s:
            return n
        pos = self._pos
        if pos == self._len:
            self._chunks.append(s)
            pos += len(s)
            self._len = pos
            self._pos = pos
            return n
        b = self._flat()
        if self._pos > self._len:
            b = b + '\0' * (self._pos - self._len)
        b = b[:self._pos] + s + b[self._pos + len(s):]
        self._buf = b
        self._len = len(b)
        self._pos += len(s)
        return n
    def read(self, size=-1):
        self._checkClosed()
        b = self._flat()
        if size is None or size < 0:
            r = b[self._pos:]
        else:
            r = b[self._pos:self._pos + size]
        self._pos = min(self._len, self._pos + len(r)) if r else max(self._pos, self._pos)
        return r
    def readline(self, size=-1):
        self._checkClosed()
        b = self._flat()
        if self._pos >= self._len:
            return ''
        i = b.find('\n', self._pos)
        end = self._len if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        r = b[self._pos:end]
        self._pos = end
        return r
    def tell(self):
        self._checkClosed()
        return self._pos
    def seek(self, pos, whence=0):
        self._checkClosed()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            pos = self._pos
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            pos = self._len
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        self._pos = pos
        return pos
    def truncate(self, pos=None):
        self._checkClosed()
        if pos is None:
            pos = self._pos
        if pos < 0:
            raise ValueError('Negative size value %d' % pos)
        if pos < self._len:
            self._buf = self._flat()[:pos]
            self._len = pos
        return pos
    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos)
    def __repr__(self):
        return '<_io.StringIO object>'

class BytesIO(BufferedIOBase):
    def __init__(self, initial_bytes=None):
        self._b = bytearray(initial_bytes) if initial_bytes is not None else bytearray()
        self._pos = 0
        self._closed = False
    @property
    def closed(self):
        return self._closed
    def close(self):
        self._closed = True
    def readable(self):
        self._checkClosed()
        return True
    def writable(self):
        self._checkClosed()
        return True
    def seekable(self):
        self._checkClosed()
        return True
    def getvalue(self):
        self._checkClosed()
        return bytes(self._b)
    def getbuffer(self):
        self._checkClosed()
        return self._b
    def write(self, b):
        self._checkClosed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        n = len(b)
        if not n:
            return 0
        if self._pos > len(self._b):
            self._b.extend(bytes(self._pos - len(self._b)))
        self._b[self._pos:self._pos + n] = b
        self._pos += n
        return n
    def read(self, size=-1):
        self._checkClosed()
        if size is None or size < 0:
            end = len(self._b)
        else:
            end = self._pos + size
        r = bytes(self._b[self._pos:end])
        self._pos = max(self._pos, min(end, len(self._b)))
        return r
    read1 = read
    def readline(self, size=-1):
        self._checkClosed()
        if self._pos >= len(self._b):
            return b''
        i = self._b.find(b'\n', self._pos)
        end = len(self._b) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        r = bytes(self._b[self._pos:end])
        self._pos = end
        return r
    def tell(self):
        self._checkClosed()
        return self._pos
    def seek(self, pos, whence=0):
        self._checkClosed()
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._b) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        self._pos = pos
        return pos
    def truncate(self, pos=None):
        self._checkClosed()
        if pos is None:
            pos = self._pos
        if pos < 0:
            raise ValueError('negative size value %d' % pos)
        del self._b[pos:]
        return pos
    def __repr__(self):
        return '<_io.BytesIO object>'
"#;

pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let m = vm.new_module("io")?;
    let d = obj::<ModuleObj>(m).dict;
    vm.def_fn(d, "_fopen", fopen)?;
    vm.def_fn(d, "_fread", fread)?;
    vm.def_fn(d, "_fread_text", fread_text)?;
    vm.def_fn(d, "_freadline", freadline)?;
    vm.def_fn(d, "_fwrite", fwrite)?;
    vm.def_fn(d, "_fwrite_str", fwrite_str)?;
    vm.def_fn(d, "_freadline_text", freadline_text)?;
    vm.def_fn(d, "_fseek", fseek)?;
    vm.def_fn(d, "_ftell", ftell)?;
    vm.def_fn(d, "_ftruncate", ftruncate)?;
    vm.def_fn(d, "_fflush", fflush)?;
    vm.def_fn(d, "_fclose", fclose)?;
    vm.def_fn(d, "_ffileno", ffileno)?;
    vm.temp_roots.push(m);
    let r = run_glue(vm, m, "io", GLUE);
    vm.temp_roots.pop();
    r?;
    Ok(m)
}

/// Defines the builtin `open` (which imports `io` on first use and calls `io.open`).
pub fn register_builtins<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let b = vm.rt.builtins;
    vm.def_fn(b, "open", builtin_open)
}

fn builtin_open<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let io = vm.import_dotted("io")?;
    let f = vm.dict_get_name(obj::<ModuleObj>(io).dict, "open");
    match f {
        Some(f) => vm.call(f, args, kw),
        None => Err(vm.runtime_error("io.open is missing")),
    }
}

// ----- the file table --------------------------------------------------------------------------------

struct FileEntry {
    file: File,
    /// Bytes read ahead from the OS and not consumed yet: `rbuf[rpos..]`.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Bytes written and not yet given to the OS.
    wbuf: Vec<u8>,
    append: bool,
}

type Table = HashMap<i64, Arc<Mutex<FileEntry>>>;

static FILES: Mutex<Option<Table>> = Mutex::new(None);
static NEXT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);

const CHUNK: usize = 8192;

/// Runs one system call (or a few) on a file. The GIL is released around whole operations instead, by
/// the natives that read, flush or close (`vm.allow_threads(|| entry.lock().op())`): the entry's mutex is
/// taken and dropped inside the GIL-free closure, so no thread ever waits for the GIL while holding an
/// entry (which could deadlock with a GIL holder waiting for that entry). Buffered writes stay under the
/// GIL, like CPython's BufferedWriter.
pub fn blocking_io<R>(f: impl FnOnce() -> R) -> R {
    f()
}

impl FileEntry {
    fn flush_w(&mut self) -> std::io::Result<()> {
        if !self.wbuf.is_empty() {
            let (file, buf) = (&mut self.file, &self.wbuf);
            blocking_io(|| file.write_all(buf))?;
            self.wbuf.clear();
        }
        Ok(())
    }

    /// Drops the read-ahead, moving the OS position back to the logical position.
    fn drop_r(&mut self) -> std::io::Result<()> {
        let unread = self.rbuf.len() - self.rpos;
        if unread > 0 {
            let file = &mut self.file;
            blocking_io(|| file.seek(SeekFrom::Current(-(unread as i64))))?;
        }
        self.rbuf.clear();
        self.rpos = 0;
        Ok(())
    }

    /// Reads more bytes into the read buffer; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.rpos > 0 {
            // Drop the consumed prefix (callers re-base their scan positions on `rpos`).
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let mut tmp = vec![0u8; CHUNK];
        let file = &mut self.file;
        let n = blocking_io(|| file.read(&mut tmp))?;
        self.rbuf.extend_from_slice(&tmp[..n]);
        Ok(n > 0)
    }

    fn read(&mut self, n: i64) -> std::io::Result<Vec<u8>> {
        self.flush_w()?;
        if n < 0 {
            let mut out = self.rbuf[self.rpos..].to_vec();
            self.rbuf.clear();
            self.rpos = 0;
            let file = &mut self.file;
            blocking_io(|| file.read_to_end(&mut out))?;
            return Ok(out);
        }
        let n = n as usize;
        while self.rbuf.len() - self.rpos < n {
            if !self.fill()? {
                break;
            }
        }
        let end = (self.rpos + n).min(self.rbuf.len());
        let out = self.rbuf[self.rpos..end].to_vec();
        self.rpos = end;
        Ok(out)
    }

    fn readline(&mut self, limit: i64) -> std::io::Result<Vec<u8>> {
        self.flush_w()?;
        let mut scanned = self.rpos;
        loop {
            if let Some(i) = self.rbuf[scanned..].iter().position(|b| *b == b'\n') {
                let mut end = scanned + i + 1;
                if limit >= 0 {
                    end = end.min(self.rpos + limit as usize);
                }
                let out = self.rbuf[self.rpos..end].to_vec();
                self.rpos = end;
                return Ok(out);
            }
            if limit >= 0 && self.rbuf.len() - self.rpos >= limit as usize {
                let end = self.rpos + limit as usize;
                let out = self.rbuf[self.rpos..end].to_vec();
                self.rpos = end;
                return Ok(out);
            }
            scanned = self.rbuf.len();
            let before = self.rpos;
            if !self.fill()? {
                let out = self.rbuf[self.rpos..].to_vec();
                self.rpos = self.rbuf.len();
                return Ok(out);
            }
            // fill() may have compacted the buffer.
            if self.rpos < before {
                scanned -= before - self.rpos;
            }
        }
    }

    /// A line ending at '\n' or, when `uni`, at '\r' or "\r\n" (included in the result).
    fn readline_text(&mut self, uni: bool) -> std::io::Result<Vec<u8>> {
        if !uni {
            return self.readline(-1);
        }
        self.flush_w()?;
        let mut scanned = self.rpos;
        loop {
            if let Some(i) = self.rbuf[scanned..]
                .iter()
                .position(|b| *b == b'\n' || *b == b'\r')
            {
                let at = scanned + i;
                if self.rbuf[at] == b'\r' && at + 1 == self.rbuf.len() {
                    // Need one more byte to tell "\r" from "\r\n".
                    let before = self.rpos;
                    let more = self.fill()?;
                    let at = at - (before - self.rpos);
                    if !more {
                        let out = self.rbuf[self.rpos..=at].to_vec();
                        self.rpos = at + 1;
                        return Ok(out);
                    }
                    scanned = at;
                    continue;
                }
                let mut end = at + 1;
                if self.rbuf[at] == b'\r' && self.rbuf[at + 1] == b'\n' {
                    end += 1;
                }
                let out = self.rbuf[self.rpos..end].to_vec();
                self.rpos = end;
                return Ok(out);
            }
            scanned = self.rbuf.len();
            let before = self.rpos;
            if !self.fill()? {
                let out = self.rbuf[self.rpos..].to_vec();
                self.rpos = self.rbuf.len();
                return Ok(out);
            }
            scanned -= before - self.rpos;
        }
    }

    fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.drop_r()?;
        if self.append && self.wbuf.is_empty() {
            let file = &mut self.file;
            blocking_io(|| file.seek(SeekFrom::End(0)))?;
        }
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= CHUNK {
            self.flush_w()?;
        }
        Ok(())
    }

    fn tell(&mut self) -> std::io::Result<u64> {
        let file = &mut self.file;
        let pos = blocking_io(|| file.stream_position())?;
        Ok(pos + self.wbuf.len() as u64 - (self.rbuf.len() - self.rpos) as u64)
    }

    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.flush_w()?;
        self.drop_r()?;
        let file = &mut self.file;
        blocking_io(|| file.seek(to))
    }
}

fn entry<M: Mode>(vm: &mut Vm<M>, h: Value) -> PyResult<Arc<Mutex<FileEntry>>> {
    vm.stm_irrevocable();
    let id = vm.index_value(h)?;
    let t = FILES.lock().unwrap();
    match t.as_ref().and_then(|t| t.get(&id)) {
        Some(e) => Ok(e.clone()),
        None => Err(vm.value_error("I/O operation on closed file.")),
    }
}

fn io_err<M: Mode>(vm: &mut Vm<M>, e: std::io::Error) -> crate::interp::PyErr {
    os_error(vm, &e, None)
}

fn fopen<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.stm_irrevocable();
    vm.check_args("open", args, kw, 2, 2)?;
    let path = path_arg(vm, args[0], "open")?;
    let mode = vm.expect_str(args[1], "mode")?.to_string();
    let plus = mode.contains('+');
    let mut o = std::fs::OpenOptions::new();
    match mode.chars().next() {
        Some('r') => o.read(true).write(plus),
        Some('w') => o.write(true).read(plus).create(true).truncate(true),
        Some('a') => o.append(true).read(plus).create(true),
        _ => o.write(true).read(plus).create_new(true),
    };
    let file = blocking_io(|| o.open(&path)).map_err(|e| os_error(vm, &e, Some(&path)))?;
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_error(vm, &e, Some(&path)));
    }
    let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let ent = FileEntry {
        file,
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
        append: mode.starts_with('a'),
    };
    FILES
        .lock()
        .unwrap()
        .get_or_insert_with(HashMap::new)
        .insert(id, Arc::new(Mutex::new(ent)));
    vm.new_int(id)
}

/// `(h, n)` natives that read bytes: runs `op(entry, n)` without the GIL and returns the bytes.
fn read_bytes_with<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kw: &[Value],
    name: &str,
    op: fn(&mut FileEntry, i64) -> std::io::Result<Vec<u8>>,
) -> PyResult<Value> {
    vm.check_args(name, args, kw, 2, 2)?;
    let e = entry(vm, args[0])?;
    let n = vm.index_value(args[1])?;
    let r = vm.allow_threads(|| op(&mut e.lock().unwrap(), n));
    let b = r.map_err(|e| io_err(vm, e))?;
    vm.new_bytes(&b)
}

fn fread<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    read_bytes_with(vm, args, kw, "read", |f, n| f.read(n))
}

/// Reads about `n` bytes, extended to end on a UTF-8 character boundary.
fn fread_text<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("read", args, kw, 2, 2)?;
    let e = entry(vm, args[0])?;
    let n = vm.index_value(args[1])?.max(1);
    let r = vm.allow_threads(|| {
        let mut g = e.lock().unwrap();
        let mut b = g.read(n)?;
        // Complete a trailing partial UTF-8 sequence (at most 3 more bytes).
        for _ in 0..3 {
            let tail_start = b.len().saturating_sub(4);
            let incomplete = match std::str::from_utf8(&b[tail_start..]) {
                Ok(_) => false,
                Err(err) => err.error_len().is_none() && err.valid_up_to() + tail_start < b.len(),
            };
            if !incomplete {
                break;
            }
            let more = g.read(1)?;
            if more.is_empty() {
                break;
            }
            b.extend_from_slice(&more);
        }
        Ok(b)
    });
    let b = r.map_err(|e| io_err(vm, e))?;
    vm.new_bytes(&b)
}

fn freadline<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    read_bytes_with(vm, args, kw, "readline", |f, n| f.readline(n))
}

/// Text write: `(h, s, codec, errors, newline)`; '\n' becomes `newline` unless it is None; UTF-8 is
/// encoded here, other codecs through `str.encode`. Returns the number of characters.
fn fwrite_str<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("write", args, kw, 5, 5)?;
    let e = entry(vm, args[0])?;
    let s = args[1];
    if !is::<StrObj>(s) {
        let tn = vm.tname(s).to_string();
        return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
    }
    let n = obj::<StrObj>(s).char_len;
    if let Some(w) = obj::<StrObj>(s).wide() {
        // Lone surrogates: the codec and its error handler decide (`str.encode` knows them).
        if args[4] != Value::NONE && w.contains(&('\n' as u32)) {
            return Err(vm.surrogates_unsupported("newline translation"));
        }
        let b = vm.call_method(s, "encode", &[args[2], args[3]])?;
        let data = vm.bytes_data(b);
        let r = e.lock().unwrap().write(&data);
        r.map_err(|e| io_err(vm, e))?;
        return vm.new_int(n as i64);
    }
    let text = vm.str_of(s);
    let translated;
    let (text, sv) = if args[4] != Value::NONE && text.contains('\n') {
        let nl = vm.expect_str(args[4], "newline")?;
        translated = text.replace('\n', nl);
        let sv = vm.new_str(&translated)?;
        (translated.as_str(), sv)
    } else {
        (text, s)
    };
    let codec = vm
        .expect_str(args[2], "encoding")?
        .to_ascii_lowercase()
        .replace('_', "-");
    let strict = is::<StrObj>(args[3]) && vm.str_of(args[3]) == "strict";
    let data = if (codec == "utf-8" || codec == "utf8") && strict {
        text.as_bytes().to_vec()
    } else {
        vm.temp_roots.push(sv);
        let r = vm.call_method(sv, "encode", &[args[2], args[3]]);
        vm.temp_roots.pop();
        let b = r?;
        vm.bytes_data(b)
    };
    let r = e.lock().unwrap().write(&data);
    r.map_err(|e| io_err(vm, e))?;
    vm.new_int(n as i64)
}

/// Text readline for UTF-8 files: mode 0 universal newlines translated to '\n', 1 universal
/// untranslated, 2 '\n' only. Returns a str, or the raw bytes when they are not valid UTF-8 (the glue
/// decodes them to raise the proper error).
fn freadline_text<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("readline", args, kw, 2, 2)?;
    let e = entry(vm, args[0])?;
    let mode = vm.index_value(args[1])?;
    let r = vm.allow_threads(|| e.lock().unwrap().readline_text(mode != 2));
    let mut b = r.map_err(|e| io_err(vm, e))?;
    if mode == 0 && b.ends_with(b"\r\n") {
        b.truncate(b.len() - 2);
        b.push(b'\n');
    } else if mode == 0 && b.ends_with(b"\r") {
        let l = b.len();
        b[l - 1] = b'\n';
    }
    match String::from_utf8(b) {
        Ok(s) => vm.new_string(s),
        Err(err) => vm.new_bytes(err.as_bytes()),
    }
}

fn fwrite<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("write", args, kw, 2, 2)?;
    let e = entry(vm, args[0])?;
    let v = args[1];
    if !is::<BytesObj>(v) && !is::<ByteArrayObj>(v) {
        let tn = vm.tname(v).to_string();
        return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
    }
    let data = vm.bytes_data(v);
    let r = e.lock().unwrap().write(&data);
    r.map_err(|e| io_err(vm, e))?;
    vm.new_int(data.len() as i64)
}

fn fseek<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("seek", args, kw, 3, 3)?;
    let e = entry(vm, args[0])?;
    let off = vm.index_value(args[1])?;
    let whence = vm.index_value(args[2])?;
    let to = match whence {
        0 => {
            if off < 0 {
                return Err(vm.value_error(format!("negative seek position {off}")));
            }
            SeekFrom::Start(off as u64)
        }
        1 => {
            let mut g = e.lock().unwrap();
            let cur = g.tell().map_err(|e| io_err(vm, e))?;
            SeekFrom::Start((cur as i64 + off).max(0) as u64)
        }
        _ => SeekFrom::End(off),
    };
    let r = e.lock().unwrap().seek(to);
    let p = r.map_err(|e| io_err(vm, e))?;
    vm.new_int(p as i64)
}

fn ftell<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("tell", args, kw, 1, 1)?;
    let e = entry(vm, args[0])?;
    let r = e.lock().unwrap().tell();
    let p = r.map_err(|e| io_err(vm, e))?;
    vm.new_int(p as i64)
}

fn ftruncate<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("truncate", args, kw, 2, 2)?;
    let e = entry(vm, args[0])?;
    let size = vm.index_value(args[1])?;
    if size < 0 {
        return Err(vm.value_error(format!("negative size value {size}")));
    }
    let r = (|| {
        let mut g = e.lock().unwrap();
        let pos = g.tell()?;
        g.flush_w()?;
        g.drop_r()?;
        let file = &mut g.file;
        blocking_io(|| file.set_len(size as u64))?;
        let file = &mut g.file;
        blocking_io(|| file.seek(SeekFrom::Start(pos)))?;
        Ok(())
    })();
    r.map_err(|e| io_err(vm, e))?;
    vm.new_int(size)
}

fn fflush<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("flush", args, kw, 1, 1)?;
    let e = entry(vm, args[0])?;
    let r = vm.allow_threads(|| e.lock().unwrap().flush_w());
    r.map_err(|e| io_err(vm, e))?;
    Ok(Value::NONE)
}

fn fclose<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("close", args, kw, 1, 1)?;
    let id = vm.index_value(args[0])?;
    let e = FILES.lock().unwrap().as_mut().and_then(|t| t.remove(&id));
    if let Some(e) = e {
        let r = vm.allow_threads(|| e.lock().unwrap().flush_w());
        r.map_err(|e| io_err(vm, e))?;
    }
    Ok(Value::NONE)
}

fn ffileno<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    use std::os::fd::AsRawFd;
    vm.check_args("fileno", args, kw, 1, 1)?;
    let e = entry(vm, args[0])?;
    let fd = e.lock().unwrap().file.as_raw_fd();
    vm.new_int(fd as i64)
}

/// Flushes the write buffers of every file still open (at exit).
pub fn flush_all() {
    let entries: Vec<Arc<Mutex<FileEntry>>> = FILES
        .lock()
        .unwrap()
        .as_ref()
        .map(|t| t.values().cloned().collect())
        .unwrap_or_default();
    for e in entries {
        let _ = e.lock().unwrap().flush_w();
    }
}
