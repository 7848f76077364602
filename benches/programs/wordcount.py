# Word frequencies over generated text: string building, slicing,
# character scanning, dict get/set, sorting by key.
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zu", "pi", "da", "go"]
PUNCT = [" ", " ", " ", ", ", ". ", "; "]


def make_lines(nwords, seed):
    # Generated as lines of ~12 words, like reading a text file line by line.
    x = seed
    lines = []
    line = ""
    for k in range(nwords):
        x = (x * 1103515245 + 12345) % 2147483648
        n = 1 + (x >> 16) % 3
        y = x
        for _ in range(n):
            line += SYLLABLES[y % len(SYLLABLES)]
            y //= len(SYLLABLES)
        line += PUNCT[(x >> 8) % len(PUNCT)]
        if k % 12 == 11:
            lines.append(line)
            line = ""
    lines.append(line)
    return lines


SEPARATORS = {" ": True, ",": True, ".": True, ";": True}


def count(text):
    counts = {}
    start = 0
    i = 0
    for ch in text:
        if ch in SEPARATORS:
            if i > start:
                w = text[start:i]
                counts[w] = counts.get(w, 0) + 1
            start = i + 1
        i += 1
    if i > start:
        w = text[start:i]
        counts[w] = counts.get(w, 0) + 1
    return counts


total = 0
merged = {}
for seed in range(5):
    for line in make_lines(60000, seed):
        for k, v in count(line).items():
            merged[k] = merged.get(k, 0) + v
            total += v
top = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(total, len(merged))
for k, v in top:
    print(k, v)
