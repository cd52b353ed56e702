"""A person's mention cut short of the full name the article gives elsewhere (issue 13; docs/measurements/ner.md,
"Session 37 (recall: names the pipeline misses)"): presseschau_names `_widen_to_full_names` makes a PER span that
sits inside a run of words equal to a full person name of the article that name ("Kinsun Chan" ... "das Kinsun
[Chan]" -> "[Kinsun Chan]"). Real pages of the web and web2 dev sets; each test checks that the error comes back
with the switch off."""
from __future__ import annotations

from ner_rule_helpers import dev_doc, ents_after, needs_pages

OFF = {"full_name_mentions": False}


def _spans(nlp_info, doc, phrase: str, names: dict | None = None) -> set[tuple[str, str]]:
    """(text, label) of the entities inside the first occurrence of `phrase` in the doc's text."""
    a = doc.text.index(phrase)
    b = a + len(phrase)
    return {(e.text, e.label_) for e in ents_after(nlp_info, doc, names) if a <= e.start_char and e.end_char <= b}


@needs_pages
def test_the_surname_alone_becomes_the_full_name(nlp_info):
    # web dev: "Kinsun Chan" PER earlier on the page; here the model labelled "Chan" alone
    doc = dev_doc(nlp_info, "das Kinsun Chan zu seinem", "web")
    phrase = "das Kinsun Chan zu seinem"
    assert _spans(nlp_info, doc, phrase) == {("Kinsun Chan", "PER")}
    assert _spans(nlp_info, doc, phrase, OFF) == {("Chan", "PER")}


@needs_pages
def test_the_first_name_alone_becomes_the_full_name(nlp_info):
    # web2 dev: "Prince Nzou" PER on the page; here the model's PER stopped after "Prince"
    doc = dev_doc(nlp_info, "beschlich Prince Nzou die Angst", "web2")
    phrase = "beschlich Prince Nzou die Angst"
    assert _spans(nlp_info, doc, phrase) == {("Prince Nzou", "PER")}
    assert _spans(nlp_info, doc, phrase, OFF) == {("Prince", "PER")}


@needs_pages
def test_a_propagated_surname_becomes_the_full_name(nlp_info):
    # web dev: "Vicco von Bülow" PER twice; after the adjective "gestorbenen" propagation passes the first name (a noun
    # to the tagger) and adds the surname alone
    doc = dev_doc(nlp_info, "gestorbenen Vicco von Bülow", "web")
    phrase = "gestorbenen Vicco von Bülow"
    assert _spans(nlp_info, doc, phrase) == {("Vicco von Bülow", "PER")}
    assert _spans(nlp_info, doc, phrase, OFF) == {("Bülow", "PER")}


@needs_pages
def test_a_trimmed_genitive_is_not_widened_again(nlp_info):
    # web2 dev: the model's "Mugabes Konterfei" PER is cut to the name by the genitive repair; the words before the
    # cut are no full name of the person
    doc = dev_doc(nlp_info, "hat er Mugabes Konterfei", "web2")
    assert _spans(nlp_info, doc, "hat er Mugabes Konterfei") == {("Mugabes", "PER")}
