"""Weight interpolation of two ners of the same architecture (issue 13, session 16): the shipped ner
and a continued-training run of it (training/experiments/ner_continue.sh). After Wortsman et al.
(2022), "Robust fine-tuning of zero-shot models" (WiSE-FT): a point on the line between the original
weights and the fine-tuned ones keeps much of the original's behaviour, here the error profile the
rule components were developed on, while taking part of the fine-tune's gain.

    python -m training.interpolate_ner --base models/de_presseschau --other RUN/model-last \
        --alpha 0.5 --out DIR

Writes a ner-only training pipeline (the run's, with the interpolated weights) to DIR, to be put into
the shipped pipeline with `python -m training.assemble --base models/de_presseschau --ner DIR --out ...`.
alpha 0: the base ner, 1: the other one.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import spacy


def interpolate(base_model, other_model, alpha: float) -> int:
    """Set every parameter of `other_model` to (1 - alpha) * base + alpha * other, in place; the two
    thinc models must have the same layers in the same order. Returns the number of arrays changed."""
    base_nodes, other_nodes = list(base_model.walk()), list(other_model.walk())
    if [n.name for n in base_nodes] != [n.name for n in other_nodes]:
        raise ValueError("the two ners have different architectures")
    n = 0
    for b, o in zip(base_nodes, other_nodes):
        for name in o.param_names:
            if not (o.has_param(name) and b.has_param(name)):
                continue
            pb, po = b.get_param(name), o.get_param(name)
            if pb.shape != po.shape:
                raise ValueError(f"{o.name}.{name}: shapes {pb.shape} and {po.shape}")
            o.set_param(name, (1.0 - alpha) * pb + alpha * po)
            n += 1
    return n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=Path, required=True, help="a pipeline with the original ner")
    ap.add_argument("--other", type=Path, required=True, help="a pipeline with the continued ner (same architecture)")
    ap.add_argument("--alpha", type=float, default=0.5)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    if not 0.0 <= args.alpha <= 1.0:
        ap.error(f"--alpha {args.alpha}: between 0 and 1")
    base = spacy.load(args.base)
    other = spacy.load(args.other)
    if base.get_pipe("ner").labels != other.get_pipe("ner").labels:
        raise SystemExit("the two ners have different labels")
    n = interpolate(base.get_pipe("ner").model, other.get_pipe("ner").model, args.alpha)
    other.to_disk(args.out)
    print(f"wrote {args.out}: {n} parameter arrays, alpha {args.alpha}")


if __name__ == "__main__":
    main()
