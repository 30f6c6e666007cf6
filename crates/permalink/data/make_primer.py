"""Builds data/primer-v1.txt, what the version-1 link model reads before a cable's text.

Run from the repository root:  python3 crates/permalink/data/make_primer.py > primer.txt

The primer is made from the even-numbered half of corpus/cables (sorted by file name: the 2nd,
4th, ... file), so that the odd-numbered half measures links of cables the primer never saw
(`cargo run --release -p permalink --example sizes -- --held-out`). It holds, in order:

1. word sequences (1 to 6 words, at least 4 characters) that occur in at least 4 of those cables,
   the most useful (document frequency x length) last, about 16 KB; then
2. the whole text of every third mid-sized (3-12 KB) cable of that half, shortest first, up to
   32 KB in all.

The output is frozen once released: links made with it must keep decoding. A better primer is a
new link format version.
"""
import collections
import pathlib
import sys

PHRASE_BYTES = 16000
MIN_CABLES = 4
TEXT_BYTES = 32000


def phrases(texts):
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
        if total > PHRASE_BYTES:
            break
    return '\n'.join(reversed(chosen)) + '\n'


def whole_cables(texts):
    mid = [text for text in sorted(texts, key=len) if 3000 < len(text) < 12000]
    out = ''
    for text in mid[::3]:
        if len(out) + len(text) > TEXT_BYTES:
            break
        out += text + '\n'
    return out


def main():
    paths = sorted(pathlib.Path('corpus/cables').glob('*.txt'))
    half = [path.read_text(errors='replace') for path in paths[1::2]]
    sys.stdout.write(phrases(half) + whole_cables(half))


if __name__ == '__main__':
    main()
