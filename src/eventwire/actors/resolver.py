"""ActorResolver: the loaded dictionaries, and the rules that turn one noun phrase into an Actor.

A mention is resolved from the clues inside it, each classed by where it sits relative to the phrase's
head word (spaCy's dependency parse):

  head    the head itself is a listed person/organisation/group, a country, capital or seat of power,
          or a sector word ("officials", "ministry", "president")
  pre     a modifier before the head: "Cuban President ...", "the Iranian foreign ministry", "Moscow's"
  appos   an apposition: "Raul Castro, the longtime Cuban revolutionary leader"
  prep    a prepositional phrase: "officials in Havana", "the deputy head of the Russian Security Council"

The head decides what kind of actor it is; the modifiers supply the country and, when the head has
none, the sector. Contradicting clues leave the country unknown: an unknown beats a wrong country.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Actor
from .data_files import ActorData, Entity, Role, bundled_files, load_actor_data
from .lexicon import Entry, Lexicon, Match, build_lexicon, fold, words

if TYPE_CHECKING:
    from .document import DocumentActors

COUNTRYISH = ("country", "former_name", "adjective", "demonym", "capital", "metonym", "state")
ENTITY_KINDS = ("person", "organisation", "group")
# spaCy dependency labels of a head's children and the clue position they give.
_APPOS = {"appos"}
_PREP = {"prep", "agent"}
_CLAUSE = {"relcl", "acl", "advcl", "conj", "cc", "ccomp", "xcomp"}
# Named-entity labels that make an unresolved proper name still an actor (a person or body we do not know).
NAMED_ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
# Named-entity labels of proper names that are never actors (dates, amounts, buildings, events, laws ...).
NOT_ACTOR_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "FAC", "EVENT",
                    "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE", "LOC"}


@dataclass(slots=True)
class Clue:
    match: Match
    entry: Entry
    position: str  # head pre appos prep post clause
    tokens: list[Any]


@dataclass(slots=True)
class Resolution:
    """How a mention resolved: the Actor, whether it denotes an actor at all, and the steps taken."""

    actor: Actor
    is_actor: bool
    why: list[str] = field(default_factory=list)
    title: str | None = None  # the title word it was given ("president"), for document memory
    person: bool = False  # a named individual (remembered by surname)
    head_role: str | None = None  # the role of a sector word heading the phrase ("title", "body" ...)


def make_code(country: str | None, sector: str | None) -> str | None:
    # Codes are country + sector (RUSGOV, IGOUNO); a sector without a country is not coded, so a
    # code never claims a country the text did not give (issue 4).
    if not country:
        return None
    return country + (sector or "")


class ActorResolver:
    """Dictionaries (bundled + user files) and the resolution rules. Load once; share across documents."""

    def __init__(self, data: ActorData):
        self.data = data
        self.lexicon: Lexicon = build_lexicon(data)

    @classmethod
    def load(cls, *, extra_files: Sequence[str | Path] = ()) -> ActorResolver:
        """Bundled data, then the user's files in order (each extends or overrides).

        Raises DataFileError on a bad file."""
        return cls(load_actor_data(bundled_files(), user_paths=[Path(p) for p in extra_files]))

    def for_document(self, doc: Any, *, published: dt.date | None = None, title: str | None = None) -> DocumentActors:
        from .document import DocumentActors

        return DocumentActors(self, doc, published=published, title=title)

    def resolve_text(self, text: str, *, date: dt.date | None = None, model: str | None = None) -> Resolution:
        """Resolve one mention given as text (the `eventwire actors` command). Parses it with spaCy."""
        from ..nlp import load_nlp

        doc = load_nlp(model)(text)
        doc_actors = self.for_document(doc, published=date)
        start, end = 0, len(doc)
        while start < end and doc[start].is_punct:
            start += 1
        while end > start and doc[end - 1].is_punct:
            end -= 1
        span = doc[start:end] if end > start else doc[:]
        return doc_actors.resolution(span)

    # -- the rules ---------------------------------------------------------------------------------

    def role_on(self, entity: Entity, day: dt.date | None) -> tuple[Role, str]:
        """The entity's role on `day` and a sentence saying how it was picked."""
        roles = entity.roles
        if day is None:
            current = [r for r in roles if r.end is None]
            role = current[0] if current else max(roles, key=lambda r: r.start or dt.date.min)
            return role, f"no date given: its current or latest role, {_role_text(role)}"
        covering = [r for r in roles if r.covers(day)]
        if covering:
            return covering[0], f"on {day} its role is {_role_text(covering[0])}"
        ended = [r for r in roles if r.end is not None and r.end < day]
        if ended:
            last = max(ended, key=lambda r: r.end)
            # Out of office: same country, CAMEO's ELI (elites: former officials) rather than the old sector.
            sector = "ELI" if entity.kind == "people" else None
            return (
                Role(last.country, sector, f"former {last.title or ''}".strip()),
                f"on {day} no role is current; the last ended {last.end}: former official",
            )
        first = min(roles, key=lambda r: r.start or dt.date.min)
        return Role(first.country, None), f"on {day} no role begun (first {first.start}): country only"

    def clues(self, span: Any, day: dt.date | None = None) -> list[Clue]:
        root = span.root
        out = []
        base = span.start_char
        for m in self.lexicon.scan(span.text):
            toks = [t for t in span if t.idx < base + m.end and t.idx + len(t) > base + m.start]
            if not toks:
                continue
            pos = "head" if any(t.i == root.i for t in toks) else _position(min(toks, key=_depth), root)
            entries = tuple(e for e in m.entries
                            if not (e.kind == "surname" or e.bare) or not _other_given_name(toks[0], e.ref))
            for entry in self._choose_entities(entries, day, head=pos == "head"):
                out.append(Clue(m, entry, pos, toks))
        if not any(c.position == "head" for c in out):
            # "armies", "ministries": the dictionary lists the word once; the head may be inflected. A group
            # word listed in the plural names one member too ("a protester", "an investigator").
            forms = [root.lemma_] if root.lemma_.lower() != root.lower_ else []
            forms += [] if root.tag_ in ("NNS", "NNPS") else [root.lemma_ + "s"]
            for form in forms:
                entries = tuple(e for e in self.lexicon.lookup(form) if e.kind == "sector" and (
                    form == root.lemma_ or self.sector_term(e.ref).role in ("group", "generic")))
                if entries:
                    lemma = Match(root.idx - base, root.idx - base + len(root), root.text, entries)
                    out.extend(Clue(lemma, e, "head", [root]) for e in entries)
                    break
        return out

    def _choose_entities(self, entries: tuple[Entry, ...], day: dt.date | None, *, head: bool) -> list[Entry]:
        """Keep the non-entity meanings of a phrase, and at most one listed entity: the one in office on
        `day` when several share the name ("King Abdullah"); none when that leaves it ambiguous."""
        others = [e for e in entries if e.kind not in ENTITY_KINDS and e.kind != "surname"]
        ents = list({e.ref: e for e in entries if e.kind in ENTITY_KINDS or e.kind == "surname"}.values())
        if not ents:
            return others
        if ents[0].kind == "surname" and not head:
            # Before the head, a lone surname is a given name ("Ali" in "Ali Rezaei").
            return others
        if len(ents) > 1:
            live = [e for e in ents if self._in_office(self.entity(e.ref), day, slack_years=0)]
            ents = live if len(live) == 1 else []
        if ents and ents[0].kind == "surname":
            # A bare surname names the listed person only around their years in office.
            if not self._in_office(self.entity(ents[0].ref), day, slack_years=3):
                return others
            ents = [Entry("person", ents[0].ref)]
        if ents and ents[0].bare and day is not None and self._long_before_office(self.entity(ents[0].ref), day):
            # A one-word alias ("Abe") years before the person held any office is someone else.
            return others
        return others + ents

    @staticmethod
    def _long_before_office(ent: Entity, day: dt.date, years: int = 5) -> bool:
        return bool(ent.roles) and all(r.start is not None and r.start.year > day.year + years for r in ent.roles)

    @staticmethod
    def _in_office(ent: Entity, day: dt.date | None, *, slack_years: int) -> bool:
        if day is None:
            return any(r.end is None for r in ent.roles)
        lo = dt.date(max(day.year - slack_years, 1), day.month, min(day.day, 28))
        hi = dt.date(day.year + slack_years, day.month, min(day.day, 28))
        return any((r.start is None or r.start <= hi) and (r.end is None or lo <= r.end) for r in ent.roles)

    def entity(self, name: str) -> Entity:
        return self.data.entities[name.casefold()]

    def entity_actor(
        self, clue: Clue, day: dt.date | None, why: list[str], *, hint: set[str] | None = None
    ) -> tuple[str | None, str | None, Entity]:
        ent = self.entity(clue.entry.ref)
        role, how = self.role_on(ent, day)
        if day is None and hint and role.country not in hint:
            # No date, but the text names where the person served ("European Council president Donald
            # Tusk"): take their latest role there.
            there = [r for r in ent.roles if r.country in hint]
            if there:
                role = max(there, key=lambda r: r.start or dt.date.min)
                how = f"no date given; the text points to their role {_role_text(role)}"
        why.append(f"{clue.match.text!r} is {ent.name!r} in the {ent.kind} list ({ent.source})")
        why.append(how)
        return role.country, role.sector, ent

    def title_terms(self, text: str) -> list[str]:
        """The sector words in a role title ("deputy chairman of the Security Council" -> chairman, ...)."""
        return [e.ref for m in self.lexicon.scan(text) for e in m.entries if e.kind == "sector"]

    def sector_term(self, key: str):
        return self.data.sectors[key]

    def country_name(self, code: str) -> str:
        c = self.data.countries.get(code)
        return c.name if c and c.name else code


def _role_text(role: Role) -> str:
    when = ""
    if role.start or role.end:
        when = f", {role.start or '...'} to {role.end or 'now'}"
    return f"{role.title or 'member'} ({role.country} {role.sector or '-'}{when})"


def _depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _position(tok: Any, root: Any) -> str:
    """Where `tok` sits relative to the phrase head: pre, poss, appos, prep, clause, post or outside."""
    t = tok
    steps = 0
    while t.head.i != root.i:
        if t.head.i == t.i or steps > 50:
            return "pre" if tok.i < root.i else "post"
        t = t.head
        steps += 1
    if t.dep_ in _APPOS:
        return "appos"
    if t.dep_ in _PREP:
        return "prep"
    if t.dep_ in _CLAUSE:
        return "clause"
    return "pre" if t.i < root.i else "post"


def folded_words(text: str) -> tuple[str, ...]:
    return tuple(w for w, _, _, _ in words(text))


__all__ = ["ActorResolver", "Resolution", "Clue", "make_code", "fold", "folded_words"]


def _other_given_name(tok: Any, full_name: str) -> bool:
    """'Miguel Ortega' is not Daniel Ortega: a surname that a person's name in the text opens with another
    given name names someone else ('President Ortega', 'Daniel Ortega' and 'Ortega' still do)."""
    if tok.ent_iob_ != "I" or tok.ent_type_ != "PERSON":
        return False
    parts = {p.lower() for p in full_name.split()}
    start = tok.i
    while start > tok.sent.start and tok.doc[start].ent_iob_ == "I":
        start -= 1
    given = [t for t in tok.doc[start : tok.i] if t.pos_ == "PROPN"]
    return bool(given) and any(t.lower_ not in parts for t in given)
