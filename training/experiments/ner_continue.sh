#!/bin/bash
# Issue 13, session 16: continued training of the shipped ner (model 0.4.0, `ner_news`) at a low
# learning rate, so that its error profile (which the rule components `presseschau_ner_rules` and
# `presseschau_names` were developed on) stays close. Unlike session 11 (`ner_news_ft.sh`, Wikinews
# train only, PER fell), the data is the whole training mix the ner was made from (rehearsal), by
# default with the mention-replacement copies of `training/augment.py` (lone surnames, non-German
# names: the PER class session 11 lost). The shipped ner was trained at a constant lr 0.001 and never
# annealed; this is its low-lr phase. One run per call:
#   [SEED=N] training/experiments/ner_continue.sh aug|mix|silver LR STEPS [BATCH_WORDS] [DROPOUT]
# aug: training/corpus/news_1.0_aug/ner_train.spacy (the mix + 1,363 augmented copies of Wikinews
# train and GermEval train; `python -m training.augment ...`, its docstring); mix: the mix only
# (news_1.0/ner_train.spacy, the shipped ner's own training set); silver (session 19): the mix + the
# Bundestag paragraphs labelled by the whole pipeline (training/corpus/silver_bt, made by
# `training/experiments/silver_ner.sh`; SILVER=DIR another such folder). SEED: spaCy's seed (0, the
# config's, by default). Source:
# models/de_presseschau's ner (own tok2vec) and its floret table; selection set ner_dev_all,
# evaluated every 250 steps, per label in training/logs/ct_*.jsonl. Then a candidate pipeline (the shipped one with only this ner)
# (model-last) at $CAND_ROOT/cand_NAME, to be scored through the whole pipeline on the dev sets.
# Needs the news_1.0 corpus (`make -f training/Makefile corpus`) and, for aug, the augment step.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
PY=${PY:-.venv/bin/python}
CAND_ROOT=${CAND_ROOT:-training/output}
usage="usage: [SEED=N] $0 aug|mix|silver LR STEPS [BATCH_WORDS] [DROPOUT]"
[ $# -ge 3 ] || { echo "$usage" >&2; exit 2; }
data=$1; lr=$2; steps=$3; words=${4:-1000}; dropout=${5:-0.1}
seed=${SEED:-0}
name=ct_${data}$([ -z "${SILVER:-}" ] || echo _$(basename "$SILVER"))_${lr}_${steps}_${words}_${dropout}$([ "$seed" = 0 ] || echo _s$seed)
case $data in
  aug) train=training/corpus/news_1.0_aug/ner_train.spacy ;;
  mix) train=training/corpus/news_1.0/ner_train.spacy ;;
  silver) train=${SILVER:-training/corpus/silver_bt} ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
if [ "$data" = silver ]; then  # the folder holds the silver docs; spaCy reads every .spacy file of it: the mix too
  [ -f "$train/silver.spacy" ] || { echo "$0: $train/silver.spacy: no such file (python -m training.experiments.silver_ner --out $train/silver.spacy)" >&2; exit 2; }
  ln -sf "$PWD/training/corpus/news_1.0/ner_train.spacy" "$train/ner_train.spacy"
fi
for f in $train training/corpus/news_1.0/ner_dev_all.spacy; do
  [ -e "$f" ] || { echo "$0: $f: no such file (run \`make -f training/Makefile corpus\` / training.augment first)" >&2; exit 2; }
done
mkdir -p training/logs
# dropout 0.1 and a fixed batch of BATCH_WORDS words: the shipped ner's own dropout and its final
# batch size (ner_vec.cfg compounds 100 -> 1000 words), so only the learning rate changes.
/usr/bin/time -v $PY -m spacy train training/configs/ner_finetune.cfg --code training/log_hooks.py \
  --output training/output/$name --paths.source models/de_presseschau --paths.vectors models/de_presseschau \
  --paths.train $train --paths.dev training/corpus/news_1.0/ner_dev_all.spacy \
  --training.optimizer.learn_rate "$lr" --training.max_steps "$steps" --training.patience "$steps" \
  --training.eval_frequency 250 --training.dropout "$dropout" --system.seed "$seed" \
  --training.batcher.size.start "$words" --training.batcher.size.stop "$words" \
  --training.logger.@loggers presseschau.PerTypeLogger.v1 --training.logger.path training/logs/$name.jsonl \
  > training/logs/$name.log 2>&1 || { echo "$0: training failed, see training/logs/$name.log" >&2; exit 1; }
# model-last, not model-best: spaCy scores the step-0 checkpoint too, the base ner after one update
# whose averaged weights (thinc's averages start at zero) are a scaled copy of the base, and that
# copy scored highest on ner_dev_all in every run (76.4: higher precision, lower recall).
cand=$CAND_ROOT/cand_$name
$PY -m training.assemble --base models/de_presseschau --ner training/output/$name/model-last --out $cand
echo "scores through the whole pipeline: $PY -m pipeline.evaluate.model --model $cand --split dev --mode pipeline --json FILE"
