# Ends with UnicodeDecodeError from decoding an invalid UTF-8 byte.
print(b"caf\xc3\xa9".decode("utf-8"))
print("decoding b'\\xff' next")
b"\xff".decode("utf-8")
