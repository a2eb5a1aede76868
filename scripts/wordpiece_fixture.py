#!/usr/bin/env python3
"""Writes crates/nlp/tests/data/wordpiece_ids.tsv: texts and the piece ids that the
reference BERT tokenizer (Hugging Face `tokenizers`, with the encoder's own
vocabulary) gives them, so that the test `wordpiece_matches_the_reference` can hold
the encoder's tokenizer to it.

    pip install tokenizers
    python3 scripts/wordpiece_fixture.py
"""

import os

from tokenizers import BertWordPieceTokenizer

NLP = os.path.join("crates", "nlp")
OUT = os.path.join(NLP, "tests", "data", "wordpiece_ids.tsv")
SOURCES = [os.path.join(NLP, "tests", "data", n) for n in ("crisis_final53.tsv", "crisis_final57.tsv", "tone.tsv")]
EXTRA = [
    "Café naïve résumé — déjà vu!",
    "i can't even rn 😭😭 lol",
    "I'm SO done w/ this... ugh!!!",
    "他不回我消息 so i'm sad",
    "zero\u200bwidth and\u00a0non-breaking spaces",
    "supercalifragilisticexpialidocious" * 4,
    "emoji😀glued and $100 ^ `ticks` ~tilde",
    "Ünïcödé ÅNGSTRÖM straße",
    "",
    "   ",
]


def main():
    tok = BertWordPieceTokenizer(os.path.join(NLP, "model", "encoder_vocab.txt"), lowercase=True)
    texts = []
    for path in SOURCES:
        with open(path, encoding="utf-8") as f:
            rows = [l.rstrip("\n").split("\t")[-1] for l in f if not l.startswith("#") and l.strip()]
        texts += rows[:120]
    texts += EXTRA
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Written by scripts/wordpiece_fixture.py: piece ids (space-separated, without [CLS] and [SEP]) <TAB> text.\n")
        for t in texts:
            ids = tok.encode(t, add_special_tokens=False).ids
            f.write(" ".join(map(str, ids)) + "\t" + t + "\n")
    print(f"wrote {OUT} ({len(texts)} texts)")


if __name__ == "__main__":
    main()
