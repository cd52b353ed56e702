"""A web page's metadata checked against what the page itself states (issue 17).

trafilatura's author and htmldate's date are guesses from markup with no check against the
page's own statements (<meta name="author">, JSON-LD "author"/"datePublished", microdata):
`authors` drops what is no person's or publisher's name and falls back to the page's stated
authors; `published_over_modified` replaces a modification day taken for the publication;
`outlet` checks trafilatura's site name (a URL, the headline, a tagline) the same way. Used by `html.extract`.
"""
from __future__ import annotations

import re
from typing import Optional

from .clean.data import no_person_author
from .html import _text, norm

# Words of a page's byline furniture, never part of a person's name: trafilatura's author
# search takes the text of an element whose class says "author" and can get the label beside
# the name instead (abendblatt.de's "author-info" box: "| Lesedauer: 8 Minuten"; livenet.ch's
# "Datum:" label; sonntag-sachsen.de's "Artikel empfehlen:" share list; infosperber.ch's photo
# credit "zvg", "zur Verfügung gestellt"; a template's placeholder "xxx").
AUTHOR_UI = {"lesedauer", "lesezeit", "datum", "empfehlen", "teilen", "drucken", "kommentare", "zvg", "xxx"}
# Role labels before a byline's name ("Autor/in: Korinna Hennig", "Text und Interview: Harald
# Willenbrock", "Interview: Julia Lauter", focus.de's "FOCUS-Online-Experte Robin Tschöpe"):
# trafilatura keeps them as names or parts of names.
AUTHOR_ROLE = re.compile(r"^(?:autor|autorin|text|interview|text und interview|von|foto|fotos"
                         r"|(?:[\w-]+-)?(?:experte|expertin|gastautor|gastautorin|kolumnist|kolumnistin))(?:\s+|$)", re.I)
# A publisher's "name, city, country" in <meta name="author"> ("SPIEGEL ONLINE, Hamburg,
# Germany"): trafilatura splits it into three authors, two of them places.
COUNTRIES = {"germany", "deutschland", "austria", "österreich", "switzerland", "schweiz"}
# An interview's author line "guest im Gespräch mit host" (deutschlandfunk.de's "Richard David
# Precht im Gespräch mit Karin Fischer"): the host holds the interview and is its author.
IN_CONVERSATION = re.compile(r"^.+?\s+im\s+Gespräch\s+mit\s+(?P<host>\S.*)$")


def _ld_data(tree) -> list:
    """The parsed JSON of each of the page's JSON-LD scripts (one that is no JSON left out)."""
    import json

    out = []
    for sc in tree.iter("script"):
        if (sc.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            out.append(json.loads(sc.text_content()))
        except ValueError:
            continue
    return out


def _ld_objects(tree) -> list[dict]:
    """The page's JSON-LD objects of an article type (NewsArticle, Article, BlogPosting, ...)."""
    out: list[dict] = []
    for data in _ld_data(tree):  # script by script, in page order
        stack = [data]
        while stack:
            x = stack.pop()
            if isinstance(x, list):
                stack.extend(x)
            elif isinstance(x, dict):
                types = x.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and re.search(r"Article|BlogPosting|Report", t) for t in types):
                    out.append(x)
                if "@graph" in x:
                    stack.append(x["@graph"])
    return out


def _stated_authors(tree) -> list[str]:
    """The authors the page states in its markup: <meta name="author"> / article:author (not a
    profile URL; the value in `content`, or in `value` as some pages write it, which trafilatura
    does not read), the article's JSON-LD "author" names, microdata itemprop="author"."""
    found: list[str] = []
    for m in tree.iter("meta"):
        if (m.get("name") or m.get("property") or "").lower() in ("author", "article:author"):
            v = norm(m.get("content") or m.get("value") or "")
            if v and not v.startswith("http"):
                found.append(v)

    for o in _ld_objects(tree):
        found += [norm(x) for x in _ld_names(o.get("author")) if norm(x)]
    for e in tree.iter():
        if isinstance(e.tag, str) and e.get("itemprop") == "author" and e.tag.lower() != "meta" and len(e) == 0:
            found.append(_text(e))
    return list(dict.fromkeys(x for x in found if x))


def _key(s: str) -> str:
    return re.sub(r"\W+", "", s.lower())


def authors(names: list[str], tree, title: Optional[str], site: Optional[str] = None,
            url: Optional[str] = None) -> list[str]:
    """trafilatura's authors less what is no person's or publisher's name, else the page's own.

    trafilatura's author comes from markup it guesses at (an element whose class says "author",
    a byline), and it keeps what that element holds: a label ("Lesedauer", "Datum", see
    `AUTHOR_UI`), a role before the name (`AUTHOR_ROLE`), the headline (oekonomenstimme.org), or
    the city and country of a publisher's "name, city, country". Those are dropped; where
    nothing is left, the authors the page states in its meta / JSON-LD (`_stated_authors`) are
    the authors. A desk or an account the page states as its author ("Redaktion" in fr.de's
    JSON-LD, "Admin" in autonews.ch's meta, "Newsdesk") is no person and no author
    (`clean.data.no_person_author`, the list the Word and PDF readers use). The site's own name is no author
    (`_drop_site`: "heise online", "Mac & i" split into "Mac", "I", a publisher's copyright
    line), nor a company (a legal form: "GmbH", "AG"); a name the page writes with an initial's
    period keeps it (`_as_stated`)."""
    stated = _stated_authors(tree)
    out: list[str] = []
    after_role = False
    for a in names:
        words = set(re.findall(r"\w+", a.lower()))
        if words & AUTHOR_UI or (title and _key(a) == _key(title)):
            continue
        if after_role and a.lower().startswith("in "):  # "Autor/in: X" split at the slash
            a = a[3:].strip()
        after_role = False
        talk = IN_CONVERSATION.match(a)
        if talk:
            a = talk.group("host").strip()
        role = AUTHOR_ROLE.match(a)
        if role:
            after_role = role.group(0).strip().lower() in ("autor", "text")
            a = a[role.end():].strip()
            if not a:
                continue
        out.append(a)
    # "name, city, country": the city and the country go; the name as the page writes it
    # ("Kirche und Leben", which trafilatura splits at "und") where the page states it so
    for i in range(len(out) - 1, 1, -1):
        if i < len(out) and out[i].lower() in COUNTRIES:
            place = {out[i - 1].lower(), out[i].lower()}
            del out[i - 1:i + 1]
            for s in stated:
                parts = [x.strip() for x in s.split(",")]
                if len(parts) == 3 and {parts[1].lower(), parts[2].lower()} == place:
                    pieces = [x for x in out[:i - 1] if _key(x) and _key(x) in _key(parts[0])]
                    if pieces:
                        at = out.index(pieces[0])
                        out = out[:at] + [parts[0]] + [x for x in out[at:] if x not in pieces]
                    break
    # "name, place, name": a correspondent's place between the authors (nzz.ch's <meta
    # name="author" content="Markus M. Haefliger, London, Beat Bumbacher">), which trafilatura
    # splits into three authors: a place name (the cleaner's list, as for a byline's place) after
    # the first author is no author
    if len(out) > 1:
        from .clean.data import place_names

        places = place_names()
        out = out[:1] + [a for a in out[1:] if a not in places]
    if not out and names:
        out = [s for s in stated if not set(re.findall(r"\w+", s.lower())) & AUTHOR_UI]
    # a domain the page states as its author, which trafilatura title-cases into words
    # ("www.proplanta.de" -> "Www Proplanta De", "wien.ORF.at" -> "Wien Orf At"): as the page
    # writes it, where the page does not write the words themselves
    strings = _page_strings(tree)
    domains = {_key(v): v for v in strings if DOMAIN.fullmatch(v) and HOST_TLD.search(v)}
    out = [domains.get(_key(a), a) if a not in strings and len(a.split()) > 1 else a for a in out]
    out = _drop_site(out, tree, strings, site, url, title)
    # a company (its legal form: "wegewerk GmbH", zfk.de's web agency; "NATURSTROM AG", the
    # publisher of energiezukunft.eu) is no author, as it is no outlet (`LEGAL_FORM`)
    out = [a for a in out if not LEGAL_FORM.search(a)]
    out = _drop_teasers(out, tree, title)
    out = [a for a in out if not no_person_author(a)]
    return list(dict.fromkeys(_as_stated(a, stated) for a in out))


# A copyright line ("Copyright Haufe-Lexware GmbH & Co. KG - all rights reserved" in
# dcterms.creator, which trafilatura splits at "&"): a copyright holder is no author.
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.I)


def _drop_site(out: list[str], tree, strings: list[str], site: Optional[str], url: Optional[str],
               title: Optional[str]) -> list[str]:
    """`out` less the site's own name and a copyright line. trafilatura takes <meta
    name="author">, DC.creator or the JSON-LD's author where a page names itself there
    (heise.de: DC.creator "heise online", title-cased "Heise Online"; taz.de: "taz, die
    tageszeitung"), and splits it at "&" and "," ("Mac & i" -> "Mac", "I"). A site's name is
    the record's outlet (`site`), the page's og:site_name or `SITE_META` value, the last part of
    its <title> and its host, with or without "www." and its ending, a company's legal form
    aside ("Frankfurter Allgemeine Zeitung GmbH"); an author, or a run of authors that make up
    one such name, or a stated value that is such a name and its words after a comma, goes."""
    def k(s: str) -> str:
        return _site_key(LEGAL_FORM.sub("", re.sub(r"^www\d*\.", "", norm(s), flags=re.I)))

    names = [site or ""]
    for m in tree.iter("meta"):
        if (m.get("property") or m.get("name") or "").lower() in SITE_META | {"og:site_name"}:
            names.append(m.get("content") or "")
    el = tree.find(".//title")
    parts = [p.strip() for p in SITE_SEP.split(norm(el.text_content()) if el is not None else "")]
    if len(parts) > 1 and not (title and _key(parts[-1]) == _key(title)):
        names.append(parts[-1])
    host = _host(url)
    if host:
        names.append(host)
    names += [n.strip().rsplit(".", 1)[0] for n in names if DOMAIN.fullmatch(n.strip())]  # "taz.de": "taz"
    keys = {k(n) for n in names} - {""}
    # a stated value that is the site's name and its words in small letters after a comma
    # ("taz, die tageszeitung"), never a list of names that holds the site's ("A, B, Bento")
    groups = [[p.strip() for p in v.split(",")] for v in strings]
    groups = [[k(p) for p in g] for g in groups
              if len(g) > 1 and k(g[0]) in keys and all(p[:1].islower() for p in g[1:])]
    from .clean.data import first_names

    drop: set[int] = set()
    for i in range(len(out)):
        words = out[i].split()
        if 2 <= len(words) <= 4 and words[0] in first_names() and all(w[:1].isupper() for w in words):
            # a person's name: a blog named after its author ("Anna Muster", og:site_name and
            # <meta name="author">) keeps her as its author
            continue
        if COPYRIGHT.match(out[i]):
            drop.add(i)
            for v in strings:  # the rest of the line, split off at "&"
                kv, ka = _key(v), _key(out[i])
                if COPYRIGHT.match(v) and ka in kv:
                    at, j = kv.index(ka) + len(ka), i + 1
                    while j < len(out) and _key(out[j]) and kv.startswith(_key(out[j]), at):
                        drop.add(j)
                        at += len(_key(out[j]))
                        j += 1
            continue
        run = ""
        for j in range(i, len(out)):
            run += k(out[j])
            if run in keys or any(run == "".join(g) or [k(a) for a in out[i:j + 1]] == g for g in groups):
                drop.update(range(i, j + 1))
    return [a for i, a in enumerate(out) if i not in drop]


def _ld_author_keys(objs: list[dict]) -> str:
    """The `_key`s of the JSON-LD objects' author names, one string ("|" between them)."""
    return "|".join(_key(n) for o in objs for n in _ld_names(o.get("author")))


def _ld_names(a) -> list:
    """The names of a JSON-LD `author` value: a string, a list, or objects with a `name`."""
    if isinstance(a, str):
        return [a]
    if isinstance(a, list):
        return [y for x in a for y in _ld_names(x)]
    return _ld_names(a.get("name")) if isinstance(a, dict) else []


def _drop_teasers(out: list[str], tree, title: Optional[str]) -> list[str]:
    """`out` less the authors of other articles the page lists: trafilatura takes the authors of
    all the page's JSON-LD articles, a teaser list's too (lebensmittelpraxis.de: one object per
    teaser, "Elena Kuss", "Heidrun Mittler", ...). Where the page's JSON-LD holds articles of
    several headlines and one is the page's (its headline is the title, its site's name
    aside), an author of none but
    the others that the page's <meta name="author"> does not state goes."""
    objs = _ld_objects(tree)
    heads = {_key(str(o.get("headline") or "")) for o in objs} - {""}
    parts = SITE_SEP.split(title or "")
    page = {_key(title or ""), _key("".join(parts[:-1]))} & heads  # the title less the site's name
    if len(heads) < 2 or len(page) != 1:
        return out
    own = [o for o in objs if _key(str(o.get("headline") or "")) in page]
    others = [o for o in objs if _key(str(o.get("headline") or "")) not in page]
    mine = _ld_author_keys(own) + "|" + "|".join(
        _key(m.get("content") or "") for m in tree.iter("meta")
        if (m.get("name") or m.get("property") or "").lower() in ("author", "article:author"))
    theirs = _ld_author_keys(others)
    return [a for a in out if not (_key(a) and _key(a) in theirs and _key(a) not in mine)]


def _as_stated(name: str, stated: list[str]) -> str:
    """`name` as the page's stated author writes it: trafilatura drops an initial's period
    ("Markus M. Haefliger" in nzz.ch's <meta name="author"> -> "Markus M Haefliger") and
    title-cases a name the page writes with a small first letter and capitals after it (zfk.de's
    "wegewerk GmbH" -> "Wegewerk Gmbh"; not "admin", "christian.stadtfeld": a login, no spelling)."""
    bare = re.sub(r"\W", "", name)
    for s in stated:
        for p in s.split(","):
            p = p.strip()
            titled = p.title() if p[:1].islower() and p != p.lower() else p
            if p != name and bare in (re.sub(r"\W", "", p), re.sub(r"\W", "", titled)):
                return p
    return name


def _day(value: str) -> str:
    """YYYY-MM-DD of a modification date as pages write it: ISO, or a German HTTP-style date
    ("Fr, 17 Mai 2019 13:38:23 MESZ", sueddeutsche.de's last-modified, which htmldate reads)."""
    from .clean.meta import iso_date

    m = re.search(r"\b(\d{1,2})\.?\s+([A-Za-zÄÖÜäöü]{3,})\.?\s+(\d{4})\b", value)
    day = iso_date(f"{m.group(1)}. {m.group(2)} {m.group(3)}") if m and not value[:4].isdigit() else None
    return day or value[:10]


def published_over_modified(tree, date: Optional[str]) -> Optional[str]:
    """The day the page states as its publication, where `date` (htmldate's) is the day it
    states as its last modification: htmldate, even with original_date=True, can take the
    modification date (sueddeutsche.de: <meta name="last-modified" content="2017-11-15"> over
    the JSON-LD "datePublished": "2017-11-08..."). Only where the page's publication dates
    (JSON-LD datePublished, article:published_time, itemprop="datePublished"; where it states
    none, its <time datetime>s) agree on one day, earlier than `date`; else None."""
    if not date:
        return None
    modified, published = set(), set()
    for m in tree.iter("meta"):
        k = (m.get("name") or m.get("property") or m.get("itemprop") or "").lower()
        v = (m.get("content") or "").strip()
        if k in ("last-modified", "article:modified_time", "og:updated_time", "datemodified"):
            modified.add(_day(v))
        elif k in ("article:published_time", "datepublished"):
            published.add(v[:10])
    for o in _ld_objects(tree):
        modified.add(str(o.get("dateModified") or "").strip()[:10])
        published.add(str(o.get("datePublished") or "").strip()[:10])
    if not any(published):
        # no stated publication: the <time datetime> of the page, where all its <time>s give
        # one day (sueddeutsche.de's article header <time datetime="2019-05-15 05:28:29">, its
        # <meta name="last-modified" content="Fr, 17 Mai 2019 ..."> htmldate's date)
        published = {(t.get("datetime") or "").strip()[:10] for t in tree.iter("time")}
    published = {d for d in published if re.match(r"\d{4}-\d{2}-\d{2}$", d)}
    if date[:10] in modified and len(published) == 1:
        day = published.pop()
        if day < date[:10]:
            return day
    return None


# Separators between a site's name and its tagline in a site name ("ingenieur.de - Jobbörse
# und ...", "Scinexx | Das Wissensmagazin", "GAY.CH · Alles bleibt anders!"): only with spaces
# around, so "Osthessen|News", "Battery-News.de" and "Frankfurter Allgemeine Zeitung" stay whole.
SITE_SEP = re.compile(r"\s+[|·–—-]\s+")
# A company's legal form after its name ("Utopia GmbH", "Katapult-Magazin gGmbH", "St.Galler
# Tagblatt AG", "Journalistenwatch e.V."): it names the company or club that runs the outlet,
# never the outlet (trafilatura takes the JSON-LD publisher or <meta name="copyright"> over
# og:site_name where it is longer). "Gmbh" as trafilatura's title-casing writes it.
LEGAL_FORM = re.compile(r",?\s+(?:(?i:g?gmbh|mbh)(?:\s*&\s*Co\.?\s*KG)?|AG|KG|KGaA|UG|e\.\s?V\.)$")
# A publisher's words in a company's name ("WEKA Industrie Medien", "FAZ Electronic Media",
# "TAZ Verlags- und Vertriebs", "Heise Zeitschriften Verlag"): the company, not the outlet.
PUBLISHER_WORD = re.compile(r"\b(?:Verlag\w*|Medien|Media|Vertrieb\w*)\b|\bVerlags-")
# A publisher's "name, city" (cleanthinking.de's JSON-LD Organization: "Jendrischik PR, Leipzig").
NAME_CITY = re.compile(r"(.+?),\s*[A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß]+)?")
# A domain as a whole title part ("... - taz.de"): trafilatura's own fallback for the site's name.
DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.I)
# A host's ending: a country's two letters or a generic domain (not "christian.stadtfeld", a user
# name, nor "jungle.world", which the page writes as "Jungle World" elsewhere).
HOST_TLD = re.compile(r"\.(?:[a-z]{2}|com|net|org|info|eu)$", re.I)


def _page_strings(tree) -> list[str]:
    """The values of the page's <meta> tags and the strings of its JSON-LD, as the page writes them."""
    out = [norm(m.get("content") or "") for m in tree.iter("meta")]
    for data in _ld_data(tree):  # script by script, in page order
        stack = [data]
        while stack:
            x = stack.pop()
            if isinstance(x, str):
                out.append(norm(x))
            elif isinstance(x, list):
                stack.extend(x)
            elif isinstance(x, dict):
                stack.extend(x.values())
    return [x for x in out if x]


def _as_written(name: str, strings: list[str]) -> str:
    """`name` as the page writes it: trafilatura title-cases a site name that starts with a
    small letter and has no dot ("oe24 GmbH" -> "Oe24 Gmbh", "t3n Magazin" -> "T3N Magazin",
    "@handelsblatt_de" -> "Handelsblatt_De"); the page's own spelling where it has one and
    does not write `name` itself ("Solarserver" in og:site_name beside "@solarserver")."""
    if any(v.lstrip("@") == name for v in strings):
        return name
    for v in strings:
        v = v.lstrip("@")
        if v != name and v.title() == name and "." not in v and not v[0].isupper():
            return v
    return name


def _site_key(s: str) -> str:
    """`_key` with German umlauts written out, as hosts write them ("Süddeutsche" / sueddeutsche.de)."""
    s = s.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    return _key(s)


def _host(url: Optional[str]) -> Optional[str]:
    """The host of the page's own address, less "www." ("https://www.ingenieur.de/..." ->
    "ingenieur.de"); None without an absolute http(s) URL."""
    m = re.match(r"https?://(?:www\d*\.)?([^/:?#\s]+)", url or "", re.I)
    return m.group(1).lower() if m else None


# <meta> names whose value is the site's own name (the browser's app name, Dublin Core's creator
# and publisher as news CMSs fill them: heise.de's <meta name="DC.creator" content="heise online">).
SITE_META = {"application-name", "apple-mobile-web-app-title", "dc.creator", "dc.publisher"}


def _site_named(tree, company: str, heads: set) -> Optional[str]:
    """The site's name where the page names it in two or more of its places for a site name:
    a part of its <title> before or after the headline ("heise online - Internet Explorer 9
    ..."), a `SITE_META` value, the alt text of its logo (an <img> whose class, id or src says
    "logo", or inside an element that does); one that shares a word with `company`, the
    publisher's name less its legal form ("Heise Zeitschriften Verlag": the site "heise
    online"), and is none of the headline, a company or a URL. None where no name is so."""
    from collections import defaultdict

    found: dict = defaultdict(set)  # key -> {(place, spelling)}
    el = tree.find(".//title")
    parts = [p.strip() for p in SITE_SEP.split(norm(el.text_content()) if el is not None else "")]
    if len(parts) > 1:
        for p in (parts[0], parts[-1]):
            found[_key(p)].add(("title", p))
    for m in tree.iter("meta"):
        if (m.get("name") or m.get("property") or "").lower() in SITE_META:
            v = norm(m.get("content") or "")
            found[_key(v)].add(("meta", v))
    for img in tree.iter("img"):
        where = [img, *list(img.iterancestors())[:2]]
        if any(re.search(r"logo", f"{e.get('class') or ''} {e.get('id') or ''} {e.get('src') or ''}", re.I)
               for e in where):
            v = norm(img.get("alt") or "")
            found[_key(v)].add(("logo", v))
    cwords = {w for w in re.findall(r"\w+", company.lower()) if len(w) >= 3}
    best = None
    for k, seen in found.items():
        places = {p for p, _ in seen}
        name = sorted(v for _, v in seen)[0]
        if (not k or k in heads or len(places) < 2 or re.match(r"https?://", name, re.I)
                or LEGAL_FORM.search(name) or PUBLISHER_WORD.search(name)
                or not cwords & set(re.findall(r"\w+", name.lower()))):
            continue
        if best is None or len(places) > best[0]:
            best = (len(places), next((v for p, v in seen if p == "title"), name))
    return best[1] if best else None


def outlet(sitename: Optional[str], tree, title: Optional[str], url: Optional[str]) -> Optional[str]:
    """trafilatura's site name where it names the site, else a better one or None.

    trafilatura's sitename is the first of og:site_name, the JSON-LD publisher, <meta
    name="author">-like fields and twitter handles it finds, as the page writes it, with no
    check that it is a site's name. On the 176 saved pages it was:
    - a URL (der-farang.com, tagesspiegel.de: the site's Facebook page): the page's own host;
    - the headline (exxpress.at's JSON-LD, omr.com's og:site_name = its <title>): the page's
      headline is no site's name; dropped;
    - a person's name the page states as its author and publisher (internetchemie.info's
      "Andreas Jaeck"): dropped where it has nothing of the page's host (an outlet stated as the
      author, "IT Finanzmagazin" on it-finanzmagazin.de, stays);
    - a publisher's "name, city, country" ("Bento, Hamburg, Germany", "Redaktion BR-online,
      Bayerischer Rundfunk, München, Germany"): the name before the city, as `authors` does;
    - the name with a tagline after " - ", " | " or " · " ("polizeiticker.ch - Meldungen und
      Warnungen von der Polizei", "☆☆☆☆☆ - Journalistenwatch e.V. - Aktuelle Geschehnisse") or
      the headline before it ("Achtsam durch die Krise | Die FURCHE"): the one part that names
      the page's host ("LN - Lübecker Nachrichten", where none does, stays whole); the host's
      domain with words after it ("Haufe.de News und Fachwissen"): the domain;
    - a twitter handle (twitter:site, trafilatura's last resort, title-cased: "Achgut_com",
      "Handelsblatt_De", "Futurezoneat", "Ndr" from "@ndr"): no name the page gives itself;
      dropped (a handle the page writes as a name, "MEEDIA", stays);
    - the company that runs the outlet (`LEGAL_FORM`, `PUBLISHER_WORD`; the JSON-LD publisher or
      <meta name="copyright"> trafilatura prefers to a shorter og:site_name: "Katapult-Magazin
      gGmbH", "WEKA Industrie Medien GmbH", "TAZ Verlags- und Vertriebs GmbH"), or a publisher's
      "name, city" ("Jendrischik PR, Leipzig" on cleanthinking.de): the page's og:site_name where
      it names the host or is the name less its legal form ("KATAPULT-Magazin",
      "INDUSTRIEMAGAZIN"), else the name less its legal form where that names the host and no
      publisher ("oe24 GmbH" -> "oe24", "Journalistenwatch e.V." -> "Journalistenwatch"), else
      the host, else a domain in the page's <title> ("... - taz.de"), else the name as it is.
    A name trafilatura title-cased ("T3N Magazin", "Heise Online") is the page's spelling
    (`_as_written`). What is dropped is replaced by the page's og:site_name where it differs and
    is none of the above, else by the host of the page's canonical URL (`url`), else None."""
    name = norm(sitename or "")
    if not name:
        return None
    strings = _page_strings(tree)
    name = _as_written(name, strings)
    host = _host(url)
    hkey = _site_key(host.split(".")[-2]) if host and "." in host else ""
    el = tree.find(".//title")
    page_title = el.text_content() if el is not None else None
    heads = {_key(x) for x in (title, page_title) if x}
    heads |= {_key(m.get("content") or "") for m in tree.iter("meta")
              if (m.get("property") or m.get("name")) == "og:title"}
    heads.discard("")
    stated = {_key(a) for a in _stated_authors(tree)}
    handles = {norm(m.get("content") or "").lstrip("@") for m in tree.iter("meta")
               if (m.get("property") or m.get("name") or "").lower() in ("twitter:site", "twitter:creator")}
    ogs = [norm(m.get("content") or "") for m in tree.iter("meta")
           if (m.get("property") or m.get("name")) == "og:site_name"]
    ogs = [_as_written(og, strings) for og in ogs if og]

    def names_host(s: str, start: bool = False) -> bool:
        """Whether `s` names the page's host: holds its name ("Süddeutsche Zeitung",
        sueddeutsche.de), at its start where `start` ("Jobbörse ... für Ingenieure" does not
        name ingenieur.de), or is part of it ("TACH!", guten-tach.de)."""
        k = _site_key(s)
        if not hkey or len(hkey) < 3:
            return False
        return (k.startswith(hkey) if start else hkey in k) or (len(k) >= 3 and k in _site_key(host))

    def good(s: str) -> Optional[str]:
        if re.match(r"https?://", s, re.I):  # a URL, the site's social-media page
            return None
        # a twitter handle: with an underscore, or as the page writes it in small letters
        if s in handles and re.fullmatch(r"\w+", s) and ("_" in s or not s[0].isupper()):
            return None
        parts = [p.strip() for p in s.split(",")]
        if len(parts) >= 3 and parts[-1].lower() in COUNTRIES:  # "name, city, country"
            s = parts[-3]
        parts = SITE_SEP.split(s)
        if len(parts) > 1:  # a tagline, the headline, stars beside the name
            rest = [p for p in parts if re.search(r"\w", p) and _key(p) not in heads]
            named = [p for p in rest if names_host(p, start=True)]
            if len(named) == 1:
                s = named[0]
            elif len(rest) == 1:
                s = rest[0]
        m = re.match(r"(\S+)\s+\w", s)  # the host's domain and a tagline after it
        if m and host and DOMAIN.fullmatch(m.group(1)) and re.sub(r"^www\.", "", m.group(1).lower()) in (
                host, ".".join(host.split(".")[-2:])):
            s = m.group(1)
        if _key(s) in heads:  # the headline
            return None
        # a person's name (two or more capitalised words) the page states as its author
        if (host and _key(s) in stated and not names_host(s)
                and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+(?:[- ][A-ZÄÖÜ][a-zäöüß]+)+", s)):
            return None
        return s

    def company(s: str) -> bool:
        return bool(LEGAL_FORM.search(s) or PUBLISHER_WORD.search(s) or NAME_CITY.fullmatch(s))

    out = good(name)
    if out and company(out):
        bare = LEGAL_FORM.sub("", out)
        city = NAME_CITY.fullmatch(bare)
        bare = city.group(1) if city else bare
        for og in ogs:
            if good(og) == og and not company(og) and (names_host(og) or _site_key(og) == _site_key(bare)):
                return og
        if not PUBLISHER_WORD.search(bare) and (names_host(bare) or not host):
            return bare
        if host:
            return host
        parts = [p.strip() for p in SITE_SEP.split(page_title or "")]
        return next((p for p in parts[1:] if DOMAIN.fullmatch(p)), None) or _site_named(tree, bare, heads) or out
    if out:
        return out
    for og in ogs:
        if og != name and good(og) == og:
            return og
    return host
