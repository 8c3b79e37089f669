#!/usr/bin/env python3
"""Independent reference for govsim's random streams (sim/gs-rng.c).

This script re-implements, from the published algorithms and with Python's
arbitrary-precision integers (masked to 64 bits), everything tests/test-rng.c
checks bit for bit:

  * SplitMix64 (Steele, Lea and Flood, 2014; Vigna's splitmix64.c), checked
    here against its published first outputs for seeds 0 and 1234567;
  * xoshiro256** (Blackman and Vigna, 2018; xoshiro256starstar.c), checked
    here against the reference outputs for the state {1, 2, 3, 4};
  * govsim's derivation of a stream from (seed, stream index):
        x    = seed XOR mix(stream)          mix = SplitMix64's finaliser
        s[i] = splitmix64_next(x), i = 0..3  (successive outputs)
  * the derived samplers: uniform, below (threshold rejection), normal
    (Marsaglia polar, spare discarded) and exponential (inversion).

It is a tool for a reader who wants to re-derive the constants in
tests/test-rng.c; the build never runs it.  Usage: python3 rng-reference.py
"""

import math

MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def mix(z):
    """SplitMix64's output function (a bijection on 64-bit words)."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


class SplitMix64:
    def __init__(self, x):
        self.x = x & MASK

    def next(self):
        self.x = (self.x + GAMMA) & MASK
        return mix(self.x)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, s):
        self.s = list(s)

    @classmethod
    def stream(cls, seed, stream):
        sm = SplitMix64(seed ^ mix(stream))
        return cls([sm.next() for _ in range(4)])

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53

    def below(self, n):
        threshold = (1 << 64) % n
        while True:
            r = self.next()
            if r >= threshold:
                return r % n

    def normal(self):
        while True:
            u = 2.0 * self.uniform() - 1.0
            v = 2.0 * self.uniform() - 1.0
            s = u * u + v * v
            if 0.0 < s < 1.0:
                return u * math.sqrt(-2.0 * math.log(s) / s)

    def exponential(self, mean):
        return -mean * math.log1p(-self.uniform())


def self_check():
    """The published vectors: if these fail, the transcription is wrong."""
    sm = SplitMix64(0)
    assert [sm.next() for _ in range(4)] == [
        0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4,
        0x06C45D188009454F, 0xF88BB8A8724C81EC]
    sm = SplitMix64(1234567)
    assert [sm.next() for _ in range(5)] == [
        6457827717110365317, 3203168211198807973, 9817491932198370423,
        4593380528125082431, 16408922859458223821]
    x = Xoshiro256StarStar([1, 2, 3, 4])
    assert [x.next() for _ in range(10)] == [
        11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
        607988272756665600, 16172922978634559625, 8476171486693032832,
        10595114339597558777, 2904607092377533576]


def main():
    self_check()
    print("published vectors: OK")
    for seed, stream in [(42, 0), (42, 1), (42, 7), (0, 0),
                         (0xFFFFFFFFFFFFFFFF, 12345)]:
        print(f"(seed {seed:#x}, stream {stream}) mix(stream) = "
              f"{mix(stream):#018x}")
        r = Xoshiro256StarStar.stream(seed, stream)
        print("  state:  " + ", ".join(f"{w:#018x}" for w in r.s))
        print("  next:   " + ", ".join(f"{r.next():#018x}" for _ in range(5)))
    r = Xoshiro256StarStar.stream(2024, 3)
    print("(2024, 3) uniform: " + ", ".join(repr(r.uniform()) for _ in range(3)))
    r = Xoshiro256StarStar.stream(2024, 3)
    print("(2024, 3) below(10): " + ", ".join(str(r.below(10)) for _ in range(10)))
    r = Xoshiro256StarStar.stream(2024, 3)
    # The sixth raw output of this stream is below 2^62 = 2^64 mod (3 << 62)
    # and is rejected, so six results exercise the rejection path.
    print("(2024, 3) below(3 << 62): "
          + ", ".join(f"{r.below(3 << 62):#018x}" for _ in range(6)))
    r = Xoshiro256StarStar.stream(2024, 3)
    print("(2024, 3) normal: " + ", ".join(repr(r.normal()) for _ in range(4)))
    r = Xoshiro256StarStar.stream(2024, 3)
    print("(2024, 3) exponential(2.5): "
          + ", ".join(repr(r.exponential(2.5)) for _ in range(3)))


if __name__ == "__main__":
    main()
