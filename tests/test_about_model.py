"""The learned fallback for FIGURE `about` (issue 18, pipeline/nlp/about_model.py): the model
file's loader, the decision rule, and decisions of the shipped weights on sentences of the dev
splits (the figures the rules leave null there; the model was trained on them, so these check
the weights file and the inference, not how well it generalises: that is the blind sets' numbers
(dev6, session 11; dev13, session 15) in training/EXPERIMENTS.md and docs/measurements/dates_figures.md),
and the trainer's folds, held-out sets and model file."""
import json

import pytest

from pipeline.nlp.ext import FIGURE_SPANS
from pipeline.errors import LanguageDataUnreadable
from pipeline.nlp.about_model import MODEL_KEYS, combine, decide, load_about_model, unit_class
from pipeline.paths import LANG_DIR


def _good() -> dict:
    return json.loads((LANG_DIR / "about_model.json").read_text(encoding="utf-8"))


def test_shipped_model_loads():
    m = load_about_model()
    assert m.version == 2 and 0.0 <= m.threshold <= 1.0 and len(m.weights) > 50
    assert m.mode in ("fallback", "override", "gap") and m.rule_prior["none"] < m.rule_prior["parse"]
    assert set(_good()) - {"_comment"} == MODEL_KEYS


@pytest.mark.parametrize("change, words", [
    (lambda d: d.pop("weights"), "missing keys ['weights']"),
    (lambda d: d.update(extra=1), "unknown keys ['extra']"),
    (lambda d: d.update(version=99), "version 99"),
    (lambda d: d.update(threshold=1.5), "threshold"),
    (lambda d: d.update(groups=["position", "nonsense"]), "groups"),
    (lambda d: d["weights"].update({"cand": "high"}), "weights"),
    (lambda d: d.update(mode="always"), "mode"),
    (lambda d: d.update(margin=3), "margin"),
    (lambda d: d["rule_prior"].update(parse=1.7), "rule_prior"),
])
def test_malformed_model_is_a_clear_error(tmp_path, change, words):
    data = _good()
    change(data)
    path = tmp_path / "about_model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LanguageDataUnreadable) as e:
        load_about_model(str(path))
    assert str(path) in str(e.value) and words in str(e.value)


@pytest.mark.parametrize("content", [None, "{ not json", b"\xff\xfe\x00"])
def test_missing_or_unreadable_model_is_a_clear_error(tmp_path, content):
    path = tmp_path / "about_model.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(LanguageDataUnreadable) as e:
        load_about_model(str(path))
    assert str(path) in str(e.value) and "train_about" in str(e.value)


def test_decide_sums_candidates_of_one_lemma_and_keeps_null_below_threshold():
    dist = [(None, 0.3), ("Einnahme", 0.2), ("Monat", 0.3), ("Einnahme", 0.2)]
    assert decide(dist, 0.4) == ("Einnahme", 0.4)
    assert decide(dist, 0.5) == (None, 0.3)
    assert decide([(None, 1.0)], 0.0) == (None, 1.0)


def test_combine_modes():
    """How the model's answer meets the rules': the fallback fills only a null; the override needs the
    model's probability to reach the rule's out-of-sample accuracy plus the margin; the gap needs it to
    beat the probability the model gives the rules' answer by the margin; agreeing is no change."""
    dist = [(None, 0.1), ("Umsatz", 0.6), ("Firma", 0.3)]
    prior = {"*": 0.8, "parse": 0.9, "none": 0.25}
    assert combine("fallback", dist, None, None, 0.5, 0.0, prior) == "Umsatz"
    assert combine("fallback", dist, "Firma", "parse", 0.5, 0.0, prior) is None
    assert combine("override", dist, "Firma", "parse", 0.0, 0.0, prior) is None  # 0.6 < 0.9
    assert combine("override", dist, "Firma", "linear_new", 0.0, -0.25, prior) == "Umsatz"  # 0.6 >= 0.8 - 0.25
    assert combine("override", dist, None, None, 0.0, 0.3, prior) == "Umsatz"  # 0.6 >= 0.25 + 0.3
    assert combine("override", dist, "umsatz", "parse", 0.0, -1.0, prior) is None  # the same answer
    assert combine("gap", dist, "Firma", "parse", 0.0, 0.3, prior) == "Umsatz"  # 0.6 - 0.3 >= 0.3
    assert combine("gap", dist, "Firma", "parse", 0.0, 0.35, prior) is None


def test_unit_classes():
    money = ["EUR", "USD"]
    assert [unit_class(u, money) for u in (None, "%", "EUR", "USD/bbl", "year", "km")] == \
        ["count", "percent", "money", "money", "age", "measure"]


# sentences of the training sets whose figure the rules leave without `about` (gold in the comment),
# with the shipped weights' decision: filled where the best candidate's probability reaches the
# model's threshold (session 16: 0.8, chosen in CV by right - 2 x wrong), left null below it, right
# or not (the fallback gives up right fills to avoid wrong ones)
NOBEL = ("Der Preis, der in diesem Jahr mit zehn Millionen schwedischen Kronen (950.000 Euro) dotiert ist, wird wegen "
         "der Corona-Pandemie am 10. Dezember 2020, dem Todestag von Alfred Nobel, in kleinerer Runde verliehen.")
DECISIONS = [
    # above the threshold: gold Ergebnis. (dev13's prize, NOBEL, gold Preis for both amounts, and dev's
    # "betrugen ... 60 Millionen US-Dollar", gold Einnahme, were the fallback's until session 25's rules
    # took them: tests/figures/test_about_subjects.py)
    ("Das außergewöhnliche Ergebnis: 6,52 Promille.", "6,52 Promille", "Ergebnis"),
    # dev8, gold null (the best candidate Autobauer: the one who lacks the money, not what it measures);
    # dev9, gold Leistungsdichte (the best candidate the rank noun Platz); dev, gold Einnahme (best: Tour)
    ("Dem Autobauer fehlen 30 Millionen Euro.", "30 Millionen Euro", None),
    ("Sachsen-Anhalt nimmt den dritten Platz mit 0,186 MW/km² ein.", "0,186 MW/km²", None),
    ("Die Tour, die vom Herbst 2005 bis August 2007 dauerte, spülte 558.255.524 US-Dollar in die Kassen der Altrocker.",
     "558.255.524 US-Dollar", None),
    # gold null: a distance between places, a shot's distance, a price of nothing named
    ("Der selbstgebaute Sprengsatz explodierte in der Region Nowgorod 500 Kilometer nördlich von Moskau.", "500 Kilometer", None),
    ("Samuel Eto'o hatte die erste Torchance des Spieles in der fünften Minute, verfehlte jedoch bei seinem Schuss aus 25 Metern das Tor.",
     "25 Metern", None),
    ("Trotzdem galt die Verbindung als hergestellt, so dass er 49 Cent bezahlen musste.", "49 Cent", None),
]


@pytest.fixture()
def figures_on(nlp_model):
    fr = nlp_model.get_pipe("presseschau_figures")
    before = fr.about_model
    fr.use_about_model(True)
    yield nlp_model
    fr.about_model = before


def _about(nlp, text, figure):
    doc = nlp(text)
    spans = [s for s in doc.spans[FIGURE_SPANS] if s.text == figure]
    assert len(spans) == 1, [s.text for s in doc.spans[FIGURE_SPANS]]
    return spans[0]._.about, spans[0]._.about_rule


@pytest.mark.parametrize("text, figure, filled", DECISIONS)
def test_fallback_decisions_on_dev_sentences(figures_on, text, figure, filled):
    """Filled exactly where the best candidate's probability reaches the shipped threshold."""
    from pipeline.nlp.about_model import instance

    about, rule = _about(figures_on, text, figure)
    assert about == filled
    assert rule == ("learned" if filled else None)
    fr = figures_on.get_pipe("presseschau_figures")
    m = fr.about_model
    doc = figures_on(text)
    span = next(s for s in doc.spans[FIGURE_SPANS] if s.text == figure)
    best, p = decide(m.distribution(instance(fr, doc, span, m.groups, m.prev_sentence)), 0.0)
    assert (p >= m.threshold) == (filled is not None) and (filled is None or best == filled)


def test_fallback_leaves_the_rules_alone(nlp_model):
    """Switched on, the model fills only figures the rules leave null; it changes no `about` a rule gave."""
    # the prize sentence first: the model reads the sentence before a figure too (prev_sentence),
    # and the earthquake's nouns before it would be candidates of the prize money
    text = ("Das außergewöhnliche Ergebnis: 6,52 Promille. " + NOBEL + " Mindestens 250 Menschen sind bei dem Erdbeben ums "
            "Leben gekommen. So wird dieses Jahr die Rohstahlproduktion aller Vorhersehbarkeit nach bei rund 38,5 Millionen "
            "Tonnen liegen.")
    fr = nlp_model.get_pipe("presseschau_figures")
    before = fr.about_model
    try:
        fr.use_about_model(False)
        doc = nlp_model(text)
        off = [(s.text, s._.about, s._.about_rule) for s in doc.spans[FIGURE_SPANS]]
        fr.use_about_model(True)
        doc = nlp_model(text)
        on = [(s.text, s._.about, s._.about_rule) for s in doc.spans[FIGURE_SPANS]]
    finally:
        fr.about_model = before
    assert [x for x in off if x[1] is not None] == [x for x in on if x[2] != "learned"]
    assert ("6,52 Promille", "Ergebnis", "learned") in on and ("6,52 Promille", None, None) in off
    assert ("950.000 Euro", "Preis", "range") in off  # a rule's (session 25), kept with the model on
    assert ("950.000 Euro", "Preis", "range") in on


def test_trainer_cache_is_written_whole_and_read_back(nlp_model, tmp_path, monkeypatch):
    """training/train_about.py --cache: the annotated Docs and their gold records are written
    atomically and read back to the same matched figures; a cache without its records (a run
    stopped halfway) is rebuilt, not a FileNotFoundError."""
    import pipeline.evaluate.rules as rules
    from pipeline.nlp import doc_to_entities
    from training.train_about import collect

    text = "Mindestens 250 Menschen sind bei dem Erdbeben in der Region Nowgorod ums Leben gekommen."
    doc = nlp_model(text)
    gold = [dict(e.to_dict(), about="Mensch") for e in doc_to_entities(doc) if e.label == "FIGURE"]
    assert gold, "the sentence has a figure"
    calls = []

    def split_docs(nlp, data_dir, split):
        calls.append(split)
        return [({"id": "x", "entities": gold}, nlp_model(text))]

    monkeypatch.setattr(rules, "split_docs", split_docs)
    first = collect(nlp_model, ("dev",), tmp_path)
    assert (tmp_path / "dev.spacy").is_file() and (tmp_path / "dev.json").is_file()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    again = collect(nlp_model, ("dev",), tmp_path)
    assert calls == ["dev"]  # read from the cache
    assert [(f.span.text, f.gold, f.rule_about) for f in again] == [(f.span.text, f.gold, f.rule_about) for f in first]
    (tmp_path / "dev.json").unlink()
    assert len(collect(nlp_model, ("dev",), tmp_path)) == len(first) and calls == ["dev", "dev"]


def test_override_mode_through_the_pipeline(nlp_model, tmp_path):
    """A model file in mode "override" replaces the rules' answers in the pipeline where its
    probability clears the rule's prior plus the margin: with margin -1 wherever the model's best
    candidate differs, with margin 1 nowhere (no prior is 0 here)."""
    from pipeline.nlp.about_model import instance

    text = ("Mindestens 250 Menschen sind bei dem Erdbeben ums Leben gekommen. Die Inflation stieg im Mai auf "
            "7,9 Prozent. So wird dieses Jahr die Rohstahlproduktion bei rund 38,5 Millionen Tonnen liegen. "
            "Am Ende waren es 300.")
    fr = nlp_model.get_pipe("presseschau_figures")
    before = fr.about_model
    runs = {}
    try:
        fr.use_about_model(False)
        doc = nlp_model(text)
        rules = [(s.text, s._.about) for s in doc.spans[FIGURE_SPANS]]
        for margin in (-1.0, 1.0):
            data = dict(_good(), mode="override", margin=margin)
            path = tmp_path / f"m{margin}.json"
            path.write_text(json.dumps(data), encoding="utf-8")
            fr.about_model = load_about_model(str(path))
            doc = nlp_model(text)
            runs[margin] = [(s.text, s._.about) for s in doc.spans[FIGURE_SPANS]]
            best = [decide(fr.about_model.distribution(instance(fr, doc, s, fr.about_model.groups,
                                                                fr.about_model.prev_sentence)), 0.0)[0]
                    for s in doc.spans[FIGURE_SPANS]]
    finally:
        fr.about_model = before
    assert runs[1.0] == rules
    assert [a for _, a in runs[-1.0]] == [b or r for b, (_, r) in zip(best, rules)]
    # the rules leave "300" null (the text does not say what); the model's best candidate fills it
    # (since session 26 the rules read "38,5 Millionen Tonnen" as Rohstahlproduktion, as the model does)
    assert len(rules) == 4 and rules[3] == ("300", None) and runs[-1.0] != rules


def test_trainer_writes_a_model_the_pipeline_reads():
    """training/train_about.py's model file: the shipped file is what `model_data` writes for its
    own fields, and a cross-validated override or gap, whose margin may be negative (MARGINS
    from -0.3), gives a file the loader accepts (threshold 0, the number as the margin)."""
    from training.train_about import MARGINS, model_data

    shipped = _good()
    cfg = {"groups": shipped["groups"], "prev_sentence": shipped["prev_sentence"], "threshold": shipped["threshold"],
           "l2": shipped["l2"], "subset": shipped["trained_on"]["subset"]}
    args = (shipped["rule_prior"], shipped["weights"], shipped["trained_on"]["figures"], shipped["trained_on"]["sets"])
    assert shipped["mode"] == "fallback" and model_data("fallback", cfg, *args) == shipped
    # written as main() writes it: byte for byte the shipped file (key order included)
    text = json.dumps(model_data("fallback", cfg, *args), ensure_ascii=False, indent=0, sort_keys=False) + "\n"
    assert text == (LANG_DIR / "about_model.json").read_text(encoding="utf-8")
    for mode in ("override", "gap"):
        data = model_data(mode, dict(cfg, threshold=min(MARGINS)), *args)
        assert min(MARGINS) < 0 and (data["mode"], data["threshold"], data["margin"]) == (mode, 0.0, min(MARGINS))


def test_trainer_folds_leave_the_held_out_set_out(monkeypatch):
    """training/train_about.py `out_of_fold` (the one fold loop of the cross-validation and of
    `fold_table`): each held-out set is scored by a model trained on the other sets only (with
    "rule_null" only on figures the rules leave null), its rule priors from the other sets only."""
    from types import SimpleNamespace

    import training.train_about as ta

    def fig(s, rule_about, unit=None):
        return ta.Fig(s, None, SimpleNamespace(_=SimpleNamespace(unit=unit)), "Mensch", rule_about, "parse")

    figs = [fig("dev", None), fig("dev", "Mensch"), fig("dev4", None), fig("dev4", "Haus"), fig("dev5", None),
            fig("dev5", "Mensch"), fig("dev5", None, unit="year")]  # a duration: not modelled, never trained on
    trained = []
    monkeypatch.setattr(ta, "instance", lambda fr, f, groups, prev: [(f.set, [f"id={id(f)}"])])
    monkeypatch.setattr(ta, "train", lambda insts, golds, l2: trained.append(sorted(i[0][0] for i in insts)) or {})
    monkeypatch.setattr(ta, "distributions", lambda w, insts: insts)
    assert ta.rule_priors(figs[2:4]) != ta.rule_priors(figs[4:])
    for subset, expected in (("all", [["dev", "dev", "dev5", "dev5"], ["dev", "dev", "dev4", "dev4"]]),
                             ("rule_null", [["dev", "dev5"], ["dev", "dev4"]])):
        trained.clear()
        out = list(ta.out_of_fold(None, figs, ("dev4", "dev5"), ("position",), False, 0.01, subset))
        assert [held for held, *_ in out] == ["dev4", "dev5"] and trained == expected
        for held, te, dists, prior in out:
            assert te == [f for f in figs if f.set == held] and [d[0][0] for d in dists] == [held] * len(te)
            assert prior == ta.rule_priors([f for f in figs if f.set != held])


def test_trainer_sign_test_and_fold_sums():
    """The exact two-sided sign test of the fold tables (won against lost) and their sums."""
    from training.train_about import sign_test, summed

    assert sign_test(0, 0) == 1.0 and sign_test(3, 3) == 1.0
    assert sign_test(12, 1) == pytest.approx(2 * 14 / 2 ** 13)  # session 11's fallback: p = 0.003
    assert sign_test(0, 5) == sign_test(5, 0) == pytest.approx(2 / 32)
    row = {"matched": 10, "rules": 8, "correct": 9, "rule_null": 2, "changed": 2, "won": 1, "lost": 0}
    tot = summed({"dev": row, "dev2": dict(row, won=0, lost=1), "dev12": dict(row, won=2)}, ("dev", "dev2"))
    assert (tot["matched"], tot["won"], tot["lost"], tot["sign_p"]) == (20, 1, 1, 1.0)


def test_trainer_held_out_sets_are_left_out_and_not_read_with_no_score(monkeypatch, tmp_path):
    """`python -m training.train_about --held-out dev13,dev14 --no-score`: the held-out sets are
    neither trained, cross-validated nor read (no Doc of theirs is made); without --no-score they
    are read only at the end, after the model file is written."""
    from types import SimpleNamespace

    import pipeline.nlp as nlp_mod
    import training.train_about as ta

    events = []
    nlp = SimpleNamespace(get_pipe=lambda name: SimpleNamespace(about_model=None))
    monkeypatch.setattr(nlp_mod, "load_nlp", lambda: (nlp, None))
    monkeypatch.setattr(ta, "collect", lambda nlp, sets, cache: events.append(("collect", tuple(sets))) or [])
    monkeypatch.setattr(ta, "fit", lambda fr, figs, cfg: {"cand": 0.5})
    out = tmp_path / "m.json"
    for no_score in (True, False):
        events.clear()
        argv = ["--held-out", "dev13,dev14", "--out", str(out), "--json", str(tmp_path / "r.json")]
        assert ta.main(argv + ["--no-score"] * no_score) == 0
        trained = ta.TRAIN_SETS[:-1]
        assert ta.TRAIN_SETS[-1] == "dev13" and events[0] == ("collect", trained)
        assert events[1:] == ([] if no_score else [("collect", ("dev13",)), ("collect", ("dev14",))])
        assert json.loads(out.read_text(encoding="utf-8"))["trained_on"]["sets"] == list(trained)
        report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
        assert report["sets"] == list(trained) and report["rules_blind"] == []
        assert ("dev14" in report) is not no_score
    assert ta.main(["--held-out", "test", "--no-score", "--out", str(out)]) == 2


def test_fallback_skips_a_doc_without_a_parse():
    """The model's features are read off the parse: on a pipeline without a parser (a blank one with
    the rule components, as tests/figure_helpers.py builds) the fallback stays out, where reading
    `Token.children` of an unparsed Doc had crashed spaCy (a segmentation fault, session 15)."""
    from figure_helpers import figs, make

    nlp = make()
    nlp.get_pipe("presseschau_figures").use_about_model(True)
    # wn3552's results table (tests/figures/test_values_formats.py), the text that crashed
    text = ("Wahlergebnisse 2005: \n\nStimmbeteiligung: 39.89  \n\n Freisinnig-demokratische Partei: 28.56 % Sitze 7 "
            "(2001: 35,2%;1997: 35,3%)\n Sozialdemokratische Partei: 28.24 & Sitze 7 (2001: 25,2%; 1997: 25,1%)\n")
    found = figs(nlp, text, "2005-02-28")
    assert ("28.56 %", 28.56, "%") in [f[:3] for f in found]
    doc = nlp.make_doc(text)
    doc._.published = "2005-02-28"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert all(s._.about_rule != "learned" for s in doc.spans[FIGURE_SPANS])


def test_decide_with_threshold_one_fills_nothing():
    """A threshold of 1 means "never fill", also where a probability rounds to 1.0."""
    assert decide([(None, 0.0), ("Preis", 1.0)], 1.0) == (None, 0.0)
    assert decide([(None, 0.0), ("Preis", 1.0)], 0.98) == ("Preis", 1.0)


def test_trainer_fill_tally_utility_and_nested_choice(monkeypatch):
    """training/train_about.py (session 16): the fallback's fills per threshold ([fills, right, gold
    null], only where the rules leave `about` null), their utility right - FILL_COST x wrong, the
    choice of configuration and threshold by it (the fewest fills of equals: nothing filled when no
    threshold pays), and the nested measurement that chooses for each fold on the other folds only."""
    from types import SimpleNamespace

    import training.train_about as ta

    monkeypatch.setattr(ta, "THRESHOLDS", (0.5, 0.9, 1.0))
    assert ta.FILL_COST == 2

    def fig(gold, rule_about=None, unit=None):
        return ta.Fig("dev", None, SimpleNamespace(_=SimpleNamespace(unit=unit)), gold, rule_about, None)

    dist = [(None, 0.0), ("Preis", 0.6), ("Firma", 0.05), ("Preis", 0.35)]  # Preis 0.95 in all
    figs = [fig("Preis"), fig(None), fig("Umsatz"), fig("Preis", rule_about="Firma"), fig("Preis", unit="year"),
            fig("Preis")]
    dists = [dist, dist, [(None, 0.3), ("Firma", 0.7)], dist, dist, [(None, 0.2), ("Preis", 0.8)]]
    # 0.5: four fills (Preis right twice, Preis where the gold is null, Firma for Umsatz); the rules'
    # Firma and the duration are left alone; 0.9: the two at 0.95; 1.0: none
    assert ta.fill_tally(figs, dists) == [[4, 2, 1], [2, 1, 1], [0, 0, 0]]
    assert [ta.utility(t) for t in ([4, 2, 1], [2, 1, 1], [0, 0, 0], [3, 3, 0])] == [-2, -1, 0, 3]
    rows = ta.curve_rows([[4, 2, 1], [2, 1, 1], [0, 0, 0]])
    assert rows[0] == {"threshold": 0.5, "fills": 4, "right": 2, "wrong": 2, "gold_null": 1, "net": 1,
                       "precision": 0.5, "utility": -2}
    assert rows[2]["precision"] is None
    good, bad = (("position",), True, 0.01, "all"), (("position",), False, 0.01, "all")  # configurations
    fills = {bad: {"a": [[4, 2, 1], [2, 1, 1], [0, 0, 0]], "b": [[4, 2, 1], [2, 1, 1], [0, 0, 0]]},
             good: {"a": [[5, 3, 0], [3, 3, 0], [0, 0, 0]], "b": [[5, 1, 2], [1, 0, 1], [0, 0, 0]]}}
    assert ta.best_fill(fills, ("a",)) == (good, 1)  # 3 right of 3
    assert ta.best_fill(fills, ("b",)) == (bad, 2)  # nothing pays: fill nothing
    assert ta.best_fill(fills, ("a", "b")) == (good, 1)  # utility 3 - 2 = 1 over 0
    nested = ta.nested_fill(fills, ("a", "b"))
    # a is measured with the choice made on b (nothing), b with the one made on a (good at 0.9)
    assert (nested["per_fold"]["a"]["threshold"], nested["per_fold"]["b"]["threshold"]) == (1.0, 0.9)
    assert (nested["fills"], nested["right"], nested["gold_null"], nested["net"], nested["precision"]) == (1, 0, 1, -1, 0.0)


def test_confidence_experiment_gate_is_nested():
    """training/experiments/about_confidence.py: the calibrated gate, fitted and thresholded on the other
    folds, lets through the fills of a kind that is right on those folds and nothing where no kind is."""
    from training.experiments.about_confidence import nested_gate

    def row(s, ok, money):
        return {"set": s, "ok": ok, "gold_null": False, "x": {"lp": 2.0, "money": money}}

    separable = [row(s, not money, money) for s in ("a", "b", "c") for money in (True, False) for _ in range(3)]
    let = nested_gate(separable, ("lp", "money"), 0.3)
    assert let and all(r["ok"] for r in let) and len(let) == 9  # the right fills of every fold, no wrong one
    mixed = [row(s, k == 0, money) for s in ("a", "b", "c") for money in (True, False) for k in range(3)]
    assert nested_gate(mixed, ("lp", "money"), 0.3) == []  # right one time in three: nothing pays
