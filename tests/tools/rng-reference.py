#!/usr/bin/env python3
"""Independent reference for govsim's random streams (sim/base/gs-rng.c)
and keyed draws (sim/base/gs-draw.c).

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
    (Marsaglia polar, spare discarded) and exponential (inversion);
  * the keyed draws of include/govsim/gs-draw.h, written from that header's
    contract alone (not from gs-draw.c):
        h0           = mix(seed + GAMMA)
        absorb(h, w) = mix((h XOR w) + GAMMA)
        bits         = absorb over replication, purpose, a, b, c, d in order
        uniform      = (bits >> 11) * 2^-53
        stream       = the xoshiro256** stream (bits, 0) of gs_rng_init.

It is a tool for a reader who wants to re-derive the constants in
tests/test-rng.c and tests/test-draws.c; the build never runs it.
Usage: python3 rng-reference.py          (streams)
       python3 rng-reference.py draws    (keyed draws)
"""

import sys

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


# The words of each purpose's key (gs_draw_arity()): VALUE 0, GAP 1 and
# ATTEND 2 have two; BALLOT 3, AGREE 4, OUTCOME 5 and CHAIR 6 have four.
# A ballot's words: case key, body, time of the meeting, person.
ARITY = {0: 2, 1: 2, 2: 2}


def absorb(h, w):
    return mix(((h ^ (w & MASK)) + GAMMA) & MASK)


def draw_bits(seed, replication, purpose, a=0, b=0, c=0, d=0):
    """gs_draw_bits(): the SplitMix64 chain over the key, per gs-draw.h:
    seed, then replication, purpose and the purpose's words."""
    h = mix((seed + GAMMA) & MASK)
    words = (a, b, c, d)[:ARITY.get(purpose, 4)]
    for w in (replication, purpose) + words:
        h = absorb(h, w)
    return h


def draw_again(bits):
    """gs_draw_again(): the key extended by the word 1."""
    return absorb(bits, 1)


def to_uniform(bits):
    return (bits >> 11) * 2.0**-53


def draw_uniform(seed, replication, purpose, a=0, b=0, c=0, d=0):
    return to_uniform(draw_bits(seed, replication, purpose, a, b, c, d))


def draw_normal(seed, replication, purpose, a=0, b=0, c=0, d=0):
    """gs_draw_normal(): Box-Muller from the key's uniform u1 and the
    uniform u2 of the key extended by 1 (1 - u1 is exact on the 2^-53
    grid, so log(1 - u1) is what the C computes)."""
    bits = draw_bits(seed, replication, purpose, a, b, c, d)
    u1 = to_uniform(bits)
    u2 = to_uniform(draw_again(bits))
    return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)


def draw_stream(seed, replication, purpose, a=0, b=0, c=0, d=0):
    return Xoshiro256StarStar.stream(
        draw_bits(seed, replication, purpose, a, b, c, d), 0)


# The keys tests/test-draws.c checks: (seed, replication, purpose, a, b, c, d)
# with the purposes of GsDrawPurpose (VALUE 0, GAP 1, ATTEND 2, BALLOT 3,
# AGREE 4, OUTCOME 5, CHAIR 6).
DRAW_KEYS = [
    (0, 0, 0, 0, 0, 0, 0),
    (1, 0, 2, 3, 19723, 0, 0),
    (1, 0, 2, 4, 19723, 0, 0),
    (42, 7, 3, (2 << 32) | 17, 3, 28401120, 5),
    (0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF, 6,
     0xFFFFFFFFFFFFFFFF, 1, 0x8000000000000000, 12345),
]


def main_draws():
    self_check()
    print("published vectors: OK")
    for key in DRAW_KEYS:
        print("key (" + ", ".join(f"{w:#x}" for w in key) + ")")
        print(f"  bits:    {draw_bits(*key):#018x}")
        print(f"  uniform: {draw_uniform(*key)!r}")
        print(f"  again:   {draw_again(draw_bits(*key)):#018x}")
    key = (2024, 3, 0, 1, 5, 0, 0)
    r = draw_stream(*key)
    print("stream of key (" + ", ".join(f"{w:#x}" for w in key) + ")")
    print("  state:  " + ", ".join(f"{w:#018x}" for w in r.s))
    print("  next:   " + ", ".join(f"{r.next():#018x}" for _ in range(3)))
    r = draw_stream(*key)
    print(f"  normal: {r.normal()!r}")
    print(f"normal of key (2024, 3, 0, 1, 5): {draw_normal(2024, 3, 0, 1, 5)!r}")
    main_traffic(7)
    main_ballots(7)
    main_urgent(7)


def main_traffic(seed):
    """The traffic of test_draws_traffic_reference in tests/test-draws.c,
    replication 0: stream 0 fixed every P7D, values uniform:1000,2000 from
    the keyed uniform of (VALUE, stream, serial); stream 1 Poisson every P1D
    (mean 1440 minutes) from day 1, values lognormal:10,1 from the keyed
    normal (Box-Muller) of (VALUE, stream, serial).  Values are rounded half away from zero (llround);
    times are minutes after the start."""
    print(f"traffic of seed {seed}:")
    for k in range(1, 4):
        u = draw_uniform(seed, 0, 0, 0, k)
        print(f"  stream 0 #{k}: value {math.floor(1000 + 1000 * u + 0.5)}")
    t = 1440
    for k in range(1, 5):
        z = draw_normal(seed, 0, 0, 1, k)
        v = math.floor(math.exp(10 + 1 * z) + 0.5)
        print(f"  stream 1 #{k}: arrives +{t} min, value {v}")
        gap = -1440 * math.log(1.0 - draw_uniform(seed, 0, 1, 1, k))
        t += max(1, math.ceil(gap))
    # Attendance 0.5 of people 0, 1, 2 at the weekly meetings from
    # 2024-01-03, day 19725 counted from 1970-01-01: present iff the keyed
    # uniform of (person, day) is below 0.5.
    for w in range(9):
        day = 19725 + 7 * w
        present = [p for p in range(3)
                   if draw_uniform(seed, 0, 2, p, day) < 0.5]
        print(f"  week {w} (day {day}): present {present}")


def main_ballots(seed):
    """The ballots of test_draws_ballot_reference in tests/test-draws.c,
    replication 0: one member (person 0) of body 0, always present, support
    0.5, no abstention; case k of stream 0 (case key (1 << 32) | k) arrives
    on 2024-01-01 + 7 (k - 1) days and is voted on at the meeting two days
    later, at midnight, minute 1440 × (19725 + 7 (k - 1)).  The ballot's key
    is (BALLOT, case key, body, time, person); the abstention test draws the
    key's bits (certain here: abstain 0), and the member votes for, so the
    case is approved, iff the uniform of the key extended by 1 is below
    0.5."""
    approved = []
    for k in range(1, 9):
        key = (1 << 32) | k
        time = 1440 * (19725 + 7 * (k - 1))
        bits = draw_bits(seed, 0, 3, key, 0, time, 0)
        if to_uniform(draw_again(bits)) < 0.5:
            approved.append(k)
    print(f"ballots of seed {seed}: approved {approved} of 1..8")


def main_urgent(seed):
    """The chair's actions of test_draws_urgent_reference in
    tests/test-draws.c, replication 0: the chair (person 0) of body 0,
    support 0.5; urgent case k of stream 0 (case key (1 << 32) | k) arrives
    on 2024-01-01 + 7 (k - 1) days, minute 1440 x (19723 + 7 (k - 1)), and
    the chair acts that day iff the uniform of the key (URGENT 7, case key,
    body, time it was put, person) -- the person last, as for a ballot --
    is below 0.5."""
    taken = []
    for k in range(1, 9):
        key = (1 << 32) | k
        time = 1440 * (19723 + 7 * (k - 1))
        if draw_uniform(seed, 0, 7, key, 0, time, 0) < 0.5:
            taken.append(k)
    print(f"chair's actions of seed {seed}: taken {taken} of 1..8")


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
    if sys.argv[1:] == ["draws"]:
        main_draws()
    else:
        main()
