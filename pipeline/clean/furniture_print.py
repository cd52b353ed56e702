"""Furniture printed with an article: bylines, photo credits, captions, pull quotes, section labels, and headlines,
kickers and teasers set wider than the column."""
from __future__ import annotations

import re

from .data import _HYPHENS, _LETTERS_HEAD, _LETTERS_TAIL, _lexprob, first_names, place_names
from .lines import _ends_sentence, _is_caps_word, _is_name_like, _starts_lower, _strip_md, _swapped_pair


# a byline's label on a line of its own ("Text:", "Autorin:"), and the outlet after its name ("/ handwerksblatt.de")
_BYLINE_LABEL = re.compile(r"(?:Text|Autor|Autorin|Autoren|Autorinnen|Mitarbeit)\s*:")
# a contributor's credit ("Mitarbeit: Antonio Gutierrez"): a byline, its names no authors (nd's
# article by Moritz Wichmann credits the activist it quotes)
_CREDIT_ONLY = re.compile(r"Mitarbeit\s*:")
# a sentence ended in a line (after a word, not an abbreviation: "Dr.", "Mrd.") and the next one
# begun: "... unverrückbar. Doch seit Russlands"
_RUNS_INTO_NEXT = re.compile(r"[a-zäöüß]{4}[.!?]\s+[\"„»A-ZÄÖÜ]")
_OUTLET_TAIL = re.compile(r"[/|]\s*(\S.{0,58}\S)")
# the day after a byline's names ("VON MORITZ GATHMANN am 21. April 2020", cicero.de)
_BYLINE_DAY = re.compile(r"\s+(?:am\s+)?\d{1,2}\.\s?(?:\d{1,2}\.\s?(?:\d{4}|\d{2})|(?i:Januar|Februar|März|April|Mai|Juni|"
                         r"Juli|August|September|Oktober|November|Dezember)\s+\d{4})\s*$")
# a byline in small "von" before names in capitals ("von MORITZ PAPPERT", kinzig.news): in the
# middle of a sentence a name is not set in capitals
_SMALL_VON_CAPS = re.compile(r"von\s+(?=[A-ZÄÖÜ][A-ZÄÖÜ'’.-]+(?:\s+[A-ZÄÖÜ][A-ZÄÖÜ'’.-]+)+\s*$)")


class PrintFurniture:
    """Methods of `_Classifier` for the job named above (furniture.py composes the mixins into it)."""

    def bylines(self) -> None:
        c, D = self.c, self.D
        for ln in c.nonblank:
            if ln.kind or len(ln.strip) > 300:
                continue
            t = self._md_plain(_strip_md(c.kept_text(ln)))
            if len(t) > 160:
                continue
            t = _BYLINE_DAY.sub("", t)
            if _SMALL_VON_CAPS.match(t):
                t = "V" + t[1:]
            m = D.byline_re.match(t)
            if not m:
                continue
            names = self._names(m.group("authors"))
            if not names:
                continue
            out = m.group("outlet")
            if out and not (D.role_re.match(out.strip()) or D.domain_re.fullmatch(out.strip())
                            or D.outlet_re.fullmatch(out.strip()) or _is_name_like(out)
                            or out.strip() in place_names()):  # "Rio de Janeiro"
                continue
            nxt = self.next_nb(ln.i)
            if c.wrapped and nxt is not None and _starts_lower(nxt.strip):
                continue  # the line runs on: body text that starts with "Von"
            ln.kind = "byline"
            ln.cuts = []
            known = out and (D.outlet_re.fullmatch(out.strip()) or D.domain_re.fullmatch(out.strip()))
            more = [] if known or not out else self._persons(out)
            if more:  # a second author with no "und" before it ("Von Peter Disch, Dirk Sattelberger")
                names, out = names + more, None
            for nm in names if not _CREDIT_ONLY.match(t) else []:
                c.meta(0, "authors", nm)
            # a place after the authors is where the correspondent writes from ("Von Friedrich
            # Schmidt, Moskau"), not the outlet; a known outlet stays one ("Welt" is a CLDR region)
            if out and not D.role_re.match(out.strip()) and (known or out.strip() not in place_names()):
                c.meta(3, "outlet", D.canonical_outlet(out))
            elif out and not known and out.strip() in place_names():
                c.meta(3, "place", out.strip())
            if nxt is not None and nxt.kind is None and len(nxt.strip) <= 80 and D.role_re.match(_strip_md(nxt.strip)):
                nxt.kind = "byline"
        # an author's role as a paragraph of its own near the start or the end, the name left in
        # the page's author box ("Wirtschaftskorrespondent in München.": a faz.net page)
        nb = c.nonblank
        for k, ln in enumerate(nb):
            if ln.kind or len(ln.strip) > 80 or k == 0 or 5 <= k < len(nb) - 3:
                continue
            if not D.role_line_re.match(_strip_md(ln.strip)):
                continue
            if c.wrapped and any(0 <= j < len(c.lines) and not c.lines[j].blank for j in (ln.i - 1, ln.i + 1)):
                continue  # a line of a wrapped paragraph: "... sagte der" / "Korrespondent in München."
            ln.kind = "byline"
        # a byline set in lines of its own: the label, the name, the outlet after a slash or a bar
        # ("Text:" / "Kirsten Freund" / "/" / "handwerksblatt.de", handwerksblatt.de's author box)
        for k, ln in enumerate(nb[:-1]):
            if ln.kind or not _BYLINE_LABEL.fullmatch(_strip_md(ln.strip)):
                continue
            name = nb[k + 1]
            names = self._names(name.strip) if name.kind is None and len(name.strip) <= 80 else []
            if not names:
                continue
            ln.kind = name.kind = "byline"
            for nm in names if not _CREDIT_ONLY.match(_strip_md(ln.strip)) else []:
                c.meta(0, "authors", nm)
            rest = nb[k + 2:k + 4]
            tail = " ".join(x.strip for x in rest if x.kind is None)
            m = _OUTLET_TAIL.fullmatch(tail) if len(rest) == 2 else None
            if not (m and (D.outlet_re.fullmatch(m.group(1)) or D.domain_re.fullmatch(m.group(1)))):
                rest = rest[:1]
                m = _OUTLET_TAIL.fullmatch(rest[0].strip) if rest and rest[0].kind is None else None
            if m and (D.outlet_re.fullmatch(m.group(1)) or D.domain_re.fullmatch(m.group(1))):
                for x in rest:
                    x.kind = "byline"
                c.meta(3, "outlet", D.canonical_outlet(m.group(1)))

    def _md_plain(self, t: str) -> str:
        """A markdown line as the markdown pass leaves it: without its heading mark, each link its
        text ("#### Von [Jan Kupitz](https://www.90min.de/authors/jan-k)" -> "Von Jan Kupitz": a
        byline links the author's name to the author's page)."""
        D = self.D
        m = D.heading_re.match(t)
        if m:
            t = t[m.end():]
        if "](" in t:
            t = D.link_re.sub(lambda m: m.group("text"), t)
        return t

    def dateline_place(self) -> None:
        """The place a news dateline names at the start of the body ("MOSKAU (dpa) – Russland ...",
        "Kiew/Moskau. Die ...", derStandard's "Wien – " after the teaser sentence) as meta.place; the
        dateline stays in the text. With an agency in parentheses (cleaning.json dateline_agencies)
        the slot before it is the place; without one, a place of the slot (split at "/") must be
        in lang/de/place_names.tsv.gz and the others shaped like names ("Jerusalem/Ramallah"), a
        region in parentheses after it is left out ("Rostow (Russland) -" gives "Rostow"), and the
        slot must end in a dash or a full stop, and a dash only after a sentence: "Deutschland -
        Serbien: 0:1" (two places, no sentence after them) is a match, no dateline; "Moskau –
        Russland hat ..." is one."""
        c = self.c
        free = [ln for ln in c.nonblank if ln.kind is None]
        if self.title_line is not None and self.title_line in free:
            free = free[free.index(self.title_line) + 1:]
        for k, ln in enumerate(free[:3]):
            t = c.kept_text(ln)
            starts = [(re.match(r"[#*_>\s]{0,4}", t).end(), False)]
            if k == 0:  # derStandard: the teaser sentence(s), then "Wien – " on the same line
                starts += [(m.end(), True) for m in re.finditer(r"[.!?][\"“”»«)]?\s+(?=[A-ZÄÖÜ])", t[:400])]
            prev = c.lines[ln.i - 1] if ln.i > 0 else None
            # in wrapped text (a PDF, a print layout) a line opens a paragraph after a blank line,
            # furniture, a short line or a sentence's end; a line inside one may start "Shanghai.
            # Das erste ..." after "... in der Großstadt"
            para = not c.wrapped or prev is None or prev.blank or prev.kind is not None \
                or len(c.kept_text(prev)) < 0.75 * c.L or c.kept_text(prev).rstrip()[-1:] in ".!?:\"“”»«)"
            for s, mid in starts:
                place = self._dateline_at(t[s:], mid, para)
                if place:
                    c.meta(4, "place", place)
                    return

    def _dateline_at(self, t: str, mid: bool, para: bool) -> str | None:
        D = self.D
        m = D.dateline_agency_re.match(t)
        if m:
            place = m.group("place")
            return place.title() if place.isupper() and len(place) > 2 else place
        if len(t.split()) < 6 or not (para or mid):
            return None  # a headline, no paragraph
        for sep in re.finditer(r"\s+[-–—]\s+|\.\s+(?:[-–—]\s+)?", t[:50]):
            slot = t[: sep.start()]
            rest = t[sep.end():]
            norm = slot.title() if slot.isupper() and len(slot) > 2 else slot
            region = re.fullmatch(r"(\S.*?)\s*\(([^()]{2,40})\)", norm)
            if region and self._name_shaped(region.group(2)):
                norm = region.group(1)  # "Rostow (Russland) -": the place, its region in parentheses
            parts = [p.strip() for p in norm.split("/")]
            known = [p in place_names() for p in parts]
            # one place listed, the others shaped like names: "Jerusalem/Ramallah" (lang/de's
            # place names hold the larger places only)
            if not all(parts) or not any(known) or not all(k or self._name_shaped(p) for p, k in zip(parts, known)):
                continue
            if mid and "." in sep.group(0):
                return None  # mid-line only "Wien – ": "... in Rom. Paris. Die" is no dateline
            nxt = re.match(r"[„\"»*]*((?:St\.\s+)?[A-ZÄÖÜ][\w-]*)((?:\s+(?:St\.|[A-ZÄÖÜ][\w-]*))*)", rest)
            # a sentence may open with a number ("Wien – 2016 beginnt mit ...", "Krumpendorf – 42
            # syrische Asylwerber"), a score may not ("Wien – 1:0", "Wien – 2:1 nach Verlängerung")
            num = re.match(r"[„\"»*]*\d", rest) and not re.search(r"\d\s*:\s*\d", rest[:80])
            if not (nxt or num) or not re.search(r"\b[a-zäöüß]{2,}\b", rest):
                return None  # "Wien – 1:0"
            # the match test on the whole capitalised name after the dash ("St." of a saint's name
            # in it): "Wien – Bayern München hat ..." (a club, a sentence after it) and "Paris/Lissabon
            # – Paris St. Germain will ..." are datelines, "Wien – Salzburg 2:1" and "Wien – St.
            # Pölten 2:1" matches
            if nxt and (nxt.group(1) in place_names() or nxt.group(0).lstrip("„\"»*") in place_names()) \
                    and not self._sentence_after(rest[nxt.end():]):
                return None  # "Deutschland - Serbien: 0:1 (0:1)": a match
            return norm
        return None

    @staticmethod
    def _name_shaped(t: str) -> bool:
        """Shaped like a place's name: one to three capitalised words without digits, "am", "an der",
        "bei", "im", "in", "ob" between them ("Bad Radkersburg", "South Carolina", "Šentilj"); no
        abbreviation ("St" of "Wien/St. Pölten" before its full stop)."""
        ws = t.split()
        return 0 < len(ws) <= 3 and ws[0][:1].isupper() and ws[-1][:1].isupper() and not re.search(r"\d", t) \
            and all(w[:1].isupper() and len(w) > 2 or w in ("am", "an", "der", "bei", "im", "in", "ob") for w in ws)

    @staticmethod
    def _sentence_after(t: str) -> bool:
        """The text after a place that begins the text after a dateline goes on as a sentence: a
        lowercase word follows it ("Moskau – Russland hat ...", "Sydney - Weil viele ...", an apposition
        after a comma: "Wien – Wien Energie, größter Landesenergieversorger ...") and no
        score ("Deutschland - Serbien: 0:1", "Deutschland - Serbien endet 0:1")."""
        return bool(re.match(r",?\s+[a-zäöüß]{2,}\b", t)) and not re.search(r"\d\s*:\s*\d", t[:80])

    def _persons(self, t: str) -> list[str]:
        """The names in a byline's tail when each is a person's: its first word a first name of
        lang/de/person_names.tsv ("Dirk Sattelberger") or an initial ("M. Muster")."""
        names = self._names(t)
        firsts = [re.sub(r"^(?:(?:Dr|Prof)\.\s+)*", "", nm).split()[0] for nm in names]
        if names and all(re.fullmatch(r"[A-ZÄÖÜ]\.", f) or f in first_names() for f in firsts):
            return names
        return []

    def credits(self) -> None:
        c, D = self.c, self.D
        for ln in c.nonblank:
            if ln.kind or len(ln.strip) > 300:
                continue
            t = ln.strip
            is_credit = bool(D.credit_prefix_re.match(_strip_md(t)))
            ag = list(D.agency_re.finditer(t))
            near_sep = any(re.search(r"[/|©]\s*$", t[: m.start()]) or re.match(r"\s*[/|]", t[m.end():]) for m in ag)
            if not is_credit and ag and near_sep and not _ends_sentence(t, D):
                # shape: slash-separated names with an agency among them, no sentence
                words = t.replace("/", " ").split()
                is_credit = len(words) <= 14 and sum(1 for w in words if w[:1].islower()) <= 2
            if not is_credit:
                continue
            ln.kind = "credit"
            for om in D.outlet_re.finditer(t):
                if re.match(r"\s*:", t[om.end():]) and D.credit_prefix_re.match(t[om.start():]):
                    continue  # the label "Bild:" of a photo credit, not the outlet BILD
                c.meta(7, "outlet", D.outlet_alias[om.group(0).lower()])
            # an author glued to the last agency name: "IMAGOChristian Esch n"
            if ag:
                last = ag[-1]
                rest_s = last.end()
                rest = t[rest_s:]
                if rest[:1].isupper() and rest[1:2].islower():
                    off = ln.ls
                    toks = rest.split()
                    mark = None
                    if len(toks) >= 2 and toks[-1] in D.end_marks:
                        mark = toks[-1]
                        name = rest[: rest.rfind(mark)].strip()
                    else:
                        name = rest.strip()
                    if D.name_re.match(name):
                        # the line is logged as credit; clean() splits the tail off as byline
                        self._split_pieces.append((ln, off + rest_s, name, mark))
                        c.meta(0, "authors", name)

    def section_labels(self) -> None:
        c = self.c
        for ln in c.nonblank:
            if ln.kind or len(ln.strip) > 30 or not _is_caps_word(ln.strip):
                continue
            if not re.fullmatch(r"[A-ZÄÖÜ][A-ZÄÖÜ &/-]+", ln.strip):
                continue
            nb = [self.prev_nb(ln.i), self.next_nb(ln.i)]
            if any(x is not None and x.kind in ("running_header", "page_number") for x in nb):
                ln.kind = "running_header"
                c.meta(3, "section", ln.strip)

    def wide_lines(self) -> None:
        """Lines much wider than the column: headline/kicker/teaser printed outside the columns."""
        c, D = self.c, self.D
        if c.L < 15:
            return
        if c.hyphens_deleted():
            # pdftotext's default mode appends the line after a line-end hyphen to it: such
            # doubled lines are as wide as a teaser across the columns, and a paragraph's short
            # last line before one looks like a headline. On bench_clean.py's dev and fresh dev
            # samples in that mode (1,066 articles) this rule took body text for a headline and a
            # teaser in 3 articles and a real teaser in none, so wide lines are no evidence there
            return
        lim = 1.45 * c.L
        free = [ln for ln in c.nonblank if ln.kind is None]
        n_wide = sum(1 for ln in free if len(ln.strip) > lim)
        n_body_before = 0
        i = 0
        while i < len(free):
            ln = free[i]
            if len(ln.strip) <= lim:
                n_body_before += 1
                i += 1
                continue
            run = [ln]
            j = i + 1
            while j < len(free) and free[j].i - run[-1].i <= 2 and (
                    len(free[j].strip) > lim
                    # the teaser's last line is shorter: it continues an unfinished sentence
                    or (not _ends_sentence(run[-1].strip, D) and len(free[j].strip) > c.L * 1.05)):
                run.append(free[j]); j += 1
            head = self.prev_nb(run[0].i)
            after = self.next_nb(run[-1].i)
            has_head = (head is not None and head.kind is None and len(head.strip) < 0.9 * c.L
                        and not head.strip.endswith((".", ",", ":", ";", "-", "¬")) and head.strip[:1].isupper()
                        and head.strip.split()[-1] not in D.function_words)
            if has_head:
                before = self.prev_nb(head.i)
                has_head = before is None or before.kind is not None or _ends_sentence(before.strip, D) or before.strip[-1] in _HYPHENS
            tail_evidence = after is not None and (after.kind in ("credit", "caption", "byline", "print_slug") or (
                len(after.strip) < 0.8 * c.L and self.next_nb(after.i) is not None
                and self.next_nb(after.i).kind in ("credit", "caption", "byline", "print_slug")))
            is_sentences = run[-1].strip[-1:] in ".!?…" or run[-1].strip[-2:-1] in ".!?…"
            if (n_body_before >= 5 and n_wide <= max(6, 0.08 * len(c.nonblank)) and len(run) <= 6
                    and is_sentences and (has_head or tail_evidence)):
                for r in run:
                    r.kind = "teaser"
                first = run[0]
                m = D.kicker_re.match(first.strip)
                if m:
                    first.kind = None
                    c.cut(first, first.ls, first.ls + m.end(), "kicker")
                    c.cut(first, first.ls + m.end(), first.le, "teaser")
                    self._kicker_lines.append(first)
                if has_head:
                    head.kind = "headline"
                    c.meta(0, "title", head.strip)
            i = j

    def _kicker_ok(self, kicker: str, rest: str) -> bool:
        """A word in capitals before a headline is a kicker ("ANALYSE", "OVKS") unless it is
        part of the name the headline is about: an abbreviation of at most three letters
        ("VW Golf 8 GTI", "DB Lounge", "HTC Touch", "HR Innovation": the audit of
        web_pages_de found only such, none a kicker), or the capitals and the next word occur
        together again in the text ("DB Lounge" ... "ihrer DB Lounge")."""
        if " " not in kicker and "-" not in kicker and len(kicker) <= 3:
            return False
        nxt = rest.split()[0] if rest.split() else ""
        return not (nxt and self.c.N.count(kicker + " " + nxt) >= 2)

    def captions(self) -> None:
        c = self.c
        for ln in c.nonblank:
            if ln.kind != "credit":
                continue
            k = ln.i
            taken = 0
            while taken < 3:
                p = self.prev_nb(k)
                if p is None or p.kind is not None or len(p.strip) >= 0.8 * c.L or p.strip[-1:] in _HYPHENS:
                    break
                if taken and _ends_sentence(p.strip, self.D) and p.strip[-1] in ".!?":
                    break
                if sum(ch.isalpha() for ch in p.strip) < 3:
                    break  # no words: a cell of a table ("21.528,00 €"), not a caption
                p.kind = "caption"
                taken += 1
                k = p.i

    def pull_quotes(self) -> None:
        c, D = self.c, self.D
        # our own rule: in a text whose line-end hyphens pdftotext deleted, the lines are measured
        # against the column width (`_Ctx.col_width`), not the median line. That mode appends the
        # line after a line-end hyphen and can read two narrow columns side by side into one line,
        # so the median can be a doubled line: at 71 and 74 chars for a column of 39 and 36, three
        # full column lines of a paragraph ("Bei den vorgelegten Bewerbungen habe es" / "sich um
        # nichtssagende Scheinbewerbungen" / "gehandelt.", juraforum.de) and two ("Ziel der
        # Brüsseler Zentralisten ist“, sagte" / "Steger.", unzensuriert.at) were short lines and
        # dropped as pull quotes (bench_clean.py --html-fresh, layout b, session 31). Only ever narrower
        # than the median line: where the comb reads a wider column (lines of a simulated 45-60-char
        # column), taking it made more lines short and dropped two sentences of 3,278 texts
        L = min(c.L, c.col_width()) if c.hyphens_deleted() else c.L
        lim = 0.6 * L
        lines = c.nonblank
        i = 0
        while i < len(lines):
            if lines[i].kind is not None or len(lines[i].strip) >= lim:
                i += 1
                continue
            j = i
            while j < len(lines) and lines[j].kind is None and len(lines[j].strip) < lim:
                j += 1
            run = lines[i:j]
            if len(run) >= 2:
                first_ok = run[0].strip[:1].isupper() or run[0].strip[:1] in D.quote_open
                inner_ok = all(not _ends_sentence(r.strip, D) for r in run[:-1])
                last_ok = _ends_sentence(run[-1].strip, D)
                before = self.prev_nb(run[0].i)
                mid_sentence = before is not None and before.kind is None and (
                    before.strip[-1] in _HYPHENS or not _ends_sentence(before.strip, D))
                after = self.next_nb(run[-1].i)
                swapped = (len(run) == 2 and mid_sentence and after is not None and after.kind is None
                           and _swapped_pair(c, before, run[0], run[1], after))  # body, put back in order later
                # a pull quote interrupts the body: not at the start of the text, and not after
                # a short line that ends no sentence, a heading ("Die ukrainische Frage" / "in
                # Polen" heading an OCR page of hipe_ocr_de, the headlines above a subheading)
                in_body = before is not None and not (
                    before.kind is None and len(before.strip) < 0.8 * c.L and not _ends_sentence(before.strip, D))
                # ... and the body goes on after it: three short lines after a finished sentence
                # with no body line after them are the article's last paragraph in a narrow
                # column whose other lines pdftotext lengthened by appending (fresh3 dev wn16930,
                # layout b: "Auch die offizielle Pressemitteilung des" / ... / "Projekt ein."); a
                # quote that breaks into a sentence ("Genauer ge-" / "Am Ende" / ..., the seed) is
                # one wherever it stands
                if first_ok and inner_ok and last_ok and not swapped and in_body \
                        and (mid_sentence or (len(run) >= 3 and any(r.kind is None for r in lines[j:]))):
                    for r in run:
                        r.kind = "pull_quote"
            i = max(j, i + 1)

    def title(self) -> None:
        c, D = self.c, self.D
        free = [ln for ln in c.nonblank if ln.kind is None]
        if len(free) < 2:
            return
        ln = free[0]
        if c.nmap[ln.ls] in c.runs_on:
            return  # the layout shows it set as the body, running on into the next line (`pdf.extract`)
        t = c.kept_text(ln)
        if not t or len(t) > 160 or len(t.split()) < 2:
            return
        if t.endswith((".", ",", ":", ";", "–")) or t[0].islower():
            return
        if c.wrapped and t.split()[-1] in D.function_words and len(free) > 1 and not free[1].strip[:1].isupper():
            return
        if t[-1] in _HYPHENS and not (c.wrapped and len(t) > 1 and t[-2].isalpha()):
            return
        # a leading kicker in capitals ("OVKS Ein Sicherheitsbündnis ...")
        m = D.kicker_re.match(t)
        if m and len(t[m.end():].split()) >= 3 and self._kicker_ok(m.group("kicker"), t[m.end():]):
            off = self.c.N.find(m.group("kicker"), ln.s)
            if off >= 0:
                c.cut(ln, off, off + len(m.group("kicker")), "kicker")
                t = c.kept_text(ln)
        last = ln
        if c.wrapped:
            # a headline set in a large font runs over two or three lines
            k = 1
            while k < min(3, len(free) - 1):
                nxt = free[k]
                nt = c.kept_text(nxt)
                after = c.kept_text(free[k + 1])
                if (nxt.i - last.i > 2 or not nt or nt.endswith((".", ",", ":", ";", "-", "–"))
                        or not (nt[:1].islower() or len(nt) < 0.7 * c.L) or not after[:1].isupper()
                        or _ends_sentence(t, D) or len(t) + len(nt) > 200):
                    break
                if t[-1] in _HYPHENS:  # "Türkeibei-" + "trittsverhandlungen"
                    ml, mn = _LETTERS_TAIL.search(t[:-1]), _LETTERS_HEAD.match(nt)
                    joined = ml and mn and nt[:1].islower() and _lexprob(ml.group(0) + mn.group(0)) is not None
                    t = (t[:-1] if joined or nt[:1].islower() else t) + nt
                else:
                    t = t + " " + nt
                last = nxt
                k += 1
        if t[-1] in _HYPHENS:
            return
        nxt_i = free.index(last) + 1
        if c.wrapped and nxt_i < len(free) and len(c.kept_text(last)) >= 0.8 * c.L and free[nxt_i].strip[:1].islower():
            return  # the line runs on: body text, not a title
        if c.wrapped and last is ln and nxt_i < len(free) and free[nxt_i].i == ln.i + 1:
            # a line of the body's measure, the next line of that measure set right under it, that
            # ends a sentence and stops in the next ("Lange schien die Verbundenheit der zwei Staaten
            # unverrückbar. Doch seit Russlands" / "Angriffskrieg gegen die Ukraine ..."): the first
            # line of a paragraph set full width (seed 004 at 11 pt in bench_pdf.py), not a headline
            nt = c.kept_text(free[nxt_i])
            if (0.8 * c.L <= len(t) <= 1.2 * c.L and 0.8 * c.L <= len(nt) <= 1.2 * c.L
                    and not _ends_sentence(t, D) and _RUNS_INTO_NEXT.search(t)):
                return
        c.meta(2, "title", " ".join(_strip_md(t).split()))
        self.title_line = last
