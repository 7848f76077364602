# Checks case conversion: upper/lower/title/capitalize/swapcase/casefold, including unicode special cases.
for s in ["hello world", "HELLO World", "they're bill's friends", "hello-world_foo bar2baz", "", "123abc", "ÉCOLE élève",
          "straße", "ǆemal", "İstanbul", "ΣΊΣΥΦΟΣ", "ﬁne ﬂow", "o'neil mcdonald", "a1b2c3", "mIxEd CaSe"]:
    print(repr(s), "|", s.upper(), "|", s.lower(), "|", s.title(), "|", s.capitalize(), "|", s.swapcase(), "|", s.casefold())
print("ß".upper(), len("ß".upper()), "ﬀ".upper(), "İ".lower(), len("İ".lower()))
print("hello".upper().lower() == "hello", "Straße".casefold() == "STRASSE".casefold(), "Straße".lower() == "strasse")
print("ΌΣΟΣ".lower(), "ὈΔΥΣΣΕΎΣ".lower())
print("abc".islower(), "ABC".isupper(), "Abc".istitle(), "ABC def".istitle(), "Abc Def".istitle(), "123".islower())
print("a".upper() + "B".lower(), ("x" * 3).upper(), "Σ".lower(), "AΣ".lower(), "AΣ B".lower(), "ΣA".lower())
