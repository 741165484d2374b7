"""Goods moved in trade, not given: a delivery made under a deal or in exchange for something is material
cooperation between the two sides (CAMEO 061, or 062 for arms), not aid (07).

    if code in GOODS_AID and traded(trigger):
        code = traded_code(code)

'shipped crude to Colombo in exchange for tea', 'delivered its first cargo of gas to Brazil under a supply
contract': the goods are paid for. Aid stays aid where the deal is itself one of aid ('under an aid agreement')
or what moves is aid ('relief delivered under a truce deal').
"""

from __future__ import annotations

from spacy.tokens import Token

from .pattern_table import word_sets
from .syntax import children

# The clauses a delivery's own phrases end at: a deal named in a clause of its own frames that clause.
CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "xcomp", "acl", "csubj", "parataxis", "conj"}
# Aid in goods (070 aid, 072 arms, 073 relief): money lent or paid out under an agreement is still economic aid
# (071, 'disbursed $1 billion under its loan programme'), and troops sent under a defence pact still protect (074).
GOODS_AID = {"070", "072", "073"}
MILITARY_AID = "072"


def _phrases(tok: Token, depth: int = 0) -> list[Token]:
    """The tokens of tok's own phrases, to two levels down, not entering a clause of their own."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in CLAUSE_DEPS:
            continue
        out.append(c)
        if depth < 2:
            out.extend(_phrases(c, depth + 1))
    return out


def _exchange(prep: Token) -> bool:
    """'in exchange for', 'in return for': the delivery is paid for in kind."""
    return prep.lower_ == "in" and any(
        o.lemma_.lower() in ("exchange", "return") and any(p.lower_ == "for" for p in children(o, "prep"))
        for o in children(prep, "pobj"))


def traded(trigger: Token) -> bool:
    """Whether the transfer trigger (or the verb its noun hangs on) is made under a deal of trade or in exchange."""
    sets = word_sets()
    deals, aid, money = sets["trade_terms"], sets["aid_terms"], sets["money"]
    if trigger.dep_ == "compound" and trigger.head.lemma_.lower() in deals:
        return True  # 'under a supply agreement': the word names the deal, not a gift
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.head.pos_ in ("VERB", "AUX") else trigger
    phrase = _phrases(verb)
    if any(t.lemma_.lower() in aid for t in phrase if t.dep_ in ("dobj", "nsubjpass", "compound", "amod")
           and t.head.i in (verb.i, trigger.i)):
        return False  # 'aid delivered under the truce deal' is still aid
    if trigger.lemma_.lower() in aid or any(
            o.lemma_.lower() in money for o in (*children(verb, "dobj"), *children(verb, "nsubjpass"))):
        return False  # a sum is paid or lent, not traded
    for prep in (t for t in phrase if t.dep_ == "prep"):
        if _exchange(prep):
            return True
        if prep.lower_ != "under":
            continue
        for deal in children(prep, "pobj"):
            kinds = {c.lemma_.lower() for c in deal.children if c.dep_ in ("compound", "amod", "nmod")}
            if deal.lemma_.lower() in deals and not kinds & aid:
                return True
    return False


def traded_code(code: str) -> str:
    """The cooperation code for a traded transfer of aid code `code`: arms are military cooperation."""
    return "062" if code == MILITARY_AID else "061"
