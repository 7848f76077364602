# Sorting lists of tuples: tuple comparison, key functions, slicing.
def lcg(seed, n):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        out.append(x >> 40)
    return out


checksum = 0
for round_ in range(2):
    nums = lcg(round_ + 1, 70000)
    recs = [(n % 1000, -(n % 97), str(n % 5003), i) for i, n in [(j, nums[j]) for j in range(len(nums))]]
    recs.sort()
    checksum = (checksum * 31 + recs[0][3] + recs[-1][3] + recs[len(recs) // 2][3]) % 1000000007
    by_name = sorted(recs, key=lambda r: (r[2], r[3]))
    checksum = (checksum * 31 + by_name[0][3] + by_name[-1][3]) % 1000000007
    rev = sorted(recs, reverse=True)
    checksum = (checksum * 31 + rev[10][3]) % 1000000007
print(checksum)
