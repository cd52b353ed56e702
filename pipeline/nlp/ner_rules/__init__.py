"""Repairs of the model's PER/ORG/LOC spans: spaCy component ``presseschau_ner_rules``.

Runs after the model (ner + gazetteer) and before ``presseschau_names``, so that name
propagation starts from repaired spans and labels. Each repair fixes one error class of
issue 13 that the Wikinews **dev** split showed (training/EXPERIMENTS.md, "session 7"
ablation, `python -m training.experiments.ner_rules`), and each can be switched off in the
component config:

* ``strip_descriptors`` -- role words, titles and place descriptors are not part of a name
  (annotations/GUIDELINES.md: ``Präsident [Kennedy]``, ``Provinz [Helmand]``):
  a PER span loses leading titles (``names.json`` ``titles``: "Hauptmann Abraham Sipe" ->
  "Abraham Sipe", "Gattin Gisela" -> "Gisela"), a role before a listed first name and a common
  noun with a particle ("Richterin Bärbel Stock", "Sketch von Loriot"; session 14), a common noun before a
  listed first name and a surname ("Politologe Georg Spitaler"; session 32), a compound known by its head before
  a listed first name ("Jagdleiter Gottfried Koller"; session 34, switch ``compound_lead_nouns``) and a role
  (``person_leads``, ``person_roles``; session 37 also an English job title of ``english_roles`` ``roles``,
  switch ``english_lead_roles``: "Engineer Moritz Enders") before a surname or an unlisted first name ("Klubobfrau
  Krismer", "Allstar Kyrie Irving"; switch ``role_leads``); an ORG or LOC span of such a lead, a listed first name
  and a surname is the person, PER (session 37, `person_led`, switch ``role_led_persons``: "Landeshauptmann
  Günther Platter" ORG -> "Günther Platter" PER; ``role_led_persons.not_lead_endings``: "Galerie", "Stiftung"), a LOC span leading place descriptors (``ner_rules.json``
  ``place_descriptors``: "Département Yvelines" -> "Yvelines", "Golfstaat Katar" -> "Katar"),
  any span a leading lowercase adjective ("österreichischen Verfassungsgerichtshof" ->
  "Verfassungsgerichtshof") or a city adjective before a hyphenated name ("Berliner
  Humboldt-Universität"), and trailing tokens that cannot end a name (an opening bracket,
  a lowercase particle: "Newark (" -> "Newark", "Gerhard Mangott von der"); an ORG ends
  before a preposition + article ("Bundesministerium für ... für den Beschluss"), and (session 33,
  switch ``org_years``) before a year, as a place or person does ("die [VIG] 2015"; not a club with its
  prefix, "VfL Bochum 1848", nor an event, "Olympischen Winterspielen 2006" MISC); no name starts with an opening
  or ends with a closing quotation mark of ``quoted_titles`` or a markdown emphasis mark as a token of its own
  (session 37, switch ``edge_marks``, `edge_mark`: "*‚The Bridge‘*" -> "The Bridge");
* ``org_forms`` -- a PER or LOC span that ends in a legal form or an organisation head word
  (``legal_forms``, ``org_heads``: "Rabaul Shipping Company", "Japan Aerospace Exploration
  Agency") or starts with a club prefix ("RB Leipzig") becomes ORG, and so does a single
  all-caps acronym the model called PER, and a name ending in a hyphenated word whose last part is
  such a head ("[Robert Koch-Institut]" PER; switch ``hyphen_org_names``, session 35);
* ``drop_adjectives`` -- a single lowercase adjective as a name ("polnischen") is removed; so is a one-word MISC
  in lowercase ending in -isch/-ische/-ischen ... ("die [europäischen] Polizeibehörden"; ``misc_adjectives``, session 35);
  with ``drop_common_nouns``, a MISC that is one election word is dropped ("[Bundestagswahl 2009]"; ``election_heads``,
  `misc_election`, switch ``misc_elections``; session 35);
* ``drop_common_nouns`` -- a single word that is a common noun by spaCy's German lemma table
  (``common_nouns.tsv.gz``, made by ``training/common_nouns.py``) is removed ("Batterien",
  "Hamas-Mitgliedern"), unless the model's gazetteer or the alias table knows it, the model
  names it 3+ times in the article ("Airbus"), a hyphen head makes it a name
  ("Karl-Marx-Straße"), or it is a plural party name the model called ORG (``party_nouns``:
  "Grünen", "Sozialdemokraten"; session 12); and (session 14, web news) a word of
  ``unnamed_nouns`` that the lemma table misses (chemical elements, materials, borrowed or
  clipped nouns: "Wasserstoff", "Akkus", "FDP-Vize", "Bitcoin-Futures"; session 25: a Swiss and
  Austrian noun and the pandemic, "ins Spital", "vor Corona", "Corona-Lockdown"), a word with an ending
  of ``unnamed_suffixes`` ("Homophobie"), a hyphenated role word ("AfD-Bundessprecher") or a
  span ending in one ("IG Metall-Sekretär", session 27), a
  PER/LOC phrase ending in such a word ("Grüner Wasserstoff") and a sentence's first word that
  the tagger calls no noun ("Ohnehin", "Oder") or that the Bundestag protocols write in lower case more
  often ("[Stirbt] ein Mensch"; session 32, ``lowercase_forms``) are removed too, whatever the article's topic,
  and (session 27) an acronym or formula of a common term (``term_acronyms``: "also [DPI]",
  "fünf [BTC]", "Ammoniak ([NH3])"), and (session 34) an English job title or degree the model called ORG
  ("[Chief of the Air Staff]", "[Assistant Professors]"; `english_role`, switch ``english_roles``), and (session 35)
  a city adjective and a generic authority ("[Berliner Landgericht]", "[Kölner Polizei]"; `city_body`, switch
  ``city_bodies``); not (session 35) a one-word ORG of a hyphenated name and an organisation noun, a league or a
  known name in another case ("EU-Parlament", "Bundesliga", "Youtube"; `org_noun_name`, switch ``org_noun_names``),
  nor an outlet marked as a title ("Angaben des Spiegel", "„Stern“"; `outlet_name`, switch ``outlet_names``);
* ``drop_compound_nouns`` -- an ORG single word whose compound head is such a noun
  ("Armutsgrenze"), except institutions ("Bundeskriminalamt", "Burgtheater"); and (session 31) a PER or LOC
  single word whose compound head is an inflected form of such a noun other than its genitive ("Seemöwen",
  "Knieprobleme"), unless a list names it as a place or person, a listed place ends it ("Südbulgarien") or
  its head ends place names (``plural_place_heads``: "Gelsenkirchen");
* ``kinds`` (session 9) -- a span whose first or last word names a kind of thing gets that
  kind's label (``kind_heads``): events and awards MISC ("Fußball-Weltmeisterschaft",
  "Olympischen Spielen", "Federal Reserve Act"), buildings LOC ("Schloss Tullibole"); a name
  ending in a version number is a product, MISC ("Mac OS X 10.7", "Android 8.1"; session 26), and so
  is an ORG right after an indefinite article ("in einem Skoda", "kein Tesla"; not before an adjective
  the article belongs to, nor with an organisation word: "eine Nationale Kommission ..."; session 26;
  nor a club, "Ein Real Madrid in Bestform"; session 27),
  which ``presseschau_names`` does not relabel to the form's majority; a word of ``kind_heads`` MISC
  ``year_words`` before a year as a span's last words is an event ("Olympia 2022" ORG -> MISC; session 30);
  session 37 added the event words "Bowl", "Festival", "Biennale", "Buchmesse", "Contest", ... ("[Super Bowl]" ORG
  -> MISC), and a MISC span whose last word names an event or award takes the year right after it ("[NBA Finals]
  2007" -> "[NBA Finals 2007]"; not a war's or treaty's year; `event_year_end`, switch ``event_years``);
  a MISC span takes the version or model number right after it ("[Firefox] 5" -> "[Firefox 5]", "[iOS] 9.3",
  "[iPhone] 6s"; not a year, nor before a noun it counts; ``misc_version_numbers``, `version_end`; session 34);
  a PER/ORG/LOC span takes a dotted version number right after it and becomes MISC ("[Opera] 10.6" ORG -> "[Opera
  10.6]"; not a clock time or a number in thousands; `product_version_end`, switch ``version_after``), and a one-word
  ORG of "i" and a capitalised word is a product ("iCloud" -> MISC; ``i_products``; session 34), and so is such a
  word no entity covers, with the model's number and words after it ("und [iPhones]", "[iPhone 14 Pro]";
  `add_i_products`, switch ``i_products_added``; session 37); a MISC span
  takes a model's variant that the tokenizer split off ("[Boeing 767]-300" -> "[Boeing 767-300]"; `variant_end`,
  switch ``model_variants``), and a single word no entity covers that names a war by its place is MISC
  ("Irakkrieg", "Kosovo-Krieg"; not "Bürgerkrieg", "Weltkrieg"; ``place_wars``, `add_place_wars`; session 35), as is
  one that names a law or charter by a hyphenated compound ("Benn-Gesetzes", "UN-Charta"; not "Brexit-Abkommen";
  ``named_laws``, `add_named_laws`; session 37), and two words no entity covers, a city's adjective and an event
  word of ``city_events``, are an event ("der [Frankfurter Buchmesse]"; `add_city_events`; session 37);
  an ORG ending in an English street or hall word is a place ("[Fifth Avenue]", "[Westminster Hall]" -> LOC; not
  "Wall Street"; `street_label`, switch ``street_names``), and an ORG of a name's adjective in -sche and a common
  noun a law or theory ("[Maxwellschen Gleichungen]" -> MISC; `eponym_label`, switch ``eponym_adjectives``; session 35);
* ``apposition`` (session 9) -- a common noun right before a name says what it is
  (``appositive_heads``): "Reederei [Hapag-Lloyd]" LOC -> ORG; where the model found nothing
  there, the name is added ("US-Institut [Stratfor]", "Zeitung „[Hürriyet]“"); a place of the
  model's gazetteer keeps its label ("Fluggesellschaft [Frankreich] nicht mehr überfliegen"), and a
  single-word PER after an organisation noun that is no listed first name or surname becomes
  ORG ("US-Magazin [Barrons]"; session 12), and a PER span without a listed first name after a
  noun of works becomes MISC ("Dokumentation [Matto Grosso]"; session 13); a quoted title after a noun of works
  may start in lower case or with a digit ("Sendereihe „[oper kompakt]“", "Dokumentationssendung „[37 Grad]“";
  session 36, switch ``quoted_lowercase_titles``);
* ``institutions`` (session 9) -- a federal institution the model missed becomes ORG
  (``federal_institutions``: "Generalbundesanwaltschaft", "Bundesbildungsministeriums"), and
  so does a parliamentary chamber named by one word (``chambers``, session 25: "Das britische
  Unterhaus", "im Senat"; not after a city adjective, "Berliner Senat"), and a hyphenated
  compound of a foundation or parliamentary group (``hyphen_org_heads``, session 25:
  "Gates-Stiftung", "Grünen-Fraktion"), and an Austrian or Swiss body of ``institutions_dach.tsv``
  (session 28: "ÖVP", "Nationalrat", "Team Stronach", "Statistik Austria"; whole tokens, where no
  entity covers its words) or an internet platform or service of ``platforms.tsv`` (session 37:
  "WhatsApp", "Tinder"; a model's PER/LOC over exactly the name ORG: "Spotify", "Ebay"), and a party with the Land or canton of its branch right after it is one ORG
  (session 30, ``party_branches``: "ÖVP Burgenland", "ÖVP Wien"; `join_party_branches`), since session 37 any
  ORG with its Land in the same sentence (switch ``org_branches``: "Heinrich-Böll-Stiftung Baden-Württemberg");
* ``persons`` (session 10) -- a person the model missed or mislabelled: a listed first name
  (``person_names.tsv``, made by ``training/person_names.py``) followed by surname-like
  words ("Sigurd Rompza", "Gerhart Jander" ORG+LOC -> PER), or a proper noun after a
  person's role (``person_roles``, names.json ``titles``: "Sportdirektor Moggi",
  "Schiedsrichter Undiano" LOC -> PER), and a PER span the first name before it belongs to
  ("Barnaba [Marial Benjamin]"). Never over a PER or MISC span, a listed place or a name
  of the model's gazetteer; a surname-like word is capitalised, not sentence-initial, not
  a common noun by the lemma table (unless a listed surname: "Baum"), not an organisation
  word and not a genitive's noun ("Theresa Mays [EU-Austrittsabkommen]"). Session 32: the
  players of a team's line-up in a sports report ("Grödig: Swete – T. Kainz, ..., Pichler –
  ...", ``lineups``; `add_lineup_players`), and a PER span cut after a capitalised surname
  particle runs on to the surname ("[Alexander Van] der Bellen", `join_particle_surnames`). Session 33:
  the model's PER over a listed first name alone runs on to the surname ("kritisiert [Gabi]
  Sprickler-Falschlunger", switch ``first_name_surnames``). Session 35: a PER span runs on over an Arabic name
  particle after it ("[Said Raad] al-Hussein", "[Hussein] al [Huthi]" LOC; `join_arabic_particles`, ner_rules.json
  ``person_particles``, switch ``arabic_particles``). Session 33 (clubs in match reports): a club's
  short name that the article types itself, after a club prefix or before a team role ("FK Austria Wien",
  "Rapid-Coach"), is ORG at its other mentions ("gegen die [Austria]"), and a PER/LOC span that starts with
  a word of several clubs' names is ORG ("Wacker Innsbruck"; clubs.py `club_short_names`, ner_rules.json
  ``club_short_names``, switch ``club_short_names_on``).

* ``institution_places`` (session 12) -- an authority or facility word right before a place
  makes one name with it (``institution_places``): "Polizeidirektion [Hannover]" ->
  "Polizeidirektion Hannover" ORG, "Justizvollzugsanstalt [Aachen]" -> LOC; not before a
  place in the genitive ("Polizei Mexikos");
* ``roads`` (session 12) -- a road by number the model missed is LOC (``roads``): "Autobahn 52",
  "Bundesstraße 49", "A 52" (the road word outside before a road letter: "Autobahn [A 52]"),
  a road letter only after a road word, an article or a preposition ("Audi A4", "DIN A4" are none).
* ``places`` (session 25, second round) -- a place the model missed right after a locative
  preposition (``place_prepositions``: "auf dem Weg nach [Togliatti]", "die von [Biel] herkam") is LOC
  where it is one capitalised word of the model's gazetteer or of ``place_names.tsv.gz`` and no common
  noun ("in Halle", "bei Eisen"), first name, surname or compass direction ("nach Osten"), and no name
  follows it. Session 33: a list's place before "und" may end in its own name in brackets
  ("Breslau ([Wroclaw]) und [Walbrzych]", switch ``bracketed_place_before``).

* ``name_bounds`` (session 13) -- a name does not run across a closing bracket whose opening
  one it does not hold ("Ernest Wolf-Gazo ) Whitehead" -> "Ernest Wolf-Gazo"), and a PER span
  ends before a common noun after a word in -s, the person's possession or the sentence's
  object ("Wulffs Hochzeitsfeier" -> "Wulffs", "Matthew Williams Liebeskummer" -> "Matthew
  Williams"); found on the held-out GermEval dev sentences. A name ends at a line break inside
  it ("St. Johannes\\n\\nStühle" -> "St. Johannes"; session 14, web news). Session 29: a PER
  span takes in a generational suffix right after it ("[Chris Eubank] Jr." -> "Chris Eubank Jr.";
  names.json ``name_suffixes``). Session 36: a MISC span of two words or more that starts right after an opening
  quote and stops short of its closing quote takes the rest of the quote, and names inside it go ("„[Die Revolution]
  missbraucht ihre Kinder“" -> the whole title; not over a bracket, a line break or a sentence end;
  ``quoted_titles``, `close_quoted_titles`).

* ``acronyms`` (session 14, real web news) -- an acronym the text defines names an
  organisation: one right after a name inside its span is split off as a second name
  ("Augsburger Verkehrs- und Tarifverbund AVV" LOC -> "Augsburger Verkehrs- und
  Tarifverbund" + "AVV", ORG), and the long form whose initials an acronym in brackets spells is
  one name ("[Bundesamt für Sicherheit] in der Informationstechnik (BSI)" -> the whole,
  "Österreichische Plattform für Alleinerziehende (ÖPA)" added; session 26: with fewer words than
  letters, letters inside a compound may spell the rest, "Evangelischen Medienverbandes in
  Deutschland (EMVD)", where the model saw a name in the long form or the acronym); ORG unless the model says
  MISC or the gazetteer a place; both typed, so ``presseschau_names`` finds the acronym's
  other mentions; an acronym whose long form starts with a lowercase adjective (not a place's:
  "afghanischen Nationalpolizei (ANP)") abbreviates a term and is no name anywhere in the text
  (session 25: "kleine und mittlere Unternehmen (KMU)", "elektronischen Entgeltnachweises (ELENA)");
  and (session 33) an acronym with its long form in brackets after it, where the model saw a name in
  either or an organisation word ends the long form ("die [ADR] ([Alternativ Demokratesch
  Reformpartei])"; `add_bracketed_long_forms`, switch ``bracketed_long_forms``);
* ``org_apposition`` (session 14, real web news) -- more organisation nouns
  (``org_apposition_heads``: "Software-Anbieter [Citrix]", "Fashionmarke [Skims]"), a PER span
  of several words without a listed first name after one ("Konsortium [Ocean Winds]"), an ORG
  the noun confirms counts as typed ("Kunststoff-Hersteller [Covestro]" beats the model's LOC
  and PER for "Covestro" elsewhere, and a role word makes no person of it), and a hyphenated
  organisation noun at a span's start is cut off ("[Erneuerbare-Energien-Unternehmen]
  Invenergy").
  Session 28: a one-word PER that names the source of a report, right after "laut"/"zitiert" or
  before "berichtete"/"zufolge" (``news_sources``), is ORG ("zitiert [T3N] den leitenden
  Wissenschaftler", "laut [Statista]"), unless it is a listed name or a word of a longer PER of
  the article ("Hanif Atmar" ... "laut [Atmar]").
  Session 29 (an unseen web sample): more organisation nouns ("Ausrüster", "Autobauer", "Plattform",
  "Portal", "Riese"), and a PER span led by a compound ending in one is cut to the name and made
  ORG ("[Outdoorausrüster Mammut]" PER -> "Mammut" ORG; `compound_org_lead`).
  Session 32 (an unseen web sample): a reporting verb before the one-word PER is such a source too
  ("berichtet [Wired]"; ``news_sources.before_verbs``), and the words before a legal form or "Group" of an
  article's ORG are the company's short name: ORG where the model says PER/LOC or nothing ("Nordex SE" ...
  "Engineering [Nordex]"; `company_short_names`, switch ``short_company_names``).
  Session 33 (an unseen web sample): a company or club the model missed right before its legal form is ORG
  ("Vorständin der [naturstrom AG]", "[ÖBB-Personenverkehr AG]"; `add_legal_form_names`, switch
  ``legal_form_names``), and ``strip_descriptors`` lets a name run on into the legal form right after it
  ("[Deutscher Schwimm-Verband] e.V." -> "Deutscher Schwimm-Verband e.V."; `legal_form_end`, switch
  ``legal_form_ends``), which the gold always takes into the name.
  Session 34 (the dev sets' ORG errors and the 10kGNAD/web pool): an ORG span that starts with an organisation
  noun before a name of its own loses the noun ("[Gewerkschaft IG Metall]" -> "IG Metall", "Marktforschungsinstitut
  [GfK]"; `org_lead_noun`, switch ``org_lead_nouns``; not "Gewerkschaft Deutscher Lokomotivführer", "Bank Austria"),
  and the names listed after a plural organisation noun and "wie" are ORG ("Firmen wie [Evernote], [Dropbox] oder
  Google"; `org_examples`, switch ``org_examples_on``).

* ``datelines`` (session 16, real web news) -- the agency tags of a dateline the model missed
  are ORG: a place at a line's start, then the tags in brackets joined by slashes, then a full
  stop or dash ("Wiesbaden ([KNA]/[iz]).", "Hamburg (dpa/[lno]) –"; ``datelines``).
  Session 37: a model's PER or ORG that is a dateline's place of the lists is LOC ("... kämpfen". [Wels] –
  Keine", "[Santa Monica] – Über"; `dateline_persons`, switch ``dateline_relabels``).

Session 37 (issue 13, an unseen 10kGNAD sample): 'Union' alone after a definite article is ORG (`add_article_names`,
switch ``article_names``, ner_rules.json ``article_names``); a people's noun of a country is no name ("der [Norweger]
werde"; drops.py `demonym`, switch ``demonym_drops``, ``demonyms``); an organisation noun before a name whose acronym
in brackets follows is cut ("Jihadistenmiliz [Islamischer Staat] (IS)"; `acronym_after_spells_rest`, switch
``acronym_backed_leads``); the `persons` repair leaves a place of any list alone ("in [Santa Monica] gestorben").

``strip_descriptors`` also joins an ORG span ending in a slash with the ORG after it ("Bündnis
90/" + "Grünen" -> "Bündnis 90/Die Grünen"; session 12), and lets a cut title or place descriptor decide the label
("Gouvernement Amran" ORG -> "Amran" LOC) and splits a name in brackets at the end of a span
off as a name of its own ("Nastassia Novikava (Weißrussland)").

Session 15 (issue 13, the augmented ner of session 14 through the pipeline): mechanisms that
had hung on what the shipped ner happened to say. A model's own PER after a role word is typed
like one ``persons`` makes ("Schiedsrichter [Undiano]"; not a place or a genitive: "Trainer
Ghanas"); the genitive of a place or of another name of the article after an organisation noun is
no apposition whatever its label ("LGBT-Bewegung [Chiles]" PER); a single-word PER right after a
definite article that opens no relative clause is dropped ("trat die [Diebin]"); a hyphenated role
at a PER span's start is cut ("Euro-Kritiker [Lucke]"); a word after a line break is
sentence-initial; a hyphenated organisation noun is no PER/LOC ("[Start-up-Unternehmen]"), and the
apposition reads the entities as repaired so far, with guillemets as quotes ("«MIRO Analytical»").

Spans are shortened, relabelled or split; a span is added only where the context types a
name (an appositive noun, a federal institution), never from a list alone (no blind
overwrite). The repaired spans are listed in ``doc.spans["presseschau_ner_rules"]``; the
spans whose label the context decided in ``doc.spans["presseschau_ner_rules_typed"]``,
which ``presseschau_names`` takes as strong evidence for propagation.
"""
from .component import REPAIRED_SPANS, NerRules, known_names, make_ner_rules
from .data import COMMON_NOUNS_FILE, PERSON_NAMES_FILE, common_noun_lemma, compound_head, person_names

__all__ = ["NerRules", "make_ner_rules", "known_names", "REPAIRED_SPANS", "common_noun_lemma", "compound_head",
           "person_names", "COMMON_NOUNS_FILE", "PERSON_NAMES_FILE"]
