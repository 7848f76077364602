# Checks OSError(errno, strerror[, filename[, winerror, filename2]]): errno -> subclass mapping, args, str and attributes.
for n in (1, 2, 4, 11, 13, 17, 20, 21, 32, 110, 111, 999):
    e = OSError(n, "msg")
    print(n, type(e).__name__, e, e.errno, e.strerror)
e = OSError(2, "No such file", "a.txt")
print(type(e).__name__, e, e.args, e.filename, e.filename2, repr(e))
e = OSError(2, "No such file", "a.txt", None, "b.txt")
print(e, e.filename2)
print(OSError("plain"), OSError(), OSError(1, 2, 3, 4, 5, 6).args, repr(OSError(2)))
class MyErr(OSError):
    pass
print(type(MyErr(2, "x")).__name__, FileNotFoundError(99, "x"), isinstance(OSError(2, "x"), OSError))
print(IOError is OSError, EnvironmentError is OSError)
