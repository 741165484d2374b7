"""Violence told through its instrument: 'A car bomb killed 12 soldiers', 'An airstrike hit a hospital',
'Three soldiers were killed in a Taliban-claimed attack', 'A suicide attack on an army patrol killed six'.

News often makes the weapon or the attack itself the subject of the violent verb, or names it only in a
prepositional phrase of a passive. The doer is the actor the instrument names ('a Russian missile', 'an
attack by ISIS', 'a Taliban-claimed bomb'); where it names none, the instrument phrase stands for the unknown
attacker. The same holds for deaths in an attack ('twelve people died in an airstrike') and for what a
subject suffers ('the convoy came under attack from X'). The word lists are data: patterns/instruments.json.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.datafiles import read_json_data, word_list
from eventwire.errors import DataFileError

from .pattern_table import Pattern
from .syntax import agent, child, children, is_passive, led_by, prep_objects, subject
from .word_lists import may_be_party

if TYPE_CHECKING:
    from .matcher import Match

INSTRUMENTS_FILE = Path(__file__).resolve().parent / "patterns" / "instruments.json"
NAME_ENTS = ("NORP", "GPE", "ORG")
PLACE_ONLY = ("LOC", "FAC")  # regions, seas and buildings are where, not who


@dataclass(frozen=True, slots=True)
class Instruments:
    weapons: dict[str, str]  # lemma or 'modifier lemma' -> CAMEO code
    impact_verbs: frozenset[str]
    benign_modifiers: frozenset[str]
    delivery_verbs: frozenset[str]
    exploding_verbs: frozenset[str]
    occasion_preps: frozenset[str]
    death_verbs: frozenset[str]
    agentless: frozenset[str]  # things that kill without being anyone: 'a fire', 'the flooding'
    agentless_modifiers: frozenset[str]  # natural forces naming such a thing: 'Cyclone Freddy', 'monsoon rains'


@lru_cache(maxsize=1)
def instruments() -> Instruments:
    data = read_json_data(INSTRUMENTS_FILE)
    weapons = data.get("weapons")
    if not isinstance(weapons, dict) or not all(isinstance(v, str) and v.isdigit() for v in weapons.values()):
        raise DataFileError(str(INSTRUMENTS_FILE), "'weapons' must be an object of weapon -> CAMEO code")

    def words(key: str) -> frozenset[str]:
        return word_list(data, key, INSTRUMENTS_FILE)

    return Instruments(
        weapons=dict(weapons),
        impact_verbs=words("impact_verbs"),
        benign_modifiers=words("benign_modifiers"),
        delivery_verbs=words("delivery_verbs"),
        exploding_verbs=words("exploding_verbs"),
        occasion_preps=words("occasion_preps"),
        death_verbs=words("death_verbs"),
        agentless=words("agentless"),
        agentless_modifiers=words("agentless_modifiers"),
    )


def weapon_patterns() -> list[Pattern]:
    """Pseudo-rows for the sentence prefilter: a sentence naming a weapon may hold an event."""
    words = {w.split()[-1] for w in instruments().weapons}
    return [Pattern(id=f"weapon_{w}", lemma=w, pos="N", cameo="190", targets=(), when={}) for w in sorted(words)]


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def weapon_code(tok: Token) -> str | None:
    """The code of the violence a weapon or attack noun stands for ('car bomb' 1832, 'airstrike' 195), or None
    for anything else ('a heart attack', 'the storm', 'Shell')."""
    if tok.pos_ != "NOUN":
        return None
    table = instruments()
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    if benign(tok):
        return None
    for c in mods:
        code = table.weapons.get(f"{_lemma(c)} {_lemma(tok)}")
        if code:
            return code
    code = table.weapons.get(_lemma(tok))
    if code is None:
        late = [c for c in tok.children if c.dep_ == "amod" and c.i > tok.i and _lemma(c) in table.weapons]
        if late:
            code = table.weapons[_lemma(late[0])]  # 'a government offensive' parsed as 'government' + adjective
    return code


def agentless(tok: Token) -> bool:
    """'heavy flooding', 'Cyclone Freddy', 'a road accident': the subject is a force or mishap, no actor."""
    table = instruments()
    if _lemma(tok) in table.agentless:
        return True
    return any(c.dep_ in ("compound", "amod", "nmod") and _lemma(c) in table.agentless_modifiers for c in tok.children)


def benign(tok: Token) -> bool:
    """'a heart attack', 'a shark attack', 'a price war': the modifier makes the word no violence."""
    return any(c.dep_ in ("compound", "amod", "nmod") and _lemma(c) in instruments().benign_modifiers
               for c in tok.children)


def impact_subject(noun: Token) -> bool:
    """The noun is the subject of a verb of harm ('the offensive has displaced 800,000', 'an attack killed'):
    the sentence reports the attack as having happened, with no launching verb."""
    verb = noun.head
    return noun.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX") and _lemma(verb) in instruments().impact_verbs


def instrument_source(noun: Token) -> Token | None:
    """The actor a weapon names as its user: "Hamas's rockets", 'rockets fired by Hezbollah', 'a Taliban-claimed
    bomb', 'a Russian missile'. None when it names no one."""
    table = instruments()
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            found = child(c, "pobj")
            if found is not None:
                return found
        if c.dep_ == "acl" and c.tag_ == "VBN" and _lemma(c) in table.delivery_verbs:
            found = agent(c)
            if found is not None:
                return found
        found = led_by(c)
        if found is not None:
            return found
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and named_doer(c):
            return c
    return None


def mass_weapon_code(verb: Token) -> str | None:
    """The 204x code of a chemical, biological or nuclear weapon that a killing or an attack came from: its
    subject ('a chemical attack killed dozens') or the phrase it happened in or by ('were killed in a sarin
    attack')."""
    nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    nouns += [p for c in verb.children if c.dep_ in ("prep", "agent") for p in c.children if p.dep_ == "pobj"]
    for noun in nouns:
        code = weapon_code(noun)
        if code and code.startswith("204"):
            return code
    return None


def named_doer(mod: Token) -> bool:
    """A name before an event noun that says who did it ('Russian airstrikes', 'Hamas rockets'), not where
    ('a West Bank shooting attack', 'the Red Sea attacks')."""
    if mod.ent_type_ in PLACE_ONLY or mod.ent_type_ in ("DATE", "TIME"):
        return False  # ('a 7 April strike': a date says when)
    return mod.ent_type_ in NAME_ENTS or mod.pos_ == "PROPN"


def occasion(verb: Token, is_attack: Callable[[Token], bool] = lambda t: weapon_code(t) is not None) -> Token | None:
    """The weapon or attack a passive act of violence came from, when no one is named as its agent: 'were
    killed in an airstrike', 'was wounded by a roadside bomb', 'were killed when a car bomb exploded'."""
    table = instruments()
    if not is_passive(verb):
        return None
    for c in verb.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in table.occasion_preps:
            for p in children(c, "pobj"):
                if is_attack(p):
                    return p
        if c.dep_ == "advcl" and _lemma(c) in table.exploding_verbs and any(
            a.lower_ == "when" for a in c.children if a.dep_ in ("advmod", "mark")
        ):
            subj = child(c, "nsubj")
            if subj is not None and is_attack(subj):
                return subj
    return None


def impact_matches(
    tokens: list[Token], matched: set[int], attack_code: Callable[[Token], str | None]
) -> list[Match]:
    """Verbs of harm no table row codes whose subject (or passive agent) is a weapon or an attack: 'An airstrike
    hit a hospital', 'The town was pounded by rockets', 'an offensive has displaced 800,000'; and deaths in
    one: 'twelve people died in an airstrike' (the attack is the source, the dead the target). The weapon
    decides the code. `attack_code` gives a token's code as a weapon or attack, or None."""
    from .matcher import Match  # the matcher reads impact_subject from here: import on use

    table = instruments()
    out: list[Match] = []
    for tok in tokens:
        if tok.i in matched or tok.pos_ not in ("VERB", "AUX") or tok.dep_ == "amod":
            continue
        lemma = _lemma(tok)
        if lemma in table.death_verbs:
            out += _death(tok, attack_code)
            continue
        if lemma not in table.impact_verbs:
            continue
        doer = agent(tok) if is_passive(tok) else child(tok, "nsubj")
        if doer is None and is_passive(tok):
            doer = occasion(tok, lambda t: attack_code(t) is not None)
        code = attack_code(doer) if doer is not None else None
        if code is None:
            continue
        pattern = Pattern(id=f"impact_{lemma}", lemma=lemma, pos="V", cameo=code, targets=("obj",), when={})
        out.append(Match(tok, pattern, None, ""))
    return out


TORTURE = "182"  # CAMEO 182 physically assault (1822 torture)


def _death(verb: Token, attack_code: Callable[[Token], str | None]) -> list[Match]:
    from .matcher import Match

    if child(verb, "nsubj") is None:
        return []
    for c in verb.children:
        if c.dep_ == "prep" and (c.lower_ in instruments().occasion_preps or c.lower_ == "after"):
            for p in children(c, "pobj"):
                code = attack_code(p)
                # 'died in prison after torture'; but 'were killed after an ill-fated assault' may be the
                # attackers killed in their own attack
                if code is not None and (c.lower_ != "after" or code.startswith(TORTURE)):
                    pattern = Pattern(id=f"death_{_lemma(verb)}", lemma=_lemma(verb), pos="V", cameo=code,
                                      targets=(), when={}, source_role=f"prep:{c.lower_}")
                    return [Match(verb, pattern, None, "")]
    return []


# CAMEO roots of violence (18 assault, 19 fight, 20 mass violence): a weapon may stand for its unnamed user.
VIOLENT_ROOTS = {"18", "19", "20"}
# 'were killed in clashes between X and Y': the violence a death happened in is an event of its own.
OCCASION_RELATIONS = {"prep:in", "prep:during"}


def attack_code(tok: Token, by_tok: dict[int, Match]) -> str | None:
    """The code of a weapon or an attack: 'a car bomb', 'Israeli strikes on Gaza' (a violent noun the table
    codes); None for 'a heart attack' or mutual fighting ('clashes between X and Y' names no single doer)."""
    code = weapon_code(tok)
    if code is not None:
        return code
    hit = by_tok.get(tok.i)
    if hit is not None and hit.pattern.pos == "N" and hit.pattern.cameo[:2] in VIOLENT_ROOTS and (
        not hit.pattern.recip and not benign(tok)
    ):
        return hit.pattern.cameo
    return None


class Violence:
    """The doers of the violent events of one sentence told through their instruments. `source` is the coder's
    source finder for a match ('Russian' for 'Russian airstrikes'); `by_tok` the sentence's matches by token."""

    def __init__(self, source: Callable[[Match], Token | None], by_tok: dict[int, Match]):
        self.source = source
        self.by_tok = by_tok

    def doer(self, m: Match, src: Token | None) -> tuple[Token | None, bool] | None:
        """The source of a violent act told through its instrument, and whether it is only the instrument:
        (src, False) unchanged when no instrument is involved; None when the event is not to be coded."""
        violent = m.pattern.cameo[:2] in VIOLENT_ROOTS
        if m.pattern.pos == "N":
            gov = self.by_tok.get(m.governor.i) if m.governor is not None else None
            in_violence = gov is not None and m.relation in OCCASION_RELATIONS and (
                gov.pattern.cameo[:2] in VIOLENT_ROOTS
            )
            if src is None and violent and (impact_subject(m.token) or in_violence) and self.attack(m.token):
                # 'A suicide attack on an army patrol killed six', 'were killed in strikes on Gaza': the attack
                # happened; no one is named as its doer.
                return m.token, True
            return src, False
        # ('The opposition accused the ruling party of ...': a noun that names a party is its own doer)
        if src is not None and ((src.i in self.by_tok and self.by_tok[src.i].pattern.pos == "N" and not (
                may_be_party(src.lemma_.lower()) and not violent)) or (violent and self.attack(src))):
            # 'Russian airstrikes killed 12': the agent is the noun event's own agent, if it names one.
            found = self.instrument_doer(src, violent)
            return found if found[0] is not None else None
        if src is None and violent and is_passive(m.token):
            # 'were killed in a Taliban-claimed attack', 'when a roadside bomb exploded'
            weapon = occasion(m.token, lambda t: self.attack(t))
            if weapon is not None:
                return self.instrument_doer(weapon, violent)
        return src, False

    def undergone(self, m: Match) -> tuple[Token, Token, bool] | None:
        """'The convoy came under attack from Houthi fighters', 'came under criticism from X': the subject of
        'come under' suffers the act; the doer is the from-phrase, the noun's own agent, else (violence only)
        the attack itself. (source, target, source is only the instrument)."""
        gov = m.governor
        if m.pattern.pos != "N" or gov is None or m.relation != "prep:under" or gov.lemma_.lower() != "come":
            return None
        victim = subject(gov)
        violent = m.pattern.cameo[:2] in VIOLENT_ROOTS
        if victim is None or not (violent or m.pattern.source_role is not None):
            return None  # 'came under pressure from falling prices': only rows that take a giver say who
        doer = (prep_objects(m.token, "from") + prep_objects(gov, "from") + [None])[0] or self.source(m)
        if doer is not None:
            return doer, victim, False
        return (m.token, victim, True) if violent and self.attack(m.token) else None

    def attack(self, tok: Token) -> bool:
        return attack_code(tok, self.by_tok) is not None

    def instrument_doer(self, noun: Token, violent: bool) -> tuple[Token | None, bool]:
        """Who used the weapon or made the attack that is the subject (or occasion) of a violent verb: the
        actor it names, else (for violence only) the weapon phrase itself, an unknown attacker."""
        hit = self.by_tok.get(noun.i)
        own = self.source(hit) if hit is not None and hit.pattern.pos == "N" else instrument_source(noun)
        if own is not None:
            return own, False
        return (noun, True) if violent and self.attack(noun) else (None, False)
