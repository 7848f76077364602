# Checks the is* predicates on ASCII, unicode, empty strings and mixed content.
samples = ["", "abc", "ABC", "Abc", "abc123", "123", "12.5", "-5", " ", "\t\n", "a b", "Hello World", "hello World",
           "é", "ÉCOLE", "٣", "²", "½", "Ⅻ", "一二三", "_id", "id_1", "1id", "class", "ß", "ǅ", "\x00", "\x7f", "ü"]
header = ["alpha", "alnum", "digit", "decimal", "numeric", "space", "lower", "upper", "title", "ident", "print", "ascii"]
print(" ".join(h[:5].rjust(5) for h in header), "string")
for s in samples:
    flags = [s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(), s.islower(),
             s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii()]
    print(" ".join(("T" if f else ".").rjust(5) for f in flags), repr(s))
print("123".isdigit() and int("123") == 123, "٣".isdecimal() and int("٣") == 3)
print([c for c in "a1 B2_c!é" if c.isalnum()], sum(c.isupper() for c in "Hello World ABC"))
