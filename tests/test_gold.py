"""The gold standard (annotations/gold/seeds.jsonl) is internally consistent and matches
the raw seed files: offsets, sha256s, labels, value shapes, and its hand-written sources."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "annotations" / "gold"
GOLD = GOLD_DIR / "seeds.jsonl"
CORPUS = REPO / "corpus"

LABELS = {"PER", "ORG", "LOC", "MISC", "DATE", "FIGURE"}
NAME_LABELS = {"PER", "ORG", "LOC", "MISC"}
# YYYY, YYYY-MM, YYYY-MM-DD, seasons YYYY-SP/SU/FA/WI, quarters YYYY-Q1..4, ISO weeks YYYY-Www
ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-(SP|SU|FA|WI)|-Q[1-4]|-W(0[1-9]|[1-4]\d|5[0-3]))?$")
PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return _gold()


def _raw(rec: dict) -> str:
    return (REPO / rec["source"]["path"]).read_bytes().decode("utf-8")


def test_one_record_per_seed_file(gold):
    seeds = sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert seeds, "no seed files in corpus/"
    assert [r["id"] for r in gold] == seeds
    assert len({r["id"] for r in gold}) == len(gold)
    for rec in gold:
        assert rec["source"]["path"] == f"corpus/{rec['id']}.txt"


def test_sha256_matches_the_raw_bytes(gold):
    for rec in gold:
        data = (REPO / rec["source"]["path"]).read_bytes()
        assert rec["source"]["sha256"] == hashlib.sha256(data).hexdigest(), rec["id"]


def test_published_is_iso(gold):
    for rec in gold:
        assert PUBLISHED.match(rec["published"]), rec["id"]


def test_offsets_point_at_the_text_in_the_raw(gold):
    for rec in gold:
        raw = _raw(rec)
        assert rec["entities"], rec["id"]
        for e in rec["entities"]:
            assert isinstance(e["raw_start"], int) and isinstance(e["raw_end"], int)
            assert 0 <= e["raw_start"] < e["raw_end"] <= len(raw), (rec["id"], e)
            assert raw[e["raw_start"]:e["raw_end"]] == e["text"], (rec["id"], e)
            assert e["text"] == e["text"].strip(), (rec["id"], e)


def test_spans_are_sorted_and_do_not_overlap(gold):
    for rec in gold:
        ents = rec["entities"]
        assert ents == sorted(ents, key=lambda e: (e["raw_start"], e["raw_end"]))
        for a, b in zip(ents, ents[1:]):
            assert a["raw_end"] <= b["raw_start"], (rec["id"], a, b)


def test_spans_sit_on_word_boundaries(gold):
    for rec in gold:
        raw = _raw(rec)
        for e in rec["entities"]:
            s, t = e["raw_start"], e["raw_end"]
            assert s == 0 or not raw[s - 1].isalnum(), (rec["id"], e)
            assert t == len(raw) or not raw[t].isalnum(), (rec["id"], e)


def test_line_broken_spans_carry_clean_text(gold):
    for rec in gold:
        for e in rec["entities"]:
            if "\n" in e["text"]:
                assert "clean_text" in e and "\n" not in e["clean_text"], (rec["id"], e)
                if re.search(r"[a-zäöüß]-\n[a-zäöüß]", e["text"]):
                    assert e["clean_text"] == re.sub(r"-\n", "", e["text"]), (rec["id"], e)
            else:
                assert "clean_text" not in e, (rec["id"], e)


def test_labels_and_fields(gold):
    iso_duration = _load_builder().ISO_DURATION  # durations and sets (issue 18), as the builder checks them
    for rec in gold:
        for e in rec["entities"]:
            assert e["label"] in LABELS, (rec["id"], e)
            if e["label"] == "DATE":
                assert "value" in e
                assert e["value"] is None or (isinstance(e["value"], str) and (ISO_DATE.match(e["value"]) or iso_duration.match(e["value"]))), (rec["id"], e)
            elif e["label"] == "FIGURE":
                for k in ("value", "unit", "about", "qualifier", "event"):
                    assert k in e, (rec["id"], e, k)
                v = e["value"]
                assert isinstance(v, (int, float)) and not isinstance(v, bool), (rec["id"], e)
                assert v == v and v not in (float("inf"), float("-inf"))
                for k in ("unit", "about", "qualifier", "event"):
                    assert e[k] is None or (isinstance(e[k], str) and e[k].strip()), (rec["id"], e, k)
            else:
                assert isinstance(e.get("canonical"), str) and e["canonical"].strip(), (rec["id"], e)
                assert "value" not in e and "unit" not in e


def test_every_label_is_represented(gold):
    seen = {e["label"] for rec in gold for e in rec["entities"]}
    assert seen == LABELS


def test_date_values_respect_the_publication_date(gold):
    """No resolved DATE lies after the article's publication (the seeds report the past)."""
    for rec in gold:
        pub = rec["published"]
        for e in rec["entities"]:
            if e["label"] == "DATE" and e["value"] and re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", e["value"]):
                n = min(len(pub), len(e["value"]))
                assert e["value"][:n] <= pub[:n], (rec["id"], e)


def test_gold_is_built_from_its_sources():
    """seeds.jsonl is exactly what build_gold.py makes of seeds_src/ (no hand edits drift)."""
    proc = subprocess.run([sys.executable, str(GOLD_DIR / "build_gold.py"), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr + proc.stdout


def _load_builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gold", GOLD_DIR / "build_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_builder_fails_loudly_on_a_missing_surface(tmp_path, monkeypatch):
    mod = _load_builder()
    stem = sorted(p.stem for p in CORPUS.glob("*.txt"))[0]
    src = tmp_path / f"{stem}.psv"
    src.write_text("#@published 2022-01-08\nlabel | text\nLOC | Atlantis-gibt-es-nicht\n", encoding="utf-8")
    monkeypatch.setattr(mod, "SRC", tmp_path)
    with pytest.raises(mod.GoldError, match="not found"):
        mod.build_article(stem)


def test_builder_respects_word_boundaries():
    mod = _load_builder()
    raw = "Kasachstans Nachbar Kasachstan-Experte und Kasachstan."
    assert mod.find_all(raw, "Kasachstan") == [raw.rindex("Kasachstan")]
    assert mod.clean_surface("Russ-\nlands") == "Russlands"
    assert mod.clean_surface("Wladimir\nPutin") == "Wladimir Putin"
