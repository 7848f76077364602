# Checks strip/lstrip/rstrip with and without char sets, replace with counts, removeprefix/removesuffix.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("xyhiyx".strip("xy")), repr("abcHELLOcba".strip("abc")), repr("hello".strip("")))
print(repr("www.example.com".lstrip("w.")), repr("www.example.com".rstrip(".moc")), repr("aaa".strip("a")))
print(repr("\u2003 unicode space \u3000".strip()), repr("\x0b\x0cvt ff\x1c".strip()))
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "banana".replace("na", ""), "banana".replace("x", "y"))
print("banana".replace("", "-"), "banana".replace("", "-", 3), "".replace("", "x"), "aaa".replace("a", "aa"))
print("banana".replace("a", "o", 0), "banana".replace("a", "o", -1), "abcabc".replace("abc", "X"))
print("Mississippi".replace("ss", "SS").replace("i", "!"))
print("prefix_name".removeprefix("prefix_"), "prefix_name".removeprefix("nope"), "file.py".removesuffix(".py"), "file.py".removesuffix(""))
print("a\tb".replace("\t", "    "), repr("line\r\n".rstrip("\r\n")), repr("  ".strip()))
text = "The cat sat on the mat with the other cat"
print(text.replace("cat", "dog"), text.count("the"), text.lower().count("the"))
print(text.replace(" ", ""), len(text), len(text.replace(" ", "")))
original = "immutable"
changed = original.replace("m", "M")
print(original, changed, original is not changed)
print(repr("--==[x]==--".strip("-=[]")), repr("  x  ".strip(" x")))
