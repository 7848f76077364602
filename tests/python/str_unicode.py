# Checks unicode strings: ord/chr across planes, len counts code points, iteration, comparisons by code point, escapes.
for ch in ["A", "z", "0", " ", "\n", "é", "ß", "€", "日", "😀", "\U0010FFFF", "\x00"]:
    print(repr(ch), ord(ch), hex(ord(ch)), chr(ord(ch)) == ch)
print(chr(65), chr(0x3B1), chr(0x1F40D), chr(0), repr(chr(127)), repr(chr(0x10FFFF)))
s = "Grüße, 世界! 🌍🚀"
print(len(s), [c for c in s][-2:], s[7:9], s.upper(), s.encode("utf-8")[:10])
print(sorted("bAaB"), sorted(["é", "e", "f", "E", "z", "Z"]), "a" < "B", "a" < "b", "é" > "z")
print(max("hello 世界"), min("hello 世界"), "日本" < "日本語", "abc" < "abd", "" < "a")
print("\N{SNOWMAN} \N{BLACK HEART SUIT} \u2603 \U0001F600", "\N{LATIN SMALL LETTER E WITH ACUTE}" == "é")
composed = "é"
decomposed = "e\u0301"
print(len(composed), len(decomposed), composed == decomposed, [hex(ord(c)) for c in decomposed])
print("🇳🇴", len("🇳🇴"), "👨‍👩‍👧", len("👨‍👩‍👧"))
print("".join(chr(c) for c in range(0x41, 0x5B)), "".join(chr(0x2460 + i) for i in range(5)))
print([ord(c) - ord("a") for c in "python"], "".join(chr((ord(c) - 97 + 13) % 26 + 97) for c in "hello"))
print("straße".find("ß"), "日本語テキスト".index("テ"), "😀😃😄".count("😃"), "😀😃😄"[::-1])
print("Ω" * 3, "ab" + "ΩΩ", "x".join("日本語"), list("añb"))
print(str(b"\xc3\xa9", "utf-8"), "é".encode(), len("é".encode()), len("😀".encode()), len("😀".encode("utf-16-le")))
print("ǅ".isupper(), "ǅ".islower(), "ǅ".istitle(), "Ⅷ".lower(), "ⓐ".upper())
print(sum(1 for c in s if ord(c) > 127), [c for c in s if not c.isascii()])
print("\t".isspace(), "\u00a0".isspace(), "\u200b".isspace(), "\u2003".isspace())
