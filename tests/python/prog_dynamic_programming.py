# Larger program: dynamic programming - LCS with reconstruction, 0/1 knapsack with chosen items, edit distance, coin change, LIS.
def lcs(a, b):
    n, m = len(a), len(b)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            dp[i][j] = dp[i + 1][j + 1] + 1 if a[i] == b[j] else max(dp[i + 1][j], dp[i][j + 1])
    out, i, j = [], 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return dp[0][0], "".join(out) if isinstance(a, str) else out

for a, b in [("ABCBDAB", "BDCABA"), ("AGGTAB", "GXTXAYB"), ("", "abc"), ("same", "same"), ("abc", "xyz")]:
    print("lcs", a, b, "->", lcs(a, b))
print(lcs([1, 3, 5, 7, 9], [1, 2, 3, 4, 5, 6, 7]))

def knapsack(items, capacity):
    n = len(items)
    dp = [[0] * (capacity + 1) for _ in range(n + 1)]
    for i, (name, weight, value) in enumerate(items, 1):
        for c in range(capacity + 1):
            dp[i][c] = dp[i - 1][c]
            if weight <= c and dp[i - 1][c - weight] + value > dp[i][c]:
                dp[i][c] = dp[i - 1][c - weight] + value
    chosen, c = [], capacity
    for i in range(n, 0, -1):
        if dp[i][c] != dp[i - 1][c]:
            name, weight, value = items[i - 1]
            chosen.append(name)
            c -= weight
    return dp[n][capacity], sorted(chosen)

items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160), ("glucose", 15, 60),
         ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40), ("cheese", 23, 30), ("beer", 52, 10)]
for cap in (0, 50, 100, 200, 400):
    print("knapsack", cap, knapsack(items, cap))

def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("intention", "execution"), ("même", "meme")]:
    print("edit", a, b, edit_distance(a, b))

def coin_change(coins, amount):
    INF = float("inf")
    best = [0] + [INF] * amount
    ways = [1] + [0] * amount
    for c in coins:
        for v in range(c, amount + 1):
            ways[v] += ways[v - c]
    for v in range(1, amount + 1):
        for c in coins:
            if c <= v and best[v - c] + 1 < best[v]:
                best[v] = best[v - c] + 1
    return (best[amount] if best[amount] != INF else None), ways[amount]
for coins, amount in [([1, 2, 5], 11), ([2], 3), ([1, 5, 10, 25, 50], 100), ([3, 7], 20), ([186, 419, 83, 408], 6249)]:
    print("coins", coins, amount, coin_change(coins, amount))

def lis(seq):
    if not seq:
        return []
    best = [1] * len(seq)
    prev = [-1] * len(seq)
    for i in range(len(seq)):
        for j in range(i):
            if seq[j] < seq[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    k = max(range(len(seq)), key=lambda i: (best[i], -i))
    out = []
    while k != -1:
        out.append(seq[k])
        k = prev[k]
    return out[::-1]
print(lis([10, 9, 2, 5, 3, 7, 101, 18]), lis([0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15]), lis([]), lis([5, 4, 3]))
