"""Builds the link models' primers: what a model reads before a cable's text.

Run from the repository root:
    python3 crates/permalink/data/make_primer.py 1 > crates/permalink/data/primer-v1.txt
    python3 crates/permalink/data/make_primer.py 2 > crates/permalink/data/primer-v2.txt

Both are made from the even-numbered half of corpus/cables (sorted by file name: the 2nd, 4th,
... file), so that the odd-numbered half measures links of cables the primer never saw
(`cargo run --release -p permalink --example sizes -- --held-out`). A primer holds, in order:

1. word sequences (1 to 6 words, at least 4 characters) that occur in at least 4 of those cables,
   the most useful (document frequency x length) last: about 16 KB for version 1, 32 KB for
   version 2 (measured on the held-out half, phrases save more per byte than whole cables:
   a 32 KB list and 12 KB of cables gave a median of 0.373 characters a byte, 16 KB and 28 KB
   0.383); then
2. whole mid-sized (3-12 KB) cables of that half, shortest first: for version 1 every third,
   up to 32 KB in all; for version 2 every second cable in mixed case (modern cables, like
   the seed) and every fourth in capitals, those that fit in 12.3 KB.

A primer is frozen once released: links made with it must keep decoding. A better primer is a
new link format version.
"""
import collections
import pathlib
import sys

MIN_CABLES = 4


def phrases(texts, phrase_bytes):
    cables_with = collections.Counter()
    for text in texts:
        grams = set()
        for line in text.split('\n'):
            words = line.split()
            for n in range(1, 7):
                for i in range(len(words) - n + 1):
                    gram = ' '.join(words[i:i + n])
                    if len(gram) >= 4:
                        grams.add(gram)
        cables_with.update(grams)
    ranked = sorted(((count * len(gram), gram) for gram, count in cables_with.items() if count >= MIN_CABLES), reverse=True)
    chosen, total = [], 0
    for _, gram in ranked:
        if any(gram in other for other in chosen[-400:]):
            continue
        chosen.append(gram)
        total += len(gram) + 1
        if total > phrase_bytes:
            break
    return '\n'.join(reversed(chosen)) + '\n'


def whole_cables_v1(texts):
    mid = [text for text in sorted(texts, key=len) if 3000 < len(text) < 12000]
    out = ''
    for text in mid[::3]:
        if len(out) + len(text) > 32000:
            break
        out += text + '\n'
    return out


def in_mixed_case(text):
    letters = sum(ch.isalpha() for ch in text)
    return sum(ch.islower() for ch in text) > 0.3 * letters


def whole_cables_v2(texts):
    mid = [text for text in sorted(texts, key=len) if 3000 < len(text) < 12000]
    chosen = [text for text in mid if in_mixed_case(text)][::2] + [text for text in mid if not in_mixed_case(text)][::4]
    out = ''
    for text in chosen:
        if len(out) + len(text) > 12300:
            continue
        out += text + '\n'
    return out


def main():
    version = sys.argv[1] if len(sys.argv) > 1 else '1'
    paths = sorted(pathlib.Path('corpus/cables').glob('*.txt'))
    half = [path.read_text(errors='replace') for path in paths[1::2]]
    if version == '1':
        sys.stdout.write(phrases(half, 16000) + whole_cables_v1(half))
    elif version == '2':
        sys.stdout.write(phrases(half, 32000) + whole_cables_v2(half))
    else:
        sys.exit('usage: make_primer.py 1|2')


if __name__ == '__main__':
    main()
