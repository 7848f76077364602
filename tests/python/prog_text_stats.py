# Larger program: text statistics - word frequencies printed in sorted order, sentence/line stats, n-grams, and a simple bar chart.
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair. We had everything before us, we had nothing before us!
Were we all going direct to Heaven? We were all going direct the other way."""

def words_of(text):
    cleaned = []
    for ch in text.lower():
        cleaned.append(ch if ch.isalpha() or ch == "'" else " ")
    return "".join(cleaned).split()

words = words_of(TEXT)
print("characters:", len(TEXT), "letters:", sum(c.isalpha() for c in TEXT), "lines:", len(TEXT.splitlines()))
print("words:", len(words), "unique:", len(set(words)))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
for w, n in top:
    print(f"{w:>12} {n:3} {'#' * n}")
print("alphabetical:", sorted(freq)[:15])
print("hapax legomena:", sorted(w for w, n in freq.items() if n == 1)[:12])
by_len = {}
for w in set(words):
    by_len.setdefault(len(w), []).append(w)
for length in sorted(by_len):
    print(length, sorted(by_len[length]))
sentences = []
current = []
for ch in TEXT.replace("\n", " "):
    current.append(ch)
    if ch in ".!?":
        sentences.append("".join(current).strip())
        current = []
print("sentences:", len(sentences))
for s in sentences:
    print(f"  {len(words_of(s)):2} words, ends with {s[-1]!r}: {s[:40]}...")
bigrams = {}
for a, b in zip(words, words[1:]):
    bigrams[(a, b)] = bigrams.get((a, b), 0) + 1
print("top bigrams:", sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
letters = {}
for c in TEXT.lower():
    if c.isalpha():
        letters[c] = letters.get(c, 0) + 1
total_letters = sum(letters.values())
print("letter frequency:", " ".join(f"{c}={letters[c] * 100 / total_letters:.1f}%" for c in sorted(letters, key=lambda c: (-letters[c], c))[:8]))
print("longest word:", max(sorted(freq), key=len), "| average word length: %.3f" % (sum(map(len, words)) / len(words)))
caps = sorted({w.strip(",.!?") for w in TEXT.split() if w[0].isupper()})
print("capitalised:", caps)
