//! Process-wide runtime state reachable from every thread: the builtin type objects, the exception
//! classes, the builtins module and `sys.modules`. Everything here is a GC root.

use crate::object::trace_value;
use crate::value::Value;
use weft_gc::Tracer;

macro_rules! value_struct {
    ($(#[$doc:meta])* $name:ident { $($field:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub struct $name { $(pub $field: Value),* }
        impl $name {
            pub fn null() -> Self { $name { $($field: Value::NULL),* } }
            pub fn trace(&self, t: &mut Tracer) { $(trace_value(t, self.$field);)* }
            /// Builds the struct from a function of each field's name.
            pub fn from_fn(mut f: impl FnMut(&'static str) -> Value) -> Self {
                $name { $($field: f(stringify!($field))),* }
            }
            /// Mutable access to a field by name (for bootstrap tables).
            pub fn field_mut(&mut self, name: &str) -> Option<&mut Value> {
                match name { $(stringify!($field) => Some(&mut self.$field),)* _ => None }
            }
        }
    };
}

value_struct!(
    /// The builtin type objects.
    Types {
        object, type_, int, bool, float, complex, str, bytes, bytearray, tuple, list, dict, set, frozenset,
        range, slice, function, builtin_function, method, code, cell, module, generator, property,
        classmethod, staticmethod, super_, none_type, not_implemented_type, ellipsis_type, value_array,
        traceback, dict_keys, dict_values, dict_items, list_iterator, list_reverseiterator, tuple_iterator,
        str_iterator, bytes_iterator, range_iterator, dict_keyiterator, dict_valueiterator, dict_itemiterator,
        set_iterator, seq_iterator, reversed, enumerate, zip, map, filter, callable_iterator,
    }
);

value_struct!(
    /// The builtin exception classes the VM raises itself.
    ExcTypes {
        base_exception, system_exit, keyboard_interrupt, generator_exit, exception, stop_iteration,
        arithmetic_error, overflow_error, zero_division_error, assertion_error, attribute_error, import_error,
        module_not_found_error, lookup_error, index_error, key_error, memory_error, name_error,
        unbound_local_error, os_error, runtime_error, not_implemented_error, recursion_error, syntax_error,
        indentation_error, tab_error, type_error, value_error, unicode_error, unicode_decode_error,
        unicode_encode_error, eof_error, file_not_found_error, system_error,
    }
);

/// The CPython exception hierarchy: (name, parent). Parents come before children.
pub const EXCEPTION_HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

/// Process-wide values that are not types.
#[derive(Clone, Copy)]
pub struct Runtime {
    /// The builtins module's namespace dict.
    pub builtins: Value,
    pub builtins_module: Value,
    /// `sys.modules`.
    pub modules: Value,
    pub sys: Value,
    pub empty_tuple: Option<Value>,
    /// `sys.path` (a list).
    pub path: Value,
    /// The `__main__` module's dict.
    pub main_dict: Value,
    /// The native stream objects behind the initial `sys.stdout` / `sys.stderr`.
    pub stdout: Value,
    pub stderr: Value,
    /// The globals of the Python-written part of the builtins (`builtins/prelude.py`).
    pub prelude: Value,
    /// Cached interned names used on hot paths.
    pub names: Names,
    /// The interned one-character strs for U+0000..U+00FF (filled at the end of bootstrap; NULL
    /// before), so iterating or indexing a str does not look characters up in the intern table.
    pub chars: [Value; 256],
}

value_struct!(
    /// Interned attribute names the VM looks up itself.
    Names {
        __init__, __new__, __call__, __getattr__, __getattribute__, __setattr__, __delattr__, __get__,
        __set__, __delete__, __repr__, __str__, __hash__, __eq__, __ne__, __lt__, __le__, __gt__, __ge__,
        __len__, __bool__, __iter__, __next__, __getitem__, __setitem__, __delitem__, __contains__,
        __enter__, __exit__, __name__, __qualname__, __module__, __doc__, __dict__, __class__, __slots__,
        __index__, __int__, __float__, __complex__, __neg__, __pos__, __invert__, __abs__, __format__,
        __builtins__, __file__, __spec__, __package__, __loader__, __annotations__, __classcell__,
        __init_subclass__, __set_name__, __mro_entries__, __missing__, __reversed__, __round__, __trunc__,
        __floor__, __ceil__, __instancecheck__, __subclasscheck__, __class_getitem__, __prepare__, __all__,
        __path__, __sizeof__, __main__, __traceback__, __cause__, __context__, __suppress_context__, args,
        __match_args__, __bases__, __mro__, __base__, __weakref__, __dir__, __fspath__, __length_hint__,
        __divmod__, __rdivmod__, __pow__, __rpow__, close, send, throw, value, __objclass__, __abstractmethods__,
        __isabstractmethod__, __orig_bases__, __await__, mro,
    }
);

impl Runtime {
    pub fn trace(&self, t: &mut Tracer) {
        trace_value(t, self.builtins);
        trace_value(t, self.builtins_module);
        trace_value(t, self.modules);
        trace_value(t, self.sys);
        if let Some(e) = self.empty_tuple {
            trace_value(t, e);
        }
        trace_value(t, self.path);
        trace_value(t, self.main_dict);
        trace_value(t, self.stdout);
        trace_value(t, self.stderr);
        trace_value(t, self.prelude);
        self.names.trace(t);
        for v in &self.chars {
            trace_value(t, *v);
        }
    }
}
