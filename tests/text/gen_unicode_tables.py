"""Writes engine/text/unicode_tables.cpp: the Unicode data the CLIP tokenizer needs, taken from the
reference itself (the `tokenizers` library that transformers' CLIPTokenizer runs on), so that our
character classes, lowercasing and NFC agree with it code point for code point.

Usage: ~/.cache/gesso/venv/bin/python tests/text/gen_unicode_tables.py engine/text/unicode_tables.cpp
The ctest fixture (tests/fixtures/text_fixture.py) re-derives the same facts at test time and
test_unicode checks every code point against them, so a stale table fails a test."""
import sys
import unicodedata

import regex
from tokenizers import Regex, normalizers, pre_tokenizers

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3


def code_points():
    return [c for c in range(0x110000) if not (0xD800 <= c < 0xE000)]


def matched(pattern, text):
    """Code points of `text` that the tokenizers (Oniguruma) regex `pattern` matches alone."""
    split = pre_tokenizers.Split(Regex(pattern), behavior="removed", invert=True)
    return {ord(piece) for piece, _ in split.pre_tokenize_str(text)}


def ranges(points):
    out = []
    for c in sorted(points):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def lowercase_runs(cps):
    """(first, last, delta, stride): cp -> cp + delta for first, first + stride, ... last."""
    low = normalizers.Lowercase()
    runs, multi = [], {}
    for c in cps:
        r = low.normalize_str(chr(c))
        if r == chr(c):
            continue
        if len(r) != 1:
            multi[c] = [ord(x) for x in r]
            continue
        d = ord(r) - c
        if runs and runs[-1][2] == d and c - runs[-1][1] in (1, 2) and runs[-1][3] in (0, c - runs[-1][1]):
            runs[-1][3] = c - runs[-1][1]
            runs[-1][1] = c
        else:
            runs.append([c, c, d, 0])
    return [(a, b, d, s or 1) for a, b, d, s in runs], multi


def decompositions(cps):
    """cp -> (full canonical decomposition, is primary composite), Hangul syllables left to code."""
    nfd, nfc = normalizers.NFD(), normalizers.NFC()
    out = {}
    for c in cps:
        if HANGUL_FIRST <= c <= HANGUL_LAST:
            continue
        d = nfd.normalize_str(chr(c))
        if d != chr(c):
            out[c] = ([ord(x) for x in d], nfc.normalize_str(d) == chr(c))
    check_pairs_derivable(out)
    return out


def check_pairs_derivable(dec):
    """The runtime derives each composite's pair as (the composite of all but the last code point of
    its full decomposition, the last one); check that this is Unicode's own first-level mapping."""
    by_full = {tuple(d): c for c, (d, composes) in dec.items() if composes}
    for c, (d, composes) in dec.items():
        if not composes:
            continue
        first = d[0] if len(d) == 2 else by_full[tuple(d[:-1])]
        ucd = unicodedata.decomposition(chr(c))
        if ucd and not ucd.startswith("<"):
            assert [int(x, 16) for x in ucd.split()] == [first, d[-1]], hex(c)


def known_to_normalizer(c, ccc):
    """Whether the normalizer of `tokenizers` (whose Unicode data is older than the regex module's)
    treats c as a non-starter: a known mark is reordered before / after an old mark of another class.
    Combining classes never change once assigned, so a known mark has the class `regex` reports."""
    nfd = normalizers.NFD()
    if len(nfd.normalize_str(chr(c))) != 1:
        return True  # decomposes: its class is not used directly
    probe = "a" + chr(c) + "\u0334" if ccc > 1 else "a\u0301" + chr(c)  # U+0334: class 1, U+0301: 230
    return nfd.normalize_str(probe) != probe


def combining_classes(text):
    ccc = {}
    for v in range(1, 256):
        try:
            pattern = regex.compile(r"\p{ccc=%d}" % v)
        except regex.error:
            continue
        for m in pattern.finditer(text):
            if known_to_normalizer(ord(m.group()), v):
                ccc[ord(m.group())] = v
    out = []
    for c in sorted(ccc):
        if out and out[-1][1] == c - 1 and out[-1][2] == ccc[c]:
            out[-1][1] = c
        else:
            out.append([c, c, ccc[c]])
    return out


def emit(name, comment, numbers, width=118):
    array = "k" + "".join(w.capitalize() for w in name.split("_"))
    lines = ["// " + comment, "constexpr std::uint32_t %s[] = {" % array]
    line = "   "
    for n in numbers:
        item = "0x%X," % n
        if len(line) + len(item) > width:
            lines.append(line)
            line = "   "
        line += item
    lines.append(line)
    lines.append("};")
    lines.append("}  // namespace")
    lines.append("const std::span<const std::uint32_t> %s(%s);" % (name, array))
    lines.insert(0, "namespace {")
    return "\n".join(lines) + "\n"


def main(path):
    cps = code_points()
    text = "".join(map(chr, cps))
    letters, numbers, spaces = matched(r"\p{L}", text), matched(r"\p{N}", text), matched(r"\s", text)
    runs, multi = lowercase_runs(cps)
    assert list(multi) == [0x130], multi  # the one code point whose lowercase is two (U+0130)
    dec = decompositions(cps)
    flat = lambda rows: [x for row in rows for x in row]
    dec_rows = [[c, len(d) | (8 if composes else 0)] + d for c, (d, composes) in sorted(dec.items())]
    body = [
        emit("letter_ranges", "[first, last] pairs of \\p{L}", flat(ranges(letters))),
        emit("number_ranges", "[first, last] pairs of \\p{N}", flat(ranges(numbers))),
        emit("space_ranges", "[first, last] pairs of Oniguruma's \\s", flat(ranges(spaces))),
        emit("lowercase_runs", "(first, last, delta mod 2^32, stride): first + k*stride lowercases to itself + delta",
             flat([(a, b, d & 0xFFFFFFFF, s) for a, b, d, s in runs])),
        emit("combining_classes", "(first, last, canonical combining class)", flat(combining_classes(text))),
        emit("decompositions", "cp, n | 8 if cp is a primary composite, then its full canonical decomposition (n code points)", flat(dec_rows)),
    ]
    head = ("// GENERATED by tests/text/gen_unicode_tables.py from the `tokenizers` %s library (Unicode data of\n"
            "// the reference CLIP tokenizer) -- do not edit; re-run the script instead.\n"
            '#include "engine/text/unicode_tables.h"\n\nnamespace gesso::text::unicode_tables {\n\n'
            % __import__("tokenizers").__version__)
    with open(path, "w") as f:
        f.write(head + "\n".join(body) + "\n}  // namespace gesso::text::unicode_tables\n")


if __name__ == "__main__":
    main(sys.argv[1])
