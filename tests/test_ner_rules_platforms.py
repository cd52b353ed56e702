"""presseschau_ner_rules: internet platforms and services (GUIDELINES.md: ORG as companies, 'WhatsApp', 'Wikipedia')
that the model misses or calls persons, from the curated table pipeline/lang/de/platforms.tsv, read by the rule
`institutions` with institutions_dach.tsv (`listed_bodies`). The sentences are 10kGNAD's (derStandard) and Wikinews
dev's, read at run time from ../shared/data; docs/measurements/ner.md, "Session 37 (names in 10kGNAD news, second
round)". Each test checks that the model's error comes back with the platforms left out of the table."""
from __future__ import annotations

import pytest

from ner_rule_helpers import dev_doc, ents_with, gnad_doc


def _without_platforms() -> dict:
    """The rule's settings with institutions_dach.tsv alone, as main had them before session 37."""
    from pipeline.nlp.ner_rules.data import dach_institutions

    table = dach_institutions()
    return {"dach_names": table, "dach_first_words": frozenset(k[0] for k in table),
            "dach_lengths": sorted({len(k) for k in table}, reverse=True)}


@pytest.mark.parametrize("doc_id, key, name", [
    # gnad631: "Damit kann WhatsApp die Inhalte auch nicht mehr an Sicherheitsbehörden weitergeben."
    ("gnad631", "Damit kann WhatsApp die Inhalte", "WhatsApp"),
    # gnad34: "Wobei Whatsapp das am meisten genutzte Service ist." (derStandard's spelling)
    ("gnad34", "Wobei Whatsapp das am meisten", "Whatsapp"),
    # gnad343: "Eine davon ist eben die Dating-App Tinder, die sich bei Jugendlichen ..."
    ("gnad343", "Eine davon ist eben die Dating-App Tinder", "Tinder"),
])
def test_platform_the_model_missed_is_org(nlp_info, doc_id, key, name):
    doc = gnad_doc(nlp_info, doc_id, key)
    on, off = ents_with(nlp_info, doc), ents_with(nlp_info, doc, **_without_platforms())
    assert on[(name, "ORG")] == 1, on
    assert off[(name, "ORG")] == 0, off


def test_platform_the_model_called_a_person_is_org_in_every_mention(nlp_info):
    # gnad62 (session 37's first 10kGNAD sample): "Spotify ist weltweiter Marktführer ..." the model says ORG once and
    # PER twice, and `presseschau_names` gave all three mentions the majority's PER; the table's ORG is typed
    doc = gnad_doc(nlp_info, "gnad62", "Spotify ist weltweiter Marktführer", whole=True)
    on, off = ents_with(nlp_info, doc), ents_with(nlp_info, doc, **_without_platforms())
    assert on[("Spotify", "ORG")] >= 3 and on[("Spotify", "PER")] == 0, on
    assert off[("Spotify", "PER")] >= 1, off


def test_platforms_in_a_list_are_org(nlp_info):
    # Wikinews dev: "Im Visier sind besonders WhatsApp, iMessage und Snapchat." (iMessage is Apple's product: MISC)
    doc = dev_doc(nlp_info, "Im Visier sind besonders WhatsApp", "news")
    on, off = ents_with(nlp_info, doc), ents_with(nlp_info, doc, **_without_platforms())
    assert on[("WhatsApp", "ORG")] >= 1 and on[("Snapchat", "ORG")] == 1, on
    assert off[("Snapchat", "ORG")] == 0, off


def test_platform_table_rows_are_valid_and_not_in_the_dach_table():
    from pipeline.nlp.ner_rules.data import DACH_COLUMNS, dach_institutions, listed_bodies
    from pipeline.nlp.normalize import lang_data
    from pipeline.paths import LANG_DIR

    rows = lang_data("platforms.tsv")
    assert rows and all(list(r) == list(DACH_COLUMNS) and all(r.values()) for r in rows)
    platforms = dach_institutions(LANG_DIR / "platforms.tsv")
    assert set(platforms.values()) == {"ORG"} and not platforms.keys() & dach_institutions().keys()
    assert len(listed_bodies()) == len(platforms) + len(dach_institutions())


def test_name_in_both_tables_is_an_error_naming_it(tmp_path):
    from pipeline.errors import LanguageDataUnreadable
    from pipeline.nlp.ner_rules.data import listed_bodies

    head = "name\tlabel\tcountry\tkind\tsource\n"
    (tmp_path / "institutions_dach.tsv").write_text(head + "ÖVP\tORG\tAT\tparty\tx\n", encoding="utf-8")
    (tmp_path / "platforms.tsv").write_text(head + "ÖVP\tORG\tINT\tplatform\ty\n", encoding="utf-8")
    with pytest.raises(LanguageDataUnreadable) as err:
        listed_bodies(tmp_path)
    assert "platforms.tsv" in str(err.value) and "ÖVP" in str(err.value)
