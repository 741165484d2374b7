"""Mending the parse where the small English model loses a sentence's main verb.

Runs as a pipeline component after the attribute ruler (`nlp.load_nlp` adds it), before any coding: only the heads,
labels and tags of the tokens concerned change, so a sound parse is left as it was (tests/nlp/test_lost_verbs.py).
"""

from __future__ import annotations

from typing import Any

# Misreadings of a sentence's main verb by the small parser, mended after parsing (`repair_lost_verbs`):
# - 'Eritrea massed troops near the border': the verb read as an adjective of its object and the whole sentence
#   as one noun phrase, the subject a loose modifier of it;
# - the same before a clause of time: 'X scrambled jets after drones were spotted', 'jets' read as the
#   subject of 'were spotted';
# - 'Russian forces have massed tanks': the perfect read as possession ('have [massed tanks]');
# - 'About 600 fighters of a faction handed in their weapons': with no finite verb left, the main verb read as a
#   participle on the nearest noun;
# - 'vessels were gifted to the coast guard by Japan': a passive with its by-phrase tagged as an adjective;
# - 'Trump also angered Iraqi politicians': a name opening the sentence tagged as its verb;
# - 'The truce declared on Sunday has been respected': a participle on the subject read as the main verb;
# - 'Japan provided relief goods to Vanuatu' (after a dateline): the only object read as an indirect one;
# - 'was issued by ECOWAS heads of state': an acronym after a preposition read as a gerund, its noun as the object;
# - 'China handed over 50,000 tonnes of wheat': the particle read as 'over' a number ('more than');
# - 'WARSAW (DW) - Poland has frozen ...': the subject hung on the auxiliary instead of its verb.
SUBJECT_DEPS = frozenset({"npadvmod", "nsubj", "compound", "nmod"})
# Phrases of the noun that describe it, not the act: 'relations with Belarus', 'troops of the army'.
NOUN_PREPS = frozenset({"of", "with", "between", "against"})
# Participles that are plain adjectives after 'have': 'both sides have armed forces', 'has limited means'.
ADJECTIVAL_PARTICIPLES = frozenset({
    "armed", "skilled", "qualified", "limited", "advanced", "detailed", "developed", "experienced", "organized",
    "organised", "related", "united", "combined", "trained", "educated", "established", "registered", "licensed",
    "elected", "dedicated", "specialized", "specialised", "mixed", "varied", "vested", "fixed", "guaranteed",
    "unexpected", "unfinished", "unresolved", "unsolved", "unpaid", "untapped", "unused",
})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Named parties, who can be given things: 'offered Ukraine', 'sent the UN' keep their indirect-object reading.
NAMED_PARTIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _rehang(verb: Any, subject: Any, obj: Any | None, movers: list[Any]) -> None:
    verb.head, verb.dep_ = verb, "ROOT"
    subject.head, subject.dep_ = verb, "nsubj"
    if obj is not None:
        obj.head, obj.dep_ = verb, "dobj"
    for c in movers:
        c.head = verb
        if c.dep_ == "acl":
            c.dep_ = "advcl"


def _adjective_verb(noun: Any, *, tagged_adjective: bool) -> Any | None:
    """The past-tense verb the parser hung on `noun` as its adjective ('massed troops'); with `tagged_adjective`,
    also an '-ed' word the tagger called an adjective ('relaxed restrictions')."""
    return next((c for c in noun.lefts if c.dep_ == "amod" and (
        (c.tag_ in ("VBD", "VBN") and c.pos_ == "VERB")
        or (tagged_adjective and c.tag_ == "JJ" and c.lower_.endswith("ed")))), None)


def _subject_before(verb: Any, noun: Any, start: int) -> Any | None:
    """The one name right before `verb` that opens the clause at `start` ('Eritrea massed', "Taiwan's air force
    scrambled"), with the noun's possessor handed to it; None where there is no such name."""
    subjects = [c for c in (*verb.lefts, *noun.lefts)
                if c.i < verb.i and c.dep_ in SUBJECT_DEPS and c.pos_ in ("PROPN", "NOUN")]
    owners = [c for c in noun.lefts if c.dep_ == "poss" and c.i < verb.i]
    if len(subjects) != 1 or subjects[0].right_edge.i + 1 != verb.i:
        return None
    # 'The European Union relaxed sanctions': the article the parser gave the object is the subject's
    article = next((c for c in noun.lefts if c.dep_ == "det" and c.i == start and c.i < subjects[0].left_edge.i), None)
    if min([subjects[0].left_edge.i] + [o.left_edge.i for o in owners]) != start + (article is not None):
        return None
    for o in owners:
        o.head = subjects[0]  # "Taiwan's air force": the owner goes with the subject
    if article is not None:
        article.head = subjects[0]
    return subjects[0]


def _rehang_in_place(verb: Any, subject: Any, obj: Any, movers: list[Any], old_head: Any) -> None:
    """Re-hang as _rehang does, the verb taking the place (head and label) `old_head` held in the parse."""
    head, dep = old_head.head, old_head.dep_
    _rehang(verb, subject, obj, movers)
    if dep != "ROOT":
        verb.head, verb.dep_ = head, dep


def _verb_read_as_adjective(root: Any, start: int) -> bool:
    """`root`: a noun heading a sentence or a reported clause; `start`: where its clause begins."""
    verb = _adjective_verb(root, tagged_adjective=True)
    subject = _subject_before(verb, root, start) if verb is not None else None
    if subject is None:
        return False
    movers = [c for c in root.rights if c.dep_ in ("punct", "advcl", "acl") or (
        c.dep_ == "prep" and c.lower_ not in NOUN_PREPS)]
    _rehang_in_place(verb, subject, root, movers, root)
    if verb.tag_ == "JJ":
        verb.pos_, verb.tag_ = "VERB", "VBD"  # 'London relaxed sanctions': the tagger's adjective
    return True


SUBORDINATORS = frozenset({"after", "as", "when", "before", "while", "because", "since", "until", "once"})


def _verb_read_as_adjective_of_clause_subject(sent: Any) -> None:
    """'Japan's air force scrambled fighter jets on Sunday after Chinese drones were spotted': the verb read as an
    adjective of its object, the object taken for the subject of the clause that follows and that clause (with
    its 'after') for the sentence's main one."""
    for main in sent:
        if main.pos_ not in ("VERB", "AUX") or main.dep_ not in ("ROOT", "ccomp") or not any(
                c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in main.children):
            continue
        noun = next((c for c in main.lefts if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
        verb = _adjective_verb(noun, tagged_adjective=False) if noun is not None else None
        subject = _subject_before(verb, noun, sent.start) if verb is not None else None
        if subject is None:
            continue
        movers = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ not in NOUN_PREPS]
        _rehang_in_place(verb, subject, noun, movers, main)
        main.head, main.dep_ = verb, "advcl"
        return


def _perfect_read_as_possession(sent: Any) -> None:
    for have in sent:
        if have.lemma_ != "have" or have.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp"):
            continue
        obj = next((c for c in have.rights if c.dep_ == "dobj"), None)
        subject = next((c for c in have.lefts if c.dep_ == "nsubj"), None)
        if obj is None or subject is None:
            continue
        verb = next((c for c in obj.lefts if c.dep_ == "amod" and c.tag_ == "VBN" and c.i == have.i + 1), None)
        if verb is None or verb.lower_ in ADJECTIVAL_PARTICIPLES:
            continue
        movers = [c for c in have.children if c.i > obj.i]
        dep, head = have.dep_, have.head
        _rehang(verb, subject, obj, movers)
        if dep != "ROOT":
            verb.head, verb.dep_ = head, dep
        have.head, have.dep_ = verb, "aux"


def _in_relative_clause(tok: Any, root: Any) -> bool:
    while tok.i != root.i:
        if tok.dep_ == "relcl":
            return True
        tok = tok.head
    return False


def _participle_as_main_verb(sent: Any) -> None:
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return
    # A past tense read as a participle ('Robinson, who is from Leeds, travelled to Syria', 'Attorneys for the
    # family of a girl who died called for'), or a participle where no finite verb is left ('fighters handed in').
    candidates = [t for t in root.subtree if t.dep_ == "acl" and t.i > root.i and not _in_relative_clause(t.head, root)]
    finite = [t for t in sent if t.tag_ in FINITE_TAGS and not _in_relative_clause(t, root)]
    verb = next((t for t in candidates if t.tag_ == "VBD"), None)
    if verb is None and not finite:
        verb = next((t for t in candidates if t.tag_ == "VBN"), None)
    if verb is None or any(c.dep_ in ("agent", "nsubjpass") for c in verb.children):
        return  # 'weapons seized by the army': a true passive participle
    movers = [c for c in root.rights if c.i > verb.i]
    _rehang(verb, root, None, movers)


def _name_read_as_verb(sent: Any) -> None:
    """'Trump also angered Iraqi politicians', 'ECOWAS relaxed trade restrictions': a name opening the sentence
    tagged as a verb, the true verb an adjective of its object."""
    root = sent.root
    if root.i != sent.start or root.tag_ not in ("VB", "VBP") or not (root.text[:1].isupper()):
        return
    obj = next((c for c in root.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return
    verb = next((c for c in obj.lefts if c.dep_ == "amod" and (
        c.tag_ in ("VBD", "VBN") or (c.tag_ == "JJ" and c.lower_.endswith("ed")))), None)
    if verb is None or any(t.pos_ not in ("ADV", "PART") for t in sent.doc[root.i + 1 : verb.i]):
        return
    movers = [c for c in root.children if c.i != obj.i]
    _rehang(verb, root, obj, movers)
    verb.pos_, verb.tag_ = "VERB", "VBD"
    root.pos_, root.tag_ = "PROPN", "NNP"


def _passive_read_as_adjective(sent: Any) -> None:
    for tok in sent:
        # 'patrol vessels were gifted to the coast guard by Japan': a passive with its by-phrase is a verb
        if tok.tag_ != "JJ" or not tok.lower_.endswith("ed") or not any(c.dep_ == "agent" for c in tok.children):
            continue
        if any(c.dep_ == "auxpass" for c in tok.children):
            tok.pos_, tok.tag_ = "VERB", "VBN"
        elif tok.dep_ == "acomp" and tok.head.lemma_ == "be" and tok.head.dep_ == "ROOT":
            be = tok.head  # 'were' read as the main verb and 'gifted' as its complement
            subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
            movers = [c for c in be.children if c.i != tok.i and c.dep_ != "nsubj"]
            tok.head, tok.dep_ = tok, "ROOT"
            tok.pos_, tok.tag_ = "VERB", "VBN"
            be.head, be.dep_ = tok, "auxpass"
            if subject is not None:
                subject.head, subject.dep_ = tok, "nsubjpass"
            for c in movers:
                c.head = tok


def _reduced_relative_read_as_main_verb(sent: Any) -> None:
    """'The truce declared on Sunday has been respected by the rebels': the participle on the subject read as the
    main verb, the true main verb (with its own finite auxiliary but no subject) as its complement."""
    first = next((t for t in sent if t.tag_ == "VBD" and t.dep_ in ("ROOT", "ccomp")), None)
    if first is None or any(c.dep_ in ("dobj", "dative", "mark") for c in first.children):
        return
    noun = next((c for c in first.lefts if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i == first.i - 1), None)
    main = next((c for c in first.rights if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
    if noun is None or main is None or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in main.children):
        return
    if not any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in main.children):
        return
    movers = [c for c in first.children if c.i > main.i or c.dep_ == "punct"]
    if first.dep_ == "ROOT":
        main.head, main.dep_ = main, "ROOT"
    else:
        main.head, main.dep_ = first.head, first.dep_
    noun.head = main
    noun.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in main.children) else "nsubj"
    first.head, first.dep_, first.tag_ = noun, "acl", "VBN"
    for c in movers:
        c.head = main


def _lone_dative_as_object(sent: Any) -> None:
    """'Japan provided emergency relief goods worth 50 million yen to Vanuatu': after a dateline the parser
    can take a verb's only object for an indirect one. A common noun as the sole 'dative' of a verb with no
    direct object or clause of its own is its object when a to- or for-phrase names the receiver ('handed
    Brazilian authorities' with no such phrase keeps its receiver)."""
    for tok in sent:
        if tok.dep_ != "dative" or tok.pos_ != "NOUN" or tok.ent_type_ in NAMED_PARTIES:
            continue
        verb = tok.head
        if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
            continue
        if any(t.dep_ in ("prep", "dative") and t.lower_ in ("to", "for")
               for t in (*verb.children, *tok.subtree)):
            tok.dep_ = "dobj"


def _acronym_read_as_gerund(sent: Any) -> None:
    """'a threat of sanctions was issued by ECOWAS heads of state': an all-capital name after a preposition tagged
    as a gerund with the noun after it as its object; the name modifies that noun, which the preposition takes."""
    for tok in sent:
        if tok.dep_ != "pcomp" or not tok.tag_.startswith("VB") or not tok.is_upper or len(tok) < 3:
            continue
        noun = next((c for c in tok.rights if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if noun is None or noun.left_edge.i != tok.i + 1:
            continue
        after = [c for c in tok.children if c.i > noun.i]  # 'in Accra', after the noun: the noun's phrases
        noun.head, noun.dep_ = tok.head, "pobj"
        for c in after:
            c.head = noun
        tok.head, tok.dep_, tok.pos_, tok.tag_ = noun, "compound", "PROPN", "NNP"


def _particle_read_as_quantity(sent: Any) -> None:
    """'China has handed over 50,000 tonnes of wheat': a word the tagger calls a particle, right after a verb, hung
    on the number that follows as 'over 50,000'; it is the verb's particle."""
    for tok in sent:
        if tok.tag_ != "RP" or tok.dep_ != "quantmod" or tok.i == sent.start:
            continue
        verb = tok.doc[tok.i - 1]
        if verb.pos_ == "VERB" and not any(c.dep_ == "prt" for c in verb.children):
            tok.head, tok.dep_ = verb, "prt"


def _subject_on_auxiliary(sent: Any) -> None:
    """'Poland has frozen intelligence-sharing with Hungary' (after a dateline): the subject hung on 'has', an
    auxiliary of the verb; the verb is what it is the subject of."""
    for tok in sent:
        aux = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and aux.dep_ in ("aux", "auxpass") and aux.head.i != aux.i and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in aux.head.children):
            tok.head = aux.head


def repair_lost_verbs(doc: Any) -> Any:
    """Give back a sentence its main verb where the parser lost it (see above); the rest of the parse stays."""
    for sent in doc.sents:
        _passive_read_as_adjective(sent)
        root = sent.root
        if root.pos_ in ("NOUN", "PROPN") and _verb_read_as_adjective(root, sent.start):
            continue
        for clause in [t for t in sent if t.dep_ == "ccomp" and t.pos_ in ("NOUN", "PROPN")]:
            _verb_read_as_adjective(clause, clause.left_edge.i)  # 'X said: [Taiwan's air force scrambled jets]'

        _name_read_as_verb(sent)
        _reduced_relative_read_as_main_verb(sent)
        _verb_read_as_adjective_of_clause_subject(sent)
        _perfect_read_as_possession(sent)
        _participle_as_main_verb(sent)
        _lone_dative_as_object(sent)
        _acronym_read_as_gerund(sent)
        _particle_read_as_quantity(sent)
        _subject_on_auxiliary(sent)
    return doc
