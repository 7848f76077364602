# Checks slicing with negative steps and extreme bounds on lists, strings, tuples and bytes, verifying they agree with each other.
data = list(range(12))
text = "abcdefghijkl"
tup = tuple(data)
raw = bytes(range(97, 109))
cases = [(None, None, -1), (None, None, -2), (10, 2, -1), (10, 2, -3), (-1, -5, -1), (2, 10, -1), (-20, None, -1),
         (None, -20, -1), (100, None, -4), (5, None, -1), (None, 5, -1), (0, None, -1), (None, 0, -1), (-1, None, -5)]
for start, stop, step in cases:
    sl = slice(start, stop, step)
    part = data[sl]
    consistent = "".join(text[sl]) == "".join(chr(97 + i) for i in part) and list(tup[sl]) == part and list(raw[sl]) == [97 + i for i in part]
    print(f"[{start}:{stop}:{step}]", part, text[sl], consistent)
print(data[::-1][::-1] == data, text[::-1][::-1] == text, text[::-3][::-1])
print(data[-3:-1], data[-1:-3], data[-1:-3:-1], text[-2:], text[:-2], text[-100:2], text[2:-100])
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[::-1] for row in m[::-1]], [row[-1] for row in m], m[-1][-1])
nums = list(range(10))
nums[::-2] = ["x"] * 5
print(nums)
nums = list(range(10))
del nums[-2::-3]
print(nums)
