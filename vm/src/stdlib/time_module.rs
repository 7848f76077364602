//! The `time` module: wall clock (`time`, `time_ns`), monotonic clocks (`monotonic`, `perf_counter`
//! and their `_ns` forms), CPU time (`process_time`, from `/proc/self/stat`, 10 ms resolution),
//! `sleep`, and the calendar basics `gmtime`, `localtime`, `mktime`, `strftime`, `asctime`, `ctime`
//! and `struct_time`.
//!
//! Time zones are not read: `localtime` is UTC (`tm_zone` 'UTC', `timezone` 0), which is what the
//! containers Weft is tested in use. The blocking wait of `sleep` is [`blocking_sleep`].

use crate::access::Mode;
use crate::builtins::math_module::arg_f64;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const GLUE: &str = r#"
class struct_time(tuple):
    n_fields = 11
    n_sequence_fields = 9
    n_unnamed_fields = 0
    _names = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')
    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)' % len(seq))
        if len(seq) > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence (%d-sequence given)' % len(seq))
        return tuple.__new__(cls, seq[:9])
    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: 'UTC')
    tm_gmtoff = property(lambda self: 0)
    def __repr__(self):
        return 'time.struct_time(' + ', '.join('%s=%r' % (n, v) for n, v in zip(self._names, self)) + ')'
    def __reduce__(self):
        return (struct_time, (tuple(self),))

class _gmtime_struct(struct_time):
    tm_zone = property(lambda self: 'GMT')
_gmtime_struct.__name__ = 'struct_time'
_gmtime_struct.__qualname__ = 'struct_time'

def gmtime(secs=None):
    return _gmtime_struct(_gmtime(secs))

def localtime(secs=None):
    return struct_time(_gmtime(secs))

def _totuple(t, name):
    if t is None:
        return tuple(localtime())
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('%s(): illegal time tuple argument' % name)
    return tuple(t)

def mktime(t):
    return float(_timegm(_totuple(t, 'mktime')))

def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(format).__name__)
    return _strftime(format, _totuple(t, 'strftime'))

def asctime(t=None):
    return _strftime('%a %b %e %H:%M:%S %Y', _totuple(t, 'asctime'))

def ctime(secs=None):
    return asctime(localtime(secs))

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')
"#;

pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let m = vm.new_module("time")?;
    let d = obj::<ModuleObj>(m).dict;
    vm.def_fn(d, "time", time)?;
    vm.def_fn(d, "time_ns", time_ns)?;
    vm.def_fn(d, "monotonic", monotonic)?;
    vm.def_fn(d, "monotonic_ns", monotonic_ns)?;
    vm.def_fn(d, "perf_counter", monotonic)?;
    vm.def_fn(d, "perf_counter_ns", monotonic_ns)?;
    vm.def_fn(d, "process_time", process_time)?;
    vm.def_fn(d, "process_time_ns", process_time_ns)?;
    vm.def_fn(d, "thread_time", process_time)?;
    vm.def_fn(d, "thread_time_ns", process_time_ns)?;
    vm.def_fn(d, "sleep", sleep)?;
    vm.def_fn(d, "_gmtime", gmtime_tuple)?;
    vm.def_fn(d, "_timegm", timegm)?;
    vm.def_fn(d, "_strftime", strftime)?;
    crate::stdlib::glue::run_glue(vm, m, "time", GLUE)?;
    Ok(m)
}

fn now_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

fn time<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("time", args, kw, 0, 0)?;
    Ok(Value::float(now_ns() as f64 / 1e9))
}

fn time_ns<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("time_ns", args, kw, 0, 0)?;
    vm.new_int_i128(now_ns())
}

/// Nanoseconds on the monotonic clock since a fixed point (the first use in this process).
fn mono_ns() -> u128 {
    static START: OnceLock<Instant> = OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    // Offset so that values look like CPython's (seconds since boot order of magnitude is irrelevant).
    start.elapsed().as_nanos() + 1_000_000_000
}

fn monotonic<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("monotonic", args, kw, 0, 0)?;
    Ok(Value::float(mono_ns() as f64 / 1e9))
}

fn monotonic_ns<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("monotonic_ns", args, kw, 0, 0)?;
    vm.new_int_i128(mono_ns() as i128)
}

/// CPU time of the process (user + system) in nanoseconds, from /proc/self/stat (clock ticks of 10 ms).
fn cpu_ns() -> i128 {
    let Ok(s) = std::fs::read_to_string("/proc/self/stat") else {
        return 0;
    };
    // Fields after the parenthesised command name: state is field 3; utime 14, stime 15.
    let rest = match s.rfind(')') {
        Some(i) => &s[i + 1..],
        None => return 0,
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<i128>().ok()).unwrap_or(0);
    (ticks(11) + ticks(12)) * 10_000_000
}

fn process_time<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("process_time", args, kw, 0, 0)?;
    Ok(Value::float(cpu_ns() as f64 / 1e9))
}

fn process_time_ns<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("process_time_ns", args, kw, 0, 0)?;
    vm.new_int_i128(cpu_ns())
}

/// Blocks the calling thread for `secs` seconds without the GIL (a blocking point: other threads run
/// meanwhile; `sleep(0)` just lets every waiting thread have its turn).
pub fn blocking_sleep<M: Mode>(vm: &mut Vm<M>, secs: f64) {
    let d = Duration::from_secs_f64(secs);
    vm.allow_threads(move || std::thread::sleep(d));
}

fn sleep<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("sleep", args, kw, 1, 1)?;
    if is::<StrObj>(args[0]) || !(args[0].is_float() || vm.is_int(args[0])) {
        let tn = vm.tname(args[0]).to_string();
        if is::<StrObj>(args[0]) || vm.as_num(args[0]).is_none() {
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
    }
    let secs = arg_f64(vm, args[0])?;
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if !secs.is_finite() || secs > 1e15 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    blocking_sleep(vm, secs);
    Ok(Value::NONE)
}

/// Days since 1970-01-01 -> (year, month, day) (Howard Hinnant's civil_from_days).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn gmtime_tuple<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("gmtime", args, kw, 1, 1)?;
    let secs = if args[0] == Value::NONE {
        now_ns().div_euclid(1_000_000_000) as i64
    } else {
        let x = arg_f64(vm, args[0])?;
        if !x.is_finite() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        if x.abs() > 1e17 {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        x.trunc() as i64
    };
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let (y, mo, d) = civil_from_days(days);
    let wday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday (Monday = 0)
    let yday = days - days_from_civil(y, 1, 1) + 1;
    let vals = [
        y,
        mo,
        d,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        wday,
        yday,
        0,
    ];
    let mut items = Vec::new();
    for v in vals {
        items.push(vm.new_int(v)?);
    }
    let z = vm.new_str("UTC")?;
    items.push(z);
    items.push(Value::small_int(0));
    vm.new_tuple(&items)
}

fn tuple_fields<M: Mode>(vm: &mut Vm<M>, t: Value) -> PyResult<[i64; 9]> {
    let items = vm.collect_iterable(t)?;
    let mut out = [0i64; 9];
    for (i, v) in items.iter().take(9).enumerate() {
        out[i] = vm.index_value(*v)?;
    }
    Ok(out)
}

fn timegm<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("mktime", args, kw, 1, 1)?;
    let f = tuple_fields(vm, args[0])?;
    // Normalise the month like mktime does.
    let m0 = f[1] - 1;
    let y = f[0] + m0.div_euclid(12);
    let mo = m0.rem_euclid(12) + 1;
    let days = days_from_civil(y, mo, 1) + f[2] - 1;
    let secs = days * 86400 + f[3] * 3600 + f[4] * 60 + f[5];
    vm.new_int(secs)
}

const WDAY: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTH: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn strftime_fmt(fmt: &str, f: &[i64; 9], out: &mut String) {
    let wd = f[6].rem_euclid(7) as usize;
    let mo = (f[1] - 1).clamp(0, 11) as usize;
    let mut it = fmt.chars();
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = it.next() else {
            out.push('%');
            break;
        };
        let h12 = if f[3] % 12 == 0 { 12 } else { f[3] % 12 };
        match d {
            'Y' => out.push_str(&f[0].to_string()),
            'y' => out.push_str(&format!("{:02}", f[0].rem_euclid(100))),
            'C' => out.push_str(&format!("{:02}", f[0].div_euclid(100))),
            'm' => out.push_str(&format!("{:02}", f[1])),
            'd' => out.push_str(&format!("{:02}", f[2])),
            'e' => out.push_str(&format!("{:2}", f[2])),
            'H' => out.push_str(&format!("{:02}", f[3])),
            'I' => out.push_str(&format!("{h12:02}")),
            'M' => out.push_str(&format!("{:02}", f[4])),
            'S' => out.push_str(&format!("{:02}", f[5])),
            'j' => out.push_str(&format!("{:03}", f[7])),
            'a' => out.push_str(&WDAY[wd][..3]),
            'A' => out.push_str(WDAY[wd]),
            'b' | 'h' => out.push_str(&MONTH[mo][..3]),
            'B' => out.push_str(MONTH[mo]),
            'p' => out.push_str(if f[3] < 12 { "AM" } else { "PM" }),
            'w' => out.push_str(&((wd + 1) % 7).to_string()),
            'u' => out.push_str(&(wd + 1).to_string()),
            'Z' => out.push_str("UTC"),
            'z' => out.push_str("+0000"),
            'n' => out.push('\n'),
            't' => out.push('\t'),
            '%' => out.push('%'),
            'c' => strftime_fmt("%a %b %e %H:%M:%S %Y", f, out),
            'x' | 'D' => strftime_fmt("%m/%d/%y", f, out),
            'X' | 'T' => strftime_fmt("%H:%M:%S", f, out),
            'F' => strftime_fmt("%Y-%m-%d", f, out),
            'R' => strftime_fmt("%H:%M", f, out),
            'r' => strftime_fmt("%I:%M:%S %p", f, out),
            'U' => {
                let w = (f[7] - 1 + 7 - ((wd as i64 + 1) % 7)) / 7;
                out.push_str(&format!("{w:02}"));
            }
            'W' => {
                let w = (f[7] - 1 + 7 - wd as i64) / 7;
                out.push_str(&format!("{w:02}"));
            }
            other => {
                out.push('%');
                out.push(other);
            }
        }
    }
}

fn strftime<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("strftime", args, kw, 2, 2)?;
    let fmt = vm.expect_str(args[0], "strftime() argument 1")?.to_string();
    let mut f = tuple_fields(vm, args[1])?;
    if !(1..=12).contains(&f[1]) {
        if f[1] == 0 {
            f[1] = 1;
        } else {
            return Err(vm.value_error("month out of range"));
        }
    }
    if f[2] == 0 {
        f[2] = 1;
    }
    if !(1..=31).contains(&f[2]) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&f[3]) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&f[4]) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&f[5]) {
        return Err(vm.value_error("seconds out of range"));
    }
    if f[7] == 0 {
        f[7] = 1;
    }
    if !(1..=366).contains(&f[7]) {
        return Err(vm.value_error("day of year out of range"));
    }
    let mut out = String::new();
    strftime_fmt(&fmt, &f, &mut out);
    vm.new_string(out)
}
