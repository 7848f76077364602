# Checks literal syntax: numeric literals with underscores/bases/exponents, string prefixes, implicit concatenation, containers.
print(1_000_000, 0x_ff, 0o17, 0b1010_1010, 0XAB, 0O7, 0B1)
print(1e3, 1E-2, 1_0.5_0, .5, 5., 0e0, 1_2e1_0)
print(3j, 1.5j, 1e2j, 0j)
print("single", 'double', """triple""", '''triple2''')
print("implicit" " concat" ' enation')
print(r"raw\n\t", R"raw2\\", rb"rawbytes\x00")
print("escapes: tab[\t] nl[\\n] quote[\"] apos[\'] bs[\\] hex[\x41] oct[\101] uni[\u00e9] big[\U0001F600] name[\N{GREEK SMALL LETTER ALPHA}]")
print(len("\x00\x01"), len(r"\x00"), ord("\0"), ord("\7"), repr("\0"))
print(b"bytes\x00\xff", B"B")
print(f"{1 + 1}" "plain" f"{'nested'}")
print("""line one
line two""")
print("continued \
line")
print([], [1], [1, 2,], (), (1,), (1, 2,), {}, {1: 2,}, {1, 2,})
print(type(()).__name__, type((1)).__name__, type((1,)).__name__)
print(..., Ellipsis is ..., None, True, False)
x = [
    1,
    2,  # comment inside
    3
]
print(x)
total = 1 + \
    2 + \
    3
print(total)
print(0 == 0_0 == 00, 0x10 == 16 == 0o20 == 0b10000)
print(9999999999999999999999999999999)
print(-0x80, ~0b0)
print('it''s', "a" 'b' """c""")
print(type(1).__name__, type(1.0).__name__, type(1j).__name__, type("").__name__, type(b"").__name__)
