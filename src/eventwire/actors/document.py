"""DocumentActors: resolving the mentions of one document, with memory of the people and roles seen.

Memory is why "Patrushev" later in a story is the Nikolai Patrushev met earlier, and why "the minister"
refers back when exactly one minister has been named so far (issue 4). Resolve mentions in reading order
(as `mentions()` does) so that memory sees the full names first.

A pronoun ("he", "its", "they") takes the one actor of its kind before it (pronouns.py); to find it, the
document's sentences are read in order up to the pronoun's own, whatever order the caller resolves in.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..datafiles import read_json_data, word_list
from ..errors import DataFileError
from ..model import Actor
from .firms import firm_marks, firm_names, title_firm_names, title_marks_firm
from .pronouns import LOOKBACK, identity, pronoun_of, referent_kinds, usable
from .resolver import (
    COUNTRYISH,
    ENTITY_KINDS,
    NAMED_ACTOR_LABELS,
    NOT_ACTOR_LABELS,
    Clue,
    Resolution,
    folded_words,
    make_code,
)

if TYPE_CHECKING:
    from .resolver import ActorResolver

# Dependency labels under which a noun heads a phrase of its own (not a modifier inside another).
_NP_DEPS = {
    "nsubj", "nsubjpass", "dobj", "obj", "pobj", "attr", "ROOT", "dative", "oprd", "conj", "appos",
    "npadvmod", "poss", "iobj", "dep", "nmod",
}
# Prepositions whose phrase stays inside an actor mention ("officials in Havana", "head of the council").
_NP_PREPS = {"of", "in", "for", "from", "at", "to"}
# The names of accords and rounds of talks (step 2d of resolution).
NAMED_THINGS_FILE = Path(__file__).parent / "data" / "named_things.json"
_PRUNE = {"relcl", "acl", "advcl", "conj", "cc", "ccomp", "xcomp", "punct"}
_DET_WORDS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "both", "two"}


class DocumentActors:
    def __init__(self, resolver: ActorResolver, doc: Any, *, published: dt.date | None = None,
                 title: str | None = None):
        self.resolver = resolver
        self.doc = doc
        self.published = published
        self.title = title  # the headline, which may name the story's firms by their tickers
        self._people: dict[tuple[str, ...], Actor] = {}  # folded full name or surname -> actor
        self._titles: dict[str, dict[str, Actor]] = {}  # title word -> {name: actor}
        self._cache: dict[tuple[int, int], Resolution] = {}
        self._sent_mentions: dict[int, list[tuple[Any, Resolution]]] = {}  # sentence start -> its mentions
        self._busy: set[tuple[int, int]] = set()  # spans being resolved (a pronoun scan must not loop)
        self._firms: dict[tuple[str, ...], str] | None = None  # firm name words -> name (read when first asked)
        self._company_story: bool | None = None

    # -- the interface -----------------------------------------------------------------------------

    def resolve(self, span: Any) -> Actor:
        """Never None: an unresolved mention keeps its text with code, country and sector None."""
        return self.resolution(span).actor

    def is_actor(self, span: Any) -> bool:
        return self.resolution(span).is_actor

    def company_story(self) -> bool:
        """Whether the article is company news: its headline names a firm by a ticker or legal form ('Tamsin
        <TMS> Seen Object Of Bidding War'), or its first sentence's subject is a firm ('Orsk Tools Inc said that ...').
        Wire services run far more of these than political stories, and in them an unknown name is a
        businessman, not a politician."""
        if self._company_story is None:
            self._company_story = title_marks_firm(self.title) or self._lead_subject_is_firm()
        return self._company_story

    def _lead_subject_is_firm(self) -> bool:
        first = next(iter(self.doc.sents), None)
        if first is None:
            return False
        subject = next((t for t in first.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        # A firm by name ('Orsk Tools Inc', 'Texaco'), not a word for business people ('Investors on the Manila
        # exchange ignored the unrest' may open a political story).
        return subject is not None and subject.pos_ == "PROPN" and (
            self.resolve(self.doc[subject.left_edge.i : subject.i + 1]).sector == "BUS")

    def mentions(self, sent: Any) -> list[tuple[Any, Actor]]:
        """The actor mentions of one sentence, as maximal noun phrases, in order."""
        found: list[tuple[Any, Actor]] = []
        self._visit(sent.root, sent, found)
        # An odd parse can hang a phrase's own token below a preposition of that phrase ("in Russia Russia
        # president"), so the walk may meet a token twice: keep the longest phrase and drop what it covers.
        found.sort(key=lambda pair: (pair[0].start, -pair[0].end))
        kept: list[tuple[Any, Actor]] = []
        for span, actor in found:
            if kept and span.start < kept[-1][0].end:
                continue
            kept.append((span, actor))
        return kept

    # -- noun phrases --------------------------------------------------------------------------------

    def _visit(self, tok: Any, sent: Any, found: list[tuple[Any, Actor]]) -> None:
        nominal = tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.ent_type_ == "NORP")
        if nominal and tok.dep_ in _NP_DEPS:
            span = noun_phrase(tok)
            res = self.resolution(span)
            if res.is_actor:
                found.append((span, res.actor))
                inside = {t.i for t in span}
                for child in tok.children:
                    if child.i not in inside:
                        self._visit(child, sent, found)
                return
        for child in tok.children:
            if not sent.start <= child.i < sent.end:
                continue
            if child.dep_ == "compound" and nominal and child.pos_ == "PROPN":
                # "Hamas targets", "U.S. war moves": a name inside a phrase that is not itself an actor.
                self._visit_modifier(child, found)
            else:
                self._visit(child, sent, found)

    def _visit_modifier(self, tok: Any, found: list[tuple[Any, Actor]]) -> None:
        first = tok.left_edge
        while first.i < tok.i and (first.pos_ in ("DET", "PUNCT") or first.tag_ == "POS"):
            first = first.nbor()
        span = tok.doc[first.i : tok.i + 1]
        res = self.resolution(span)
        if res.is_actor and (res.actor.country or res.actor.name):
            found.append((span, res.actor))

    # -- resolution ----------------------------------------------------------------------------------

    def resolution(self, span: Any) -> Resolution:
        key = (span.start_char, span.end_char)
        if key in self._busy:
            # Asked again while resolving itself (a pronoun's scan of its own sentence): not an actor here.
            return self._done(span, None, None, None, "unresolved", ["resolved inside itself"], is_actor=False)
        if key not in self._cache:
            self._busy.add(key)
            try:
                res = self._resolve(span)
            finally:
                self._busy.discard(key)
            res.actor.start, res.actor.end = span.start_char, span.end_char
            self._remember(res)
            self._cache[key] = res
        return self._cache[key]

    def _resolve(self, span: Any) -> Resolution:
        if not len(span) or not span.text.strip():
            return self._done(span, None, None, None, "empty", ["empty mention"], is_actor=False)
        pronoun = pronoun_of(span)
        if pronoun is not None:
            return self._pronoun(span, *pronoun)
        r = self.resolver
        day = self.published
        root = span.root
        text = span.text
        why: list[str] = []
        clues = r.clues(span, day)
        head = [c for c in clues if c.position == "head"]
        mods = [c for c in clues if c.position in ("pre", "poss", "post")]
        appos = [c for c in clues if c.position == "appos"]
        preps = [c for c in clues if c.position == "prep"]
        former = any(c.entry.kind == "sector" and r.sector_term(c.entry.ref).role == "former"
                     for c in mods + head)

        # 1. Memory: a bare name seen earlier in the document ("Patrushev", "Castro's").
        name_words = _name_words(span)
        if name_words and name_words in self._people:
            prior = self._people[name_words]
            why.append(f"{' '.join(name_words)!r} was named earlier in this document as {prior.name!r}")
            return self._done(span, prior.name, prior.country, prior.sector, "memory", why, person=True)

        # 2. The head is a listed person, organisation or group.
        for c in head:
            if c.entry.kind in ENTITY_KINDS:
                country, sector, ent = r.entity_actor(c, day, why, hint=self._hint(mods + appos))
                if former and c.entry.kind == "person":
                    sector = "ELI"
                    why.append("'former' in the phrase: CAMEO elite (ELI)")
                role, _ = r.role_on(ent, day)
                titles = r.title_terms(role.title or "") + [
                    x.entry.ref for x in mods
                    if x.entry.kind == "sector" and r.sector_term(x.entry.ref).role == "title"
                ]
                title = titles[-1] if titles else None
                return self._done(span, ent.name, country, sector, f"dictionary:{c.entry.kind}", why,
                                  person=c.entry.kind == "person", title=title)

        # 2b. A title whose name the parser left outside the head: "former prime minister Paul Keating".
        last = ([t for t in span if not t.is_punct] or [root])[-1]
        for c in clues:
            if c.entry.kind == "person" and c.position not in ("head", "prep") and last in c.tokens and any(
                    h.entry.kind == "sector" for h in head) and not _governed(c.tokens[0], root):
                country, sector, ent = r.entity_actor(c, day, why, hint=self._hint(mods + appos))
                if former:
                    sector = "ELI"
                    why.append("'former' in the phrase: CAMEO elite (ELI)")
                return self._done(span, ent.name, country, sector, "dictionary:person", why, person=True)

        # 2c. The whole of a firm's name this article gives with its legal form: 'Data General' after 'Data
        # General Corp' is the firm, though 'General' is a title.
        if _is_name(root) and len(name_words or ()) > 1 and any(c.entry.kind == "sector" for c in head):
            firm = self._firm(span)
            if firm is not None and folded_words(firm) == name_words:
                why.append(f"{span.text!r} is the full name of the firm {firm!r} this article names")
                return self._done(span, firm, None, "BUS", "memory:firm", why)

        # 2d. An accord or a round of talks named after where it was made ('the Oslo Accords', 'the Uruguay Round',
        # 'the Doha Round talks'): the place stands for no party.
        instrument = _named_instrument(root)
        if instrument is not None and any(
                c.entry.kind in COUNTRYISH and c.position in ("head", "pre") and (
                    c.entry.kind in ("capital", "metonym") or instrument.text[:1].isupper())
                for c in clues):
            why.append(f"{text!r} names an accord or a round of talks after a place, not a party")
            return self._done(span, None, None, None, "instrument", why, is_actor=False)

        # 3. The head is a country name, capital, seat of power or demonym.
        for c in head:
            if c.entry.kind in COUNTRYISH:
                # 'Piedmont' where the article names 'Piedmont Aviation Inc': the firm, not the region.
                firm = self._named_firm(span, why) if c.entry.kind == "state" and _is_name(root) else None
                if firm is not None:
                    return firm
                whole = self._firm(span) if len(name_words or ()) > 1 else None
                if whole is not None and folded_words(whole) == name_words:
                    # 'Air France', 'Air UK': the whole phrase is a firm's name this article gives.
                    why.append(f"{span.text!r} is the full name of the firm {whole!r} this article names")
                    return self._done(span, whole, None, "BUS", "memory:firm", why)
                return self._countryish_head(span, c, mods, why)

        # A region ("Latin America", "the Middle East") is a place, not an actor with a country.
        if any(c.entry.kind == "sector" and r.sector_term(c.entry.ref).role == "region" for c in head):
            why.append(f"{text!r} is a region, not an actor")
            return self._done(span, None, None, None, "region", why, is_actor=False)

        # 4. The head is a sector word: "officials", "the Iranian foreign ministry", "deputy head of ...".
        head_terms = [c for c in head if c.entry.kind == "sector"]
        counted = _counted(span)
        if counted is not None and (root.pos_ == "NUM" or any(
                r.sector_term(c.entry.ref).role == "part" for c in head_terms)):
            return self._part(span, counted, why)
        # "thousands", "the majority" with nothing counted name no one in particular.
        head_terms = [c for c in head_terms if r.sector_term(c.entry.ref).role != "part"]
        if head_terms:
            term = r.sector_term(head_terms[-1].entry.ref)
            if term.role == "product":
                return self._product(span, term.term, mods, why)
            if term.role == "relation":
                return self._relation(span, term.term, mods, why)
            why.append(f"head {head_terms[-1].match.text!r} is a {term.role} word, "
                       f"sector {term.sector or '-'}")
            back = self._refers_back(span, term.term, mods + appos + preps, why)
            if back is not None:
                return back
            named = _trailing_name(span, {t.i for c in clues for t in c.tokens})
            res = self._from_clues(span, term.sector, term.term, mods, appos, preps, former, why,
                                   person=False)
            if named is not None and term.role == "title":
                # "the Irish premier Leo Varadkar": the parser made the title the head; the name is who.
                res.actor.name, res.person, res.title = named, True, term.term
            elif not res.actor.country:
                res = self._owned_by_pronoun(span, res, why)
            if not res.actor.country and res.actor.sector:
                res = self._shared_modifier(span, res, why)
            if not res.actor.country and term.role == "title":
                res = self._told_by_firm(span, res, why)
            res = self._firm_modifier(span, res, why)
            res = self._firm_in_phrase(span, res, preps, why)
            if term.role == "body" and res.actor.sector == "LEG":
                res = self._members(span, res, mods + preps, why)
            # A sector word names an actor even when nothing says whose ("the country", "both sides").
            res.is_actor = True
            res.head_role = term.role
            return res

        # 5. The head is a proper name we do not list: a firm this article names with its legal form or
        # ticker ("Harlow Pumps Corp" ... "Harlow"); else a title in front or in apposition tells who it is.
        if _is_name(root):
            firm = self._named_firm(span, why)
            if firm is not None:
                return firm
            res = self._from_clues(span, None, None, mods, appos, preps, former, why, person=True)
            if res.actor.sector and not res.actor.country:
                return self._told_by_firm(span, res, why)  # 'Brackley Rail Corp said president Nora Quill ...'
            if res.actor.country or res.actor.sector:
                return res
            if root.ent_type_ not in NOT_ACTOR_LABELS:
                label = root.ent_type_ or "name"
                why.append(f"{text!r} is a {label} we do not list: kept unresolved")
                return self._done(span, None, None, None, "unresolved:named", why, is_actor=True)

        # 6. Anything else is not an actor phrase; say what the modifiers alone would give.
        why.append(f"the head word {root.text!r} does not name an actor; its modifiers alone give:")
        res = self._from_clues(span, None, None, mods, [], [], former, why, person=False)
        res.is_actor = False
        res.actor.basis = "not an actor"
        return res

    def _owned_by_pronoun(self, span: Any, res: Resolution, why: list[str]) -> Resolution:
        """'Iran said its foreign minister ...', 'Ostrava Glass Ltd said its chairman ...': the office belongs to the
        body the possessive pronoun stands for, so it takes that body's country, and a firm's office with no
        sector of its own is business."""
        owner = next((c for c in span.root.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)
        if owner is None:
            return res
        body = self.resolution(span.doc[owner.i : owner.i + 1]).actor
        a = res.actor
        # 'a Ghanaian official affirmed his country's support', 'the minister said his government would':
        # the speaker's own country, whose government is the speaker's.
        own_country = span.root.lemma_.lower() in ("country", "nation") and owner.lower_ != "its" and (
            body.sector != "BUS")
        if not a.sector and body.sector not in ("BUS", "LAB") and not own_country:
            # 'the US and its allies', 'NATO and its members': a word with no sector is not the owner's own;
            # a union's members are its workers.
            return res
        if owner.lower_ in ("his", "her") and not own_country and a.sector not in ("GOV", "MIL"):
            return res  # a person's state offices are theirs ('his generals'); 'his lawyer' may be anyone's
        sector = a.sector or (None if own_country else body.sector)
        if not body.country and sector == a.sector:
            return res
        why.append(f"{owner.text!r} stands for {body.text!r}: its country {body.country or '-'}"
                   f"{', a firm' if body.sector == 'BUS' else ''}")
        return self._recoded(span, res, body.country or a.country, sector, why)

    def _shared_modifier(self, span: Any, res: Resolution, why: list[str]) -> Resolution:
        """'US jets and helicopters', 'Iraqi soldiers and troops': a bare conjunct of the same sector shares
        the country its first conjunct's modifier gives ('Russian forces and rebels' do not: other sectors)."""
        root = span.root
        if root.dep_ != "conj" or any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in root.children):
            return res
        first = root.head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.pos_ not in ("NOUN", "PROPN"):
            return res
        other = self.resolution(noun_phrase(first)).actor
        if not other.country or other.sector != res.actor.sector or not any(
                c.dep_ in ("amod", "compound") for c in first.children):
            return res
        why.append(f"shares {first.text!r}'s modifier: country {other.country}")
        return self._recoded(span, res, other.country, res.actor.sector, why)

    def _firm_modifier(self, span: Any, res: Resolution, why: list[str]) -> Resolution:
        """'Fairchild Industries officials', 'Piedmont Aviation officials': a sector word after the name of a firm
        this article names is the firm's."""
        names = [c for c in span.root.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
        if not names or res.actor.sector not in (None, "GOV"):
            return res  # 'United Auto Workers': a firm's workers are labour, its officials are the firm
        words = span.doc[min(t.left_edge.i for t in names) : max(t.i for t in names) + 1]
        firm = self._firm(words)
        if firm is None:
            return res
        named = self.resolution(words).actor
        if named.country and named.basis != "memory:firm":
            return res  # 'Japan officials' in a story about Japan Airlines Co: the country still
        why.append(f"{words.text!r} is the firm {firm!r}: its {span.root.text!r}")
        return self._recoded(span, res, None, "BUS", why)

    def _sector_terms(self, clues: list[Clue]) -> list[tuple[Clue, Any]]:
        return [(c, self.resolver.sector_term(c.entry.ref)) for c in clues if c.entry.kind == "sector"]

    def _firm_in_phrase(self, span: Any, res: Resolution, preps: list[Clue], why: list[str]) -> Resolution:
        """'officials of Halvard Air Cargo Inc': the office is the firm's, whatever its title."""
        if res.actor.sector not in (None, "GOV", "MIL") or not any(
                term.sector == "BUS" and term.role == "body" for _, term in self._sector_terms(preps)):
            return res
        why.append("its of-phrase names a firm: sector BUS")
        return self._recoded(span, res, res.actor.country, "BUS", why)

    def _members(self, span: Any, res: Resolution, clues: list[Clue], why: list[str]) -> Resolution:
        """'a committee of creditor banks', 'the creditor banks' committee': a body whose members a group
        word names is of the members' sector, not a legislature."""
        for c, term in self._sector_terms(clues):
            if term.role == "group" and term.sector not in (None, "LEG"):
                why.append(f"its members are {c.match.text!r}: sector {term.sector}")
                return self._recoded(span, res, res.actor.country, term.sector, why)
        return res

    def _told_by_firm(self, span: Any, res: Resolution, why: list[str]) -> Resolution:
        """'Brackley Rail Corp said president Nora Quill resigned': an office with no country of its own, in
        what a firm says, is the firm's."""
        tok = span.root
        for _ in range(6):
            head = tok.head
            if head.i == tok.i:
                return res
            if tok.dep_ == "ccomp" and head.lemma_.lower() in firm_marks().reporting_verbs:
                speaker = next((c for c in head.children if c.dep_ == "nsubj"), None)
                if speaker is None or self.resolution(noun_phrase(speaker)).actor.sector != "BUS":
                    return res
                why.append(f"told of by the firm {speaker.text!r}: the firm's office")
                return self._recoded(span, res, None, "BUS", why)
            tok = head
        return res

    def _recoded(self, span: Any, res: Resolution, country: str | None, sector: str | None,
                 why: list[str]) -> Resolution:
        """`res` with another country and sector (and so code), all else kept."""
        out = self._done(span, res.actor.name, country, sector, res.actor.basis, why,
                         person=res.person, title=res.title, is_actor=res.is_actor)
        out.head_role = res.head_role
        return out

    def _named_firm(self, span: Any, why: list[str]) -> Resolution | None:
        """The firm, when `span` is a bare part of a name this article gives with a legal form or ticker."""
        firm = self._firm(span)
        if firm is None:
            return None
        why.append(f"{span.text!r} is the firm {firm!r}, named with its legal form or ticker in this article")
        return self._done(span, firm, None, "BUS", "memory:firm", why)

    def _firm(self, span: Any) -> str | None:
        if self._firms is None:
            self._firms = {**title_firm_names(self.title), **firm_names(self.doc.text)}
        if not self._firms:
            return None
        # Reuters brackets firm names and tickers ('<Quill Data Systems>'); the parser leaves the brackets in.
        inner = [t for t in span if t.text not in ("<", ">")]
        words = _name_words(span.doc[inner[0].i : inner[-1].i + 1]) if inner else None
        return self._firms.get(words) if words else None

    def _hint(self, clues: list[Clue]) -> set[str]:
        """The countries (or IGO/NGO) that other words of the phrase name."""
        out = set()
        for c in clues:
            if c.entry.kind in COUNTRYISH:
                out.add(c.entry.ref)
            elif c.entry.kind in ("organisation", "group"):
                out.update(r.country for r in self.resolver.entity(c.entry.ref).roles)
        return out

    def _countryish_head(self, span: Any, c: Clue, mods: list[Clue], why: list[str]) -> Resolution:
        code, kind = c.entry.ref, c.entry.kind
        cname = self.resolver.country_name(code)
        if kind in ("capital", "metonym"):
            what = "capital" if kind == "capital" else "seat of power"
            why.append(f"{c.match.text!r} is a {what} standing for {cname}'s {c.entry.sector}")
            return self._done(span, None, code, c.entry.sector, f"text:{kind}", why)
        if kind == "former_name":
            why.append(f"{c.match.text!r} is a former name of {cname}")
        elif kind == "state":
            why.append(f"{c.match.text!r} is a state or province of {cname}: country only, no sector")
        else:
            why.append(f"{c.match.text!r} is {cname} ({kind}): country only, no sector")
        sector = None
        for m in mods:
            if m.entry.kind == "sector":
                term = self.resolver.sector_term(m.entry.ref)
                if term.sector and term.role in ("body", "group"):
                    sector = term.sector
                    why.append(f"modifier {m.match.text!r} gives sector {sector}")
        return self._done(span, None, code, sector, f"text:{kind}", why)

    def _product(self, span: Any, word: str, mods: list[Clue], why: list[str]) -> Resolution:
        # "a U.S. Supreme Court ruling", "Medvedev's communique": the actor is in the modifiers, so
        # resolve the words before the head as a phrase of their own.
        why.append(f"head {word!r} is something an actor produces: the actor is in the modifiers")
        root = span.root
        start = span.start
        while start < root.i and span.doc[start].pos_ in ("DET", "ADV", "NUM", "PUNCT"):
            start += 1
        end = root.i
        while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
            end -= 1
        if end <= start or pronoun_of(span.doc[start:end]) is not None:
            # "its decision": a pronoun's product is left to the caller (the pronoun itself is the actor).
            return self._done(span, None, None, None, "unresolved", why + ["no modifiers"], is_actor=False)
        inner = self.resolution(span.doc[start:end])
        why.append(f"modifiers {span.doc[start:end].text!r}:")
        why.extend("  " + w for w in inner.why)
        a = inner.actor
        return self._done(span, a.name, a.country, a.sector, f"product:{a.basis}", why,
                          is_actor=bool(a.country and (a.sector or a.name)) or bool(a.name and inner.person))

    def _part(self, span: Any, counted: Any, why: list[str]) -> Resolution:
        # "Dozens of Russian peacekeepers", "a team of UN inspectors": the actor is what is counted.
        inner = self.resolution(counted)
        a = inner.actor
        why.append(f"head {span.root.text!r} counts or parts a group: the actor is {counted.text!r}")
        why.extend("  " + w for w in inner.why)
        res = self._done(span, a.name, a.country, a.sector, f"part:{a.basis}", why, is_actor=inner.is_actor)
        res.head_role = inner.head_role
        return res

    def _relation(self, span: Any, word: str, mods: list[Clue], why: list[str]) -> Resolution:
        # "Erdogan's critics", "supporters of the opposition", "Putin's rivals": whose critics they are is
        # not who they are. Only a country adjective or name before the head ("Turkish critics") says that.
        why.append(f"head {word!r} names people by whom they oppose or back: owners and of-phrases are not "
                   "their country")
        found = {c.entry.ref for c in mods if c.entry.kind in COUNTRYISH and c.position == "pre"
                 and not _negated(c) and not _possessor(c.tokens[0], span.root)}
        country = next(iter(found)) if len(found) == 1 else None
        if country:
            why.append(f"a modifier before the head gives country {country}")
        return self._done(span, None, country, None, "text" if country else "unresolved", why, is_actor=True)

    def _refers_back(self, span: Any, word: str, others: list[Clue], why: list[str]) -> Resolution | None:
        """ "the minister", "the president": the one person given that title so far, if exactly one."""
        content = [t for t in span if not t.is_punct and t.lower_ not in _DET_WORDS]
        if others or not content or any(t.pos_ == "PROPN" for t in content):
            return None
        if len(content) > len(word.split()) + 1:
            return None
        holders = self._titles.get(word.casefold(), {})
        if len(holders) != 1:
            if holders:
                why.append(f"{len(holders)} people titled {word!r} so far: ambiguous, not referred back")
            return None
        prior = next(iter(holders.values()))
        why.append(f"the only {word!r} named so far in this document is {prior.name!r}")
        return self._done(span, prior.name, prior.country, prior.sector, "memory:title", why, person=True,
                          title=word)

    def _from_clues(self, span: Any, sector: str | None, title: str | None, mods: list[Clue],
                    appos: list[Clue], preps: list[Clue], former: bool, why: list[str], *,
                    person: bool) -> Resolution:
        """Country from the first modifier that gives one, then apposition, then prepositional phrase;
        the sector from the head, else from a modifier's body or title word."""
        r = self.resolver
        day = self.published
        country: str | None = None
        name: str | None = None
        for group, label in ((mods, "modifier"), (appos, "apposition"), (preps, "prepositional phrase")):
            found: set[str] = set()
            g_sector: str | None = None
            g_title: str | None = None
            g_entity: tuple[str | None, str | None] | None = None
            if label == "apposition" and group:
                # An apposition is a phrase of its own ("..., the longtime Cuban revolutionary leader"):
                # resolve it as one: "..., a critic of the Saudi regime" is not a Saudi official.
                inner = self._apposition(span)
                if inner is not None:
                    ia = inner.actor
                    why.append(f"apposition {ia.text!r} resolves to {ia.code or ia.sector or '-'}")
                    if ia.country and country is None:
                        country = ia.country
                    sector = sector or ia.sector
                    title = title or inner.title
                    if country and sector:
                        break
                continue
            for c in group:
                kind = c.entry.kind
                if (kind in COUNTRYISH or kind in ENTITY_KINDS) and _negated(c):
                    why.append(f"{c.match.text!r} follows pro-/anti-: not the actor's country")
                    continue
                if kind in COUNTRYISH:
                    found.add(c.entry.ref)
                    if kind in ("capital", "metonym") and not g_sector:
                        g_sector = c.entry.sector
                    why.append(f"{label} {c.match.text!r} gives country {c.entry.ref}")
                elif kind in ENTITY_KINDS:
                    sub: list[str] = []
                    e_country, e_sector, ent = r.entity_actor(c, day, sub)
                    why.extend(sub)
                    if e_country:
                        found.add(e_country)
                    if kind != "person" and g_entity is None:
                        g_entity = (e_country, e_sector)
                        name = name or ent.name
                    elif kind == "person" and not g_sector and e_sector not in (None, "ELI"):
                        # "an aide to President Macron": the aide works for the person's sector.
                        g_sector = e_sector
                elif kind == "sector":
                    term = r.sector_term(c.entry.ref)
                    if term.sector and term.role in ("title", "body", "group") and not g_sector:
                        g_sector = term.sector
                        why.append(f"{label} {c.match.text!r} gives sector {term.sector}")
                    if term.role == "title":
                        g_title = term.term
            if len(found) > 1 and g_entity is None:
                several = ", ".join(sorted(found))
                why.append(f"{label}s name several countries ({several}): country left unknown")
                continue
            if g_entity is not None and country is None:
                # An organisation as modifier ("Hamas militants", "UN peacekeepers") is the actor itself.
                country = g_entity[0]
                sector = g_entity[1] if not sector or label == "modifier" else sector
            if found and country is None:
                country = next(iter(found))
            if not sector and g_sector:
                sector = g_sector
            if not title and g_title:
                title = g_title
            if country and sector:
                break
        if former and person or (former and sector):
            sector = "ELI"
            why.append("'former' in the phrase: CAMEO elite (ELI)")
        display = name
        # Peoples ("the Kurds") are named groups, not persons to remember.
        person = person and span.root.ent_type_ != "NORP"
        if person:
            display = _proper_name(span, {t.i for c in mods + appos + preps for t in c.tokens})
        if not country and not sector:
            why.append("no clue to a country or sector")
        basis = "text" if (country or sector) else "unresolved"
        return self._done(span, display, country, sector, basis, why,
                          person=person and display is not None, title=title)

    def _apposition(self, span: Any) -> Resolution | None:
        root = span.root
        for child in root.children:
            if child.dep_ == "appos" and span.start <= child.i < span.end:
                inner = noun_phrase(child)
                start, end = max(inner.start, span.start), min(inner.end, span.end)
                if end > start and (start, end) != (span.start, span.end):
                    res = self.resolution(span.doc[start:end])
                    return res if res.is_actor else None
        return None

    # -- pronouns ------------------------------------------------------------------------------------

    def _pronoun(self, span: Any, tok: Any, kind: str) -> Resolution:
        """ "he", "its", "they": the one actor of the right kind in the nearest sentence that has any
        (this sentence before the pronoun, then up to LOOKBACK earlier ones); unresolved when two differ."""
        why = [f"{tok.text!r} is a pronoun for a {_KIND_WORDS[kind]}"]
        if not usable(tok, kind):
            why.append(f"{tok.text!r} as {tok.dep_} is mostly a thing acted on: not resolved")
            return self._done(span, None, None, None, "unresolved:pronoun", why, is_actor=False)
        try:
            sents = list(self.doc.sents)
        except ValueError:  # a document without sentence boundaries is one sentence
            sents = [self.doc[:]]
        here = next((k for k, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
        bound = self._clause_subject(tok, kind) if tok.dep_ == "poss" else None
        if bound is not None:
            # 'Lavrov offered his resignation': a possessive after its clause's subject is the subject's.
            return self._referred(span, tok, *bound, why, "the subject of its own clause")
        for k in range(here, max(here - LOOKBACK, 0) - 1, -1):
            found = [(m, res) for m, res in self._mentions_of(sents, k) if m.end <= tok.i
                     and kind in referent_kinds(m, res)]
            rival = self._thing_subject(sents[k], tok) if kind == "thing" else None
            if rival is not None:
                # "The deal was signed by Russia. It expires ...": a thing as subject may be what "it" is.
                why.append(f"{rival.text!r} (no actor) is a subject before it: 'it' may be that, not resolved")
                return self._done(span, None, None, None, "unresolved:pronoun", why, is_actor=False)
            if not found:
                continue
            keys = {identity(m, res, kind) for m, res in found}
            if len(keys) > 1 or keys.pop().startswith("coordination@"):
                names = ", ".join(repr(m.text) for m, _ in found)
                why.append(f"several possible antecedents ({names}): not resolved")
                return self._done(span, None, None, None, "unresolved:pronoun", why, is_actor=False)
            m, res = found[-1]
            where = "earlier in this sentence" if k == here else f"{here - k} sentence(s) before"
            return self._referred(span, tok, m, res, why, where)
        why.append("no actor of that kind before it: not resolved")
        return self._done(span, None, None, None, "unresolved:pronoun", why, is_actor=False)

    def _referred(self, span: Any, tok: Any, m: Any, res: Resolution, why: list[str], where: str) -> Resolution:
        a = res.actor
        why.append(f"it refers back to {m.text!r} ({where}), resolved as {a.code or a.sector or '-'}")
        name = a.name or (m.text if a.basis == "unresolved:named" else None)
        # "its army", "their mission": a possessive says whose the thing is (mostly the clause's own
        # subject); it carries the owner's code but is no actor phrase standing for itself.
        own = tok.dep_ != "poss"
        if not own:
            why.append(f"{tok.text!r} is a possessive: resolved, but not an actor phrase of its own")
        return self._done(span, name, a.country, a.sector, f"pronoun:{a.basis}", why, is_actor=own)

    def _clause_subject(self, tok: Any, kind: str) -> tuple[Any, Resolution] | None:
        """The subject before `tok` of the clause `tok` is in, when it is an actor of the pronoun's kind."""
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:  # spaCy makes a new Token each time
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is None or pronoun_of(subj.doc[subj.i : subj.i + 1]) is not None:
            return None
        sspan = noun_phrase(subj)
        if tok.i in range(sspan.start, sspan.end):
            return None
        res = self.resolution(sspan)
        return (sspan, res) if res.is_actor and kind in referent_kinds(sspan, res) else None

    def _thing_subject(self, sent: Any, tok: Any) -> Any:
        """A singular subject before `tok` in `sent` that is no actor ("the deal"), else None."""
        for t in sent:
            if t.i >= tok.i:
                break
            if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NN", "NNP") and not self.is_actor(noun_phrase(t)):
                return noun_phrase(t)
        return None

    def _mentions_of(self, sents: list[Any], k: int) -> list[tuple[Any, Resolution]]:
        """The mentions of sentence k with their resolutions. The sentences before it are read first, in
        order, so that document memory sees every name in reading order whatever order callers ask in."""
        for j in range(k + 1):
            start = sents[j].start
            if start not in self._sent_mentions:
                self._sent_mentions[start] = [(m, self.resolution(m)) for m, _ in self.mentions(sents[j])]
        return self._sent_mentions[sents[k].start]

    # -- memory --------------------------------------------------------------------------------------

    def _done(self, span: Any, name: str | None, country: str | None, sector: str | None, basis: str,
              why: list[str], *, person: bool = False, title: str | None = None,
              is_actor: bool | None = None) -> Resolution:
        code = make_code(country, sector)
        why.append(f"result: code {code or '-'}, country {country or '-'}, sector {sector or '-'}")
        actor = Actor(text=span.text, name=name, code=code, country=country, sector=sector, basis=basis)
        if is_actor is None:
            is_actor = bool(country or sector or name)
        return Resolution(actor=actor, is_actor=is_actor, why=why, title=title, person=person)

    def _remember(self, res: Resolution) -> None:
        a = res.actor
        if not res.person or not a.name or not (a.country or a.sector):
            return
        full = folded_words(a.name)
        parts = a.name.split()
        keys = {full}
        if len(parts) > 1:
            keys.add(folded_words(parts[-1]))
        for key in keys:
            self._people.setdefault(key, Actor(text=a.name, name=a.name, code=a.code, country=a.country,
                                               sector=a.sector))
        if res.title:
            # "defence minister" is also "the minister" later on.
            for key in {res.title.casefold(), res.title.casefold().split()[-1]}:
                self._titles.setdefault(key, {})[a.name] = self._people[full]


# Possessive pronouns whose owner an office or a country belongs to ('its foreign minister', 'his government').
OWNER_PRONOUNS = ("its", "their", "his", "her")


def noun_phrase(head: Any) -> Any:
    """The maximal noun phrase headed by `head`: its subtree without clauses, coordination, and
    prepositional phrases other than of/in/for/from/at/to."""
    keep = [head]
    for child in head.children:
        if child.dep_ in _PRUNE and child.dep_ != "punct":
            continue
        locative = head.pos_ == "PROPN" and child.lower_ != "of"
        if child.dep_ == "prep" and (child.lower_ not in _NP_PREPS or locative):
            # After a name, "in Havana" says where, not who: "Raul Castro in Havana" is Raul Castro.
            continue
        keep.extend(t for t in child.subtree if not _inside_clause(t, child))
    kept = {t.i for t in keep}
    doc = head.doc
    # The phrase is the unbroken run of kept words around the head: a pruned clause in the middle
    # ("Ghassan Mediah, who heads ..., close to the border") ends it.
    start, end = head.i, head.i + 1
    while start - 1 in kept:
        start -= 1
    while end in kept:
        end += 1
    # A line break or a bracket between the head and an edge means the parser glued two phrases
    # ("(TASS)\nOfficials in Havana"): the phrase stops there.
    for i in range(start, head.i):
        if _barrier(doc[i]):
            start = i + 1
    for i in range(end - 1, head.i, -1):
        if _barrier(doc[i]):
            end = i
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"
                               or doc[start].pos_ == "ADP" or doc[start].tag_ in ("WDT", "WP")):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    return doc[start:end]


@lru_cache(maxsize=1)
def _instrument_words() -> tuple[frozenset[str], frozenset[str]]:
    data = read_json_data(NAMED_THINGS_FILE)
    heads, talks = (word_list(data, key, NAMED_THINGS_FILE) for key in ("instrument_heads", "talk_heads"))
    if not heads or not talks or "" in {w.strip() for w in heads | talks}:
        raise DataFileError(str(NAMED_THINGS_FILE),
                            "'instrument_heads' and 'talk_heads' must be non-empty lists of words")
    return heads, talks


def _named_instrument(root: Any) -> Any:
    """The word naming an accord or round in a phrase headed by `root` ('Accords' in 'the Oslo Accords', 'Round' in
    'the Doha Round talks'), or None."""
    heads, talks = _instrument_words()
    if root.lemma_.lower() in heads or root.lower_ in heads:
        return root
    if root.lemma_.lower() in talks:
        return next((c for c in root.children if c.dep_ == "compound" and c.lower_ in heads), None)
    return None


def _barrier(tok: Any) -> bool:
    return (tok.is_space and "\n" in tok.text) or tok.text in ("(", ")", "[", "]") or "\n" in tok.whitespace_


_KIND_WORDS = {"person": "person", "thing": "state or organisation", "plural": "group or organisation"}
_LIST_PREPS = {"including", "like", "such", "excluding", "unlike"}


def _inside_clause(tok: Any, top: Any) -> bool:
    """Is `tok` inside a clause or an example list ("including the US, UK ...") under `top`?"""
    t = tok
    while t.i != top.i:
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp"):
            return True
        if t.dep_ == "prep" and t.lower_ in _LIST_PREPS:
            return True
        t = t.head
    return top.dep_ in ("relcl", "acl", "advcl")


def _name_words(span: Any) -> tuple[str, ...] | None:
    """The span as a bare proper name ("Patrushev", "Castro's", "Raul Castro"), else None."""
    toks = [t for t in span if t.pos_ == "PROPN" or t.text in ("-", "–")]
    rest = [t for t in span if t not in toks and not t.is_punct and t.lower_ not in _DET_WORDS
            and t.tag_ != "POS"]
    if not toks or rest:
        return None
    return folded_words(" ".join(t.text for t in toks))


def _proper_name(span: Any, clue_tokens: set[int]) -> str | None:
    """The proper-name run ending at the head ("Miguel Díaz-Canel" in "Cuban President Miguel Díaz-Canel")."""
    root = span.root
    if not _is_name(root) or root.i in clue_tokens:
        return None
    i = root.i
    doc = span.doc
    start = i
    # Walk back over the names that modify the head ("Miguel" in "Miguel Díaz-Canel"), stopping at a
    # title or at a name in another phrase ("Communications" in "Minister for Communications Mitch Fifield").
    while start - 1 >= span.start and start - 1 not in clue_tokens:
        prev = doc[start - 1]
        if prev.text in ("-", "–") or (prev.pos_ == "PROPN" and prev.dep_ in ("compound", "flat", "nmod")
                                       and start <= prev.head.i <= i):
            start -= 1
        else:
            break
    # Honorifics are not part of the name.
    while start < i and doc[start].lower_.rstrip(".") in ("mr", "mrs", "ms", "dr", "sir", "gen", "col"):
        start += 1
    return doc[start : i + 1].text


def _trailing_name(span: Any, clue_tokens: set[int]) -> str | None:
    """The run of unlisted proper names that ends the phrase after its head, if any."""
    root = span.root
    toks = [t for t in span if t.i > root.i and not t.is_punct]
    if not toks or any(t.pos_ != "PROPN" or t.i in clue_tokens for t in toks):
        return None
    return span.doc[toks[0].i : toks[-1].i + 1].text


def _is_name(tok: Any) -> bool:
    """A proper name: tagged so, inside a named entity, or a capitalised noun ending a run of names
    ("Israel Flying Aid")."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in NAMED_ACTOR_LABELS:
        return True
    return tok.is_title and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1
                                for c in tok.children)


def _path_deps(tok: Any, root: Any) -> list[str]:
    """The dependency labels from `tok` up to (not including) the phrase head `root`."""
    deps = []
    while tok.i != root.i and tok.head.i != tok.i and len(deps) < 50:
        deps.append(tok.dep_)
        tok = tok.head
    return deps


def _governed(tok: Any, root: Any) -> bool:
    """Is `tok` inside a phrase hanging off the head ("Troops loyal to X", "forces of X") rather than
    naming the head itself ("former prime minister Paul Keating")?"""
    return any(d in ("prep", "pobj", "amod", "acl", "relcl", "agent") for d in _path_deps(tok, root))


def _possessor(tok: Any, root: Any) -> bool:
    return "poss" in _path_deps(tok, root)


def _counted(span: Any) -> Any:
    """The of-phrase of the head ("dozens of Russian peacekeepers" -> "Russian peacekeepers"), else None."""
    root = span.root
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and span.start <= prep.i < span.end:
            for obj in prep.children:
                if obj.dep_ == "pobj" and span.start <= obj.i < span.end:
                    inner = noun_phrase(obj)
                    start, end = max(inner.start, span.start), min(inner.end, span.end)
                    return span.doc[start:end] if end > start else None
    return None


def _negated(c: Clue) -> bool:
    first = c.tokens[0]
    if first.i >= 2 and first.nbor(-1).text in ("-", "–") and first.nbor(-2).lower_ in ("pro", "anti"):
        return True
    return first.i >= 1 and first.nbor(-1).lower_ in ("pro-", "anti-")
