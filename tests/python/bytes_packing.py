# Checks building and parsing binary data by hand: bytes(n), to_bytes/from_bytes framing, checksums, hex dumps and bytearray buffers.
def pack_message(kind, payload):
    body = payload.encode("utf-8")
    return bytes([kind]) + len(body).to_bytes(2, "big") + body

def unpack_messages(data):
    pos = 0
    out = []
    while pos < len(data):
        kind = data[pos]
        length = int.from_bytes(data[pos + 1:pos + 3], "big")
        body = data[pos + 3:pos + 3 + length]
        out.append((kind, body.decode("utf-8")))
        pos += 3 + length
    return out

stream = pack_message(1, "hello") + pack_message(2, "") + pack_message(3, "ünïcödé ✓")
print(stream)
print(len(stream), unpack_messages(stream))

def hexdump(data, width=8):
    for off in range(0, len(data), width):
        chunk = data[off:off + width]
        hexpart = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        print(f"{off:04x}  {hexpart:<{width * 3}} {text}")
hexdump(stream)

def checksum(data):
    s = 0
    for b in data:
        s = (s * 31 + b) & 0xFFFFFFFF
    return s
print(checksum(b""), checksum(b"a"), checksum(stream), hex(checksum(bytes(range(256)))))

def xor_cipher(data, key):
    return bytes(b ^ key[i % len(key)] for i, b in enumerate(data))
secret = xor_cipher(b"attack at dawn", b"key")
print(secret, xor_cipher(secret, b"key"))

print(bytes(5), bytes(0), bytearray(3), bytes([1, 2, 3]) * 2, bytes(range(250, 256)))
buf = bytearray(8)
buf[0:4] = (0xCAFEBABE).to_bytes(4, "big")
buf[4:8] = (-2).to_bytes(4, "little", signed=True)
print(buf.hex(), int.from_bytes(buf[:4], "big") == 0xCAFEBABE, int.from_bytes(buf[4:], "little", signed=True))
bits = "".join(f"{b:08b}" for b in b"\x0f\xa5")
print(bits, int(bits, 2), bytes([int(bits[i:i + 8], 2) for i in range(0, 16, 8)]))
b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
def b64(data):
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        enc = [b64chars[(n >> s) & 63] for s in (18, 12, 6, 0)]
        out.append("".join(enc[:len(chunk) + 1]) + "=" * (3 - len(chunk)))
    return "".join(out)
print(b64(b"Man"), b64(b"Ma"), b64(b"M"), b64(b""), b64(b"hello world"), b64("✓".encode()))
