# Checks repr() of strings: quote selection, escapes for control chars, backslashes, non-printables and printable unicode.
cases = ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "new\nline", "cr\rlf",
         "\x00\x01\x1f\x7f", "\x80\x9f\xa0", "é ü ñ", "日本語", "😀", "\u200b", "\ufeff", "\u2028", "\U0001F4A9",
         "\x0b\x0c", "\\n is not a newline", "'", '"', "''\"\"", "", "\a\b", "\x1b[0m",
         "\u00ad", "\u0301", "a\u0301", "\u3000", "\xff", "\u0100"]
for s in cases:
    print(repr(s), len(s))
print(str(cases[:3]), ascii("é日😀\n"), ascii("plain"), ascii(["ü"]))
print("%r" % "x'y", "{!r}".format("a\nb"), f"{chr(39)!r}", f"{'x'!r:>6}")
print(repr(repr("a")), repr(repr("it's")), len(repr("\n")), [repr(chr(c)) for c in (9, 10, 13, 92, 39)])
