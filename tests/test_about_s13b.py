"""`about` of FIGUREs, session 13 round 2 (issue 18, helper D10): the classes dev10 showed once it was opened
(annotations/news/dev10.json; article ids in the comments), checked on the real sentence each came from and,
where the rule could overreach, on a sentence where it must not fire."""
from figure_helpers import figs


def _about(nlp_model, text):
    return [(f[0], f[3]) for f in figs(nlp_model, text)]


def test_a_noun_in_s_is_not_cut_to_no_word(nlp_model):
    # the lemmatizer cuts "Cannabis" to "Cannabi", which the lexicon does not know: the surface is the word (wn8684)
    text = ("Die Deutsche war am 15. März 2002 zusammen mit zwei Männern wegen des Besitzes und der Absicht zur "
            "Ausfuhr von 687 Gramm Cannabis angeklagt worden.")
    assert ("687 Gramm", "Cannabis") in _about(nlp_model, text)


def test_a_misspelt_plural_takes_its_plain_strip(nlp_model):
    # "Parlamentarieren" (sic) is kept as its own lemma; its -en strip is a word (wn4430)
    text = ("Al-Hassani ist einer von nur 17 von insgesamt 275 sunnitsch-arabischen Parlamentarieren in der "
            "Nationalversammlung.")
    got = _about(nlp_model, text)
    assert ("17", "Parlamentarier") in got and ("275", "Parlamentarier") in got


def test_a_loan_plural_in_s_takes_its_singular(nlp_model):
    # "Hoteliers" is kept as its own lemma; the lemma table does not know it and "Hotelier" is a word (wn71466)
    text = ("Für die „HRS-freie Woche“ hatten sich über 800 Hoteliers gemeldet bis Christoph Biallas beschloss die "
            "Gruppe zu sperren.")
    assert ("800", "Hotelier") in _about(nlp_model, text)


def test_wochenende_keeps_its_e(nlp_model):
    # lemmas.tsv: the lookup table's "Wochenend" is a word only as a compound's first part (wn35566)
    text = ("Der Rhein-Main-Verkehrsverbund (RMV) informierte die Kunden über das erste Bauwochenende, über die "
            "weiteren Maßnahmen an den nachfolgenden drei Wochenenden wurde nicht informiert.")
    assert ("drei", "Wochenende") in _about(nlp_model, text)


def test_lemmas_the_lexicon_lacks_stay(nlp_model):
    # guards: a compound the lexicon lacks ("Gegendemonstrant", dev2) and a regular -n plural whose singular the
    # lexicon lacks ("Kopte", dev4) keep the lemmatizer's form
    got = _about(nlp_model, "Rund 1.500 Gegendemonstranten und sechs Kopten waren vor Ort.")
    assert ("1.500", "Gegendemonstrant") in got and ("sechs", "Kopte") in got


def test_school_grades_are_identifiers(nlp_model):
    # identifiers.json `before_digits_only`: "Klasse(n)" + digits names a grade, and the end of its range too (wn82348)
    text = ("Die Gemeinschaftsschule ist verbindliche Ganztagsschule in den Klassen 5 bis 10, bietet an einzelnen "
            "Orten gemeinsames Lernen von Klasse 1 bis 10 und kann darüber hinaus auch die Oberstufe anbieten.")
    assert _about(nlp_model, text) == []


def test_counted_classes_stay_figures(nlp_model):
    # guards: a number before "Klassen" counts them; a range after a noun that names no identifier stays
    got = _about(nlp_model, "Es gibt drei Klassen mit 25 Schülern.")
    assert ("drei", "Klasse") in got and ("25", "Schüler") in got
    assert [v for v, _ in _about(nlp_model, "Die Preise stiegen von 5 bis 10 Euro.")] != []


def test_a_bare_quantity_measures_the_earlier_substance(nlp_model):
    # measures.json `bare_quantity_nouns`: "Menge" with no genitive takes what the article measured in grams before (wn8684)
    text = ("Die Deutsche war wegen des Besitzes und der Absicht zur Ausfuhr von 687 Gramm Cannabis angeklagt worden. "
            "Da ab einer Menge von 500 Gramm in Singapur die Todesstrafe obligatorisch ist, hatte der Fall international "
            "Aufsehen erregt. Bei einer Menge von unter 330 Gramm ist das Strafmaß auf ein Minimum von fünf Jahren "
            "Gefängnis festgesetzt.")
    got = _about(nlp_model, text)
    assert ("500 Gramm", "Cannabis") in got
    assert [a for t, a in got if t.endswith("330 Gramm")] == ["Cannabis"]


def test_a_property_noun_and_a_lone_quantity_stay(nlp_model):
    # guards: "Höhe" is a property (guidelines: property nouns stay); a "Menge" with nothing measured before stays
    got = _about(nlp_model, "Die Plattform hat einen Durchmesser von 2,95 Metern und eine Höhe von 1,50 Meter.")
    assert ("1,50 Meter", "Höhe") in got
    assert ("500 Gramm", "Menge") in _about(nlp_model, "Ab einer Menge von 500 Gramm droht die Todesstrafe.")


def test_a_price_after_ab_or_fuer_gives_the_noun_before(nlp_model):
    # measures.json `bound_prepositions` "ab", "für"; for "für" an aside in brackets between is skipped (wn58800)
    text = ("So soll die Vollversion ab 200 Euro erhältlich sein sowie einige Upgrade-Versionen (Voraussetzung ist "
            "der Besitz von Windows Vista) für 120 bis 299 Euro.")
    assert _about(nlp_model, text) == [("200 Euro", "Vollversion"), ("120", "Upgrade-Version"),
                                       ("299 Euro", "Upgrade-Version")]
    # dev4 wn2937 (out of sample for the rule)
    assert ("1 Euro", "Gebühr") in _about(nlp_model, "Auf dem kleinen Parkplatz wurden die Gebühren ab 1 Euro gestaffelt.")
