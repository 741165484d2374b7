"""Mending the parse where the small English model loses a sentence's main verb.

Runs as a pipeline component after the attribute ruler (`nlp.load_nlp` adds it), before any coding: only the heads,
labels and tags of the tokens concerned change (and a country's name with 'and' in it, 'Bosnia and Herzegovina', is
merged into one token), so a sound parse is left as it was (tests/nlp/test_lost_verbs.py).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from .actors.data_files import DATA_DIR, read_table
from .datafiles import read_json_data
from .errors import DataFileError

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
# - 'The truce declared on Sunday has been respected': a participle on the subject read as the main verb, and
#   'Relatives of Americans held hostage have filed a lawsuit': one on a noun in the subject's phrase, and 'Six
#   soldiers held captive by rebels were released': one on the subject before a passive;
# - 'Japan provided relief goods to Vanuatu' (after a dateline): the only object read as an indirect one;
# - 'was issued by ECOWAS heads of state': an acronym after a preposition read as a gerund, its noun as the object;
# - 'China handed over 50,000 tonnes of wheat': the particle read as 'over' a number ('more than');
# - 'WARSAW (DW) - Poland has frozen ...': the subject hung on the auxiliary instead of its verb;
# - 'Iran vowed crushing retaliation': an adjective in '-ing' read as a gerund taking the noun as its object;
# - 'Xi hosts Brazil's Lula', 'Tens of thousands rally in Tbilisi': a headline's verb tagged as a noun;
# - 'has called on all parties to refrain': the preposition of 'call on' read as a particle;
# - 'dismissed as groundless accusations by X': the object read as part of the judgement before it;
# - 'allowed UN agencies access to the areas': two objects read as a clause;
# - 'recognised Kenya's "legitimate right"': a possessor read as an object;
# - 'accusations that its troops were fighting': the 'that' of a clause read as its verb's object;
# - 'a lawsuit against visiting Crown Prince X': a person's '-ing' title read as a gerund taking the name;
# - 'granted the police permission to detain him': the receiver read as a modifier of what it is granted;
# - 'stand shoulder to shoulder with Ukraine': the phrase after a doubled noun hung on its second half;
# - 'granted inspectors from the OPCW access': what is granted read as the head of the receiver's phrase;
# - 'accused the ruling All Progressives Congress of ...': the party's '-ing' modifier read as a first object;
# - 'pledged $30 million to UNRWA': 'to' before a name read as an infinitive's mark;
# - 'demands that the UN mission leave': the verb of a that-clause tagged as a noun;
# - 'held the lawyer incommunicado': a word of manner read as the object's head;
# - 'took into custody dozens of workers': the state after 'into' read as a modifier of the object;
# - 'X apologises to Y in a statement read out in Tokyo': a headline verb tagged as a noun under a participle root;
# - 'Qatar Charity, the Gulf state's arm, handed over ..., the organisation said': a reported verb read as a
#   clause on its own subject, the subject taken as a second one of 'said';
# - 'forced an airliner flying from Izmir to land in Crete': the object's infinitive hung on a participle
#   that modifies the object, and 'directed the Election Commission to announce': read as a purpose;
# - 'dismissed as 'malicious slander' allegations': a quoted judgement read as the object's modifiers;
# - 'denied a report by UN monitors that its soldiers armed the rebels': the report's clause read as a relative one;
# - 'EU to send aid to Gaza': a headline's future read as a clause on its subject;
# - 'Russia, Ukraine agree to talks': a headline's two parties joined by a comma read as a name and its apposition;
# - 'called for Russia to withdraw its troops': what is asked for read as a clause of purpose marked by 'for';
# - 'Dutch diplomats, usually inclined to ..., criticised the ruling': a description after the subject read as a
#   clause that takes the subject;
# - 'talks between the Somali government and clan elders': the two parties of 'between' split, the second hung on
#   the noun or the first read as a modifier of the second, and 'X and Y wrapped up their talks': the pair read as
#   two subjects;
# - 'militia vessels massed near the reef, the coast guard said': a reported clause's verb read as a participle on
#   its subject;
# - 'Bosnia and Herzegovina recalled its ambassador': a country's name with 'and' in it read as two parties;
# - 'has taken in 40,000 refugees fleeing the fighting': the object read as the subject of its participle, and
#   '..., halting attacks on Turkish forces': a participle after a comma read as a modifier of its object;
# - 'called Sweden's ambassador a very bad man': the one called names read as the predicate, the name as its
#   apposition;
# - 'handed 24 children back to Ukraine': the particle after the object read as an adverb taking the to-phrase;
# - 'Curfew clamped on Srinagar by Indian troops': a headline's passive read as a past tense;
# - 'Police arrested dozens of protesters demanding ...': the protesters' participle read as a clause of the arrest;
# - 'The chancellor called Macron to congratulate him': the one phoned read as a name given ('a man called X');
# - 'walked away from the talks': the from-phrase hung on 'away';
# - 'The secretary, arguing that ..., threatened to impose duties': the participle's phrase read as the main verb.
SUBJECT_DEPS = frozenset({"npadvmod", "nsubj", "compound", "nmod"})
# Phrases of the noun that describe it, not the act: 'relations with Belarus', 'troops of the army'.
NOUN_PREPS = frozenset({"of", "with", "between", "against"})
# The word lists live in data (parse_repairs.json), each with what it is for; the tags and labels stay here.
REPAIRS_FILE = Path(__file__).with_name("parse_repairs.json")
_LISTS = read_json_data(REPAIRS_FILE)


def _words(key: str) -> frozenset[str]:
    value = _LISTS.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(str(REPAIRS_FILE), f"'{key}' must be a list of strings")
    return frozenset(v.lower() for v in value)


ADJECTIVAL_PARTICIPLES = _words("adjectival_participles")  # 'both sides have armed forces'
ADJECTIVAL_GERUNDS = _words("adjectival_gerunds")  # 'vowed crushing retaliation'
OVER_PHRASAL_VERBS = _words("over_phrasal_verbs")  # 'handed over 50 prisoners'
CALL_ON_PREPOSITIONS = _words("call_on_prepositions")  # 'has called on all parties to refrain'
JUDGING_VERBS = _words("judging_verbs")  # 'dismissed as groundless accusations by X'
DOUBLE_OBJECT_VERBS = _words("double_object_verbs")  # 'allowed the agencies access'
GRANTED_NOUNS = _words("granted_nouns")  # 'access', 'entry', 'permission'
COLLECTIVE_DOERS = _words("collective_doers")  # 'Turkish police raid offices of ...'
PERSON_PARTICIPLES = _words("person_participles")  # 'against visiting Crown Prince X'
OBJECT_CONTROL_VERBS = _words("object_control_verbs")  # 'forced a plane flying from X to land'
MANNER_WORDS = _words("manner_words")  # 'held the lawyer incommunicado'
INTO_STATES = _words("into_states")  # 'took into custody dozens of workers'
FOR_CLAUSE_VERBS = _words("for_clause_verbs")  # 'called for Russia to withdraw its troops'
TRAILING_SPEECH_VERBS = _words("trailing_speech_verbs")  # '..., the foreign ministry said'
HEADLINE_VERBS = _words("headline_verbs")  # 'Norway halts budget aid to Malawi'
CROWD_NOUNS = _words("crowd_nouns")  # 'arrested dozens of protesters demanding ...'
CROWD_PARTICIPLES = _words("crowd_participles")  # '... protesters demanding the governor's resignation'
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


def _trailing_speech(sent: Any, deps: tuple[str, ...]) -> Any:
    """The speech verbs of '..., the foreign ministry said' that have two or more subjects (by `deps`), the last a
    true subject and a comma between the first two: the first is the reported clause's, taken for the verb's. Yields
    (verb, subjects)."""
    for say in sent:
        if say.lemma_.lower() not in TRAILING_SPEECH_VERBS or say.pos_ != "VERB":
            continue
        subjects = [c for c in say.lefts if c.dep_ in deps]
        if len(subjects) >= 2 and subjects[-1].dep_ == "nsubj" and any(
                t.text == "," for t in sent.doc[subjects[0].right_edge.i: subjects[1].left_edge.i]):
            yield say, subjects


def _reported_clause_read_as_subject(sent: Any) -> None:
    """'The United Kingdom relaxed sanctions on Belarus's potash sector, ..., the foreign ministry said': the
    reported clause's verb read as an adjective, its object taken for a first subject (or a loose dependent) of
    the speech verb; the clause is what the speaker said."""
    for say, subjects in _trailing_speech(sent, ("nsubj", "dep")):
        if subjects[0].pos_ != "NOUN":
            continue
        noun = subjects[0]
        if _verb_read_as_adjective(noun, noun.left_edge.i):
            verb = noun.head  # the verb took the noun's place, and the noun is its object
            verb.head, verb.dep_ = say, "ccomp"


def _reported_verb_read_as_participle(sent: Any) -> None:
    """'More than 40 militia vessels massed near the reef, the coast guard said': the reported clause's verb (a
    regular past, which reads as a participle too) taken for a participle on its subject, and the subject for a
    first subject of the speech verb; the clause is what the speaker said."""
    for say, subjects in _trailing_speech(sent, ("nsubj", "npadvmod", "dep")):
        if len(subjects) != 2 or subjects[0].pos_ not in ("NOUN", "PROPN"):
            continue
        noun = subjects[0]
        verb = next((c for c in noun.rights if c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_.endswith("ed")), None)
        # the verb follows the subject's whole phrase ('Dozens of coast guard vessels massed ...')
        if verb is None or max(t.i for t in noun.subtree if t.i < verb.i) != verb.i - 1:
            continue
        if not any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children):
            verb.head, verb.dep_, verb.tag_ = say, "ccomp", "VBD"
            noun.head, noun.dep_ = verb, "nsubj"


def _object_read_as_participle_subject(sent: Any) -> None:
    """'Uganda has taken in 40,000 refugees fleeing the fighting': the verb's object read as the subject of the
    participle that describes it, the participle as a clause of the verb."""
    for verb in sent:
        if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
            continue
        last = max([verb, *[c for c in verb.children if c.dep_ == "prt"]], key=lambda t: t.i)
        for part in [c for c in verb.rights if c.dep_ == "advcl" and c.tag_ == "VBG"]:
            noun = next((c for c in part.lefts if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
            if noun is not None and noun.left_edge.i == last.i + 1 and part.i == noun.right_edge.i + 1:
                noun.head, noun.dep_ = verb, "dobj"
                part.head, part.dep_ = noun, "acl"


def _crowd_participle_read_as_adverbial(sent: Any) -> None:
    """'Police arrested dozens of protesters demanding the governor's resignation': the protesters' participle
    read as a clause of the arrest, so the demand was the police's. Straight after such people, with no comma,
    a participle of protest or demand is theirs ('dispersed protesters using tear gas' is left as it is)."""
    for part in sent:
        if part.dep_ != "advcl" or part.tag_ != "VBG" or part.lemma_.lower() not in CROWD_PARTICIPLES:
            continue
        verb, noun = part.head, part.doc[part.i - 1] if part.i > sent.start else None
        if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in CROWD_NOUNS or verb.i > noun.i:
            continue
        # the people are the verb's object, or the 'of' phrase of it ('dozens of protesters')
        up = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
        if up.dep_ in ("dobj", "pobj") and verb in (up.head, up.head.head):
            part.head, part.dep_ = noun, "acl"


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
    verb = next((t for t in candidates if t.tag_ == "VBD"), None)
    if verb is None:
        # (a finite verb inside the participle's own clauses is its own: 'The party, HDZ 1990, threatened to
        # walk out unless the rule was changed'; not where the participle sits deeper in the subject's phrase: 'The
        # widow of a man killed while defusing bombs has paid tribute')
        verb = next((t for t in candidates if t.tag_ == "VBN" and not any(
            f.tag_ in FINITE_TAGS and not _in_relative_clause(f, root) and not (t.head.i == root.i and t.is_ancestor(f))
            for f in sent)), None)
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
    _participle_gives_way(first, main, noun, noun)


def _reduced_relative_before_passive(sent: Any) -> None:
    """'Six soldiers held captive by the guerrillas were released': the participle on the subject read as the main
    verb (a past tense), the true main verb (a passive with its own finite auxiliary, no subject and no 'and' before
    it) as its conjunct."""
    for first in [t for t in sent if t.tag_ == "VBD" and t.dep_ in ("ROOT", "ccomp")]:
        subject = next((c for c in first.lefts if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
                        and c.right_edge.i + 1 == first.i), None)
        main = next((c for c in first.rights if c.dep_ == "conj" and c.tag_ == "VBN" and not any(
            g.dep_ in ("nsubj", "nsubjpass") or (g.dep_ == "cc" and g.i < c.i) for g in c.children)), None)
        if subject is None or main is None or any(c.dep_ == "cc" and c.i < main.i for c in first.children):
            continue
        if any(c.dep_ == "auxpass" and c.tag_ in FINITE_TAGS for c in main.children):
            _participle_gives_way(first, main, subject, subject)


def _participle_read_as_modifier_of_second_object(sent: Any) -> None:
    """'ordered his fighters to observe a truce, halting attacks on Turkish forces': the participle after the comma
    read as a modifier of its object, and that object as a second object of the main verb."""
    for verb in sent:
        objects = [c for c in verb.rights if c.dep_ == "dobj"]
        if verb.pos_ != "VERB" or len(objects) < 2:
            continue
        second = objects[-1]
        first_word = sent.doc[second.left_edge.i]
        if first_word.i == second.i or not first_word.lower_.endswith("ing") or first_word.head.i != second.i or (
                first_word.dep_ not in ("compound", "amod")) or sent.doc[first_word.i - 1].text != ",":
            continue
        first_word.head, first_word.dep_, first_word.tag_, first_word.pos_ = verb, "advcl", "VBG", "VERB"
        second.head, second.dep_ = first_word, "dobj"


COUNTRIES_FILE = DATA_DIR / "countries.tsv"


@cache
def _joined_country_names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The words of the country names with 'and' in them ('Bosnia and Herzegovina', 'Trinidad and Tobago'), from the
    actor data's country table, by first word (the repair runs on every document: only a name's first word starts a
    comparison)."""
    _kind, _source, rows = read_table(COUNTRIES_FILE)
    names = {n.strip() for _line, row in rows for n in [row.get("name", ""), *row.get("names", "").split("|")]}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(tuple(n.lower().split()) for n in names if " and " in n and "," not in n):
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(found) for first, found in by_first.items()}


def _country_names_read_as_pairs(doc: Any) -> None:
    """'Bosnia and Herzegovina recalled its ambassador', "Trinidad and Tobago's prime minister met ...": a country's
    name with 'and' in it read as two parties joined by 'and'. The name is merged into one token; where the parser
    made what follows the name a conjunct of its first word ("Bosnia and [Herzegovina's foreign minister]"), that
    takes the first word's place."""
    names = _joined_country_names()
    words = [t.lower_ for t in doc]
    spans = []
    for lo, word in enumerate(words):
        for name in names.get(word, ()):
            hi = lo + len(name)
            if tuple(words[lo:hi]) != name or any(s.start < hi and lo < s.end for s in spans):
                continue
            first, last = doc[lo], doc[hi - 1]
            owner = last.head
            if not lo <= owner.i < hi and owner.head.i == first.i and owner.dep_ == "conj":
                owner.head, owner.dep_ = (first.head, first.dep_) if first.dep_ != "ROOT" else (owner, "ROOT")
                first.head = last
            spans.append(doc[lo:hi])
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span, attrs={"POS": "PROPN", "TAG": "NNP", "ENT_TYPE": "GPE", "ENT_IOB": 3})


def _pair_read_as_two_subjects(sent: Any) -> None:
    """'President X and Prime Minister Y wrapped up their talks': the two parties joined by 'and' read as two subjects
    of the verb, not one subject and its conjunct."""
    for verb in sent:
        subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
        if len(subjects) != 2:
            continue
        first, second = subjects
        cc = next((c for c in first.rights if c.dep_ == "cc" and c.lower_ == "and"), None)
        if cc is not None and second.left_edge.i == cc.i + 1 and cc.i == first.right_edge.i and not first.conjuncts:
            second.head, second.dep_ = first, "conj"


def _participle_gives_way(first: Any, main: Any, subject: Any, noun: Any) -> None:
    """`first`, read as the main verb, is a participle on `noun`; `main` takes its place in the parse, with `subject`
    as its subject and the phrases after it (and the punctuation) as its own."""
    movers = [c for c in first.children if c.i > main.i or c.dep_ == "punct"]
    if first.dep_ == "ROOT":
        main.head, main.dep_ = main, "ROOT"
    else:
        main.head, main.dep_ = first.head, first.dep_
    subject.head = main
    subject.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in main.children) else "nsubj"
    first.head, first.dep_, first.tag_ = noun, "acl", "VBN"
    for c in movers:
        c.head = main


def _reduced_relative_on_subject_phrase(sent: Any) -> None:
    """'Relatives of three Americans held hostage in Lebanon have filed a lawsuit': the participle on a noun inside the
    subject's phrase read as the main verb (a past tense), the true main verb (a perfect, with no subject of its own)
    as its conjunct."""
    first = sent.root
    if first.tag_ != "VBD" or first.i == sent.start:
        return
    subject = next((c for c in first.lefts if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    noun = first.doc[first.i - 1]
    main = next((c for c in first.rights if c.dep_ == "conj" and c.tag_ == "VBN" and not any(
        g.dep_ in ("nsubj", "nsubjpass", "cc") for g in c.children)), None)
    if subject is None or main is None or noun.dep_ != "pobj" or noun.i == subject.i or not (
            subject.left_edge.i <= noun.i <= subject.right_edge.i):
        return
    if not any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in main.children) or any(
            c.dep_ == "cc" and c.i < main.i for c in first.children):
        return  # 'arrested protesters and have charged them': two verbs of one subject
    _participle_gives_way(first, main, subject, noun)


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
    on the number that follows as 'over 50,000'; it is the verb's particle. So is 'over' after the verbs it makes
    a phrase with ('Hamas hands over four hostages'), where after others it means 'more than' ('killed over 50')."""
    for tok in sent:
        if tok.dep_ != "quantmod" or tok.i == sent.start:
            continue
        verb = tok.doc[tok.i - 1]
        if tok.tag_ != "RP" and not (tok.lower_ == "over" and verb.lemma_.lower() in OVER_PHRASAL_VERBS):
            continue
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


def _adjective_read_as_gerund(sent: Any) -> None:
    """'Iran vowed crushing retaliation against Israel': an adjective in '-ing' after a verb read as a gerund with
    the noun after it as its object; the noun is the verb's object, the adjective its modifier. So after a
    preposition: 'a lawsuit against visiting Crown Prince X'."""
    for tok in sent:
        if tok.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children):
            continue  # 'forces were continuing counter-attacks': a verb in the progressive
        if tok.lower_ in PERSON_PARTICIPLES and tok.dep_ == "pcomp":
            noun = next((c for c in tok.rights if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
            if noun is not None and noun.left_edge.i == tok.i + 1 and noun.ent_type_ not in ("GPE", "LOC", "FAC") and (
                    noun.ent_type_ == "PERSON" or noun.i > noun.left_edge.i):  # not 'from visiting Somalia'
                noun.head, noun.dep_ = tok.head, "pobj"  # 'against visiting Crown Prince X'
                tok.head, tok.dep_, tok.pos_, tok.tag_ = noun, "amod", "ADJ", "JJ"
            continue
        if tok.lower_ not in ADJECTIVAL_GERUNDS or tok.dep_ not in ("xcomp", "dobj"):
            continue
        noun = next((c for c in tok.rights if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if noun is None or noun.left_edge.i != tok.i + 1 or any(c.dep_ in ("det", "poss") for c in noun.children):
            continue  # 'supported continuing a tax credit': a gerund's object has its article
        for c in [c for c in tok.children if c.i > noun.i]:
            c.head = noun
        noun.head, noun.dep_ = tok.head, "dobj"
        tok.head, tok.dep_, tok.pos_, tok.tag_ = noun, "amod", "ADJ", "JJ"


def _preposition_read_as_particle(sent: Any) -> None:
    """'The council has called on all parties in Libya to refrain from ...': the preposition of 'call on' tagged
    as the verb's particle and the party called on as its object; the party is the preposition's object."""
    for tok in sent:
        if tok.dep_ != "prt" or tok.head.lemma_.lower() != "call" or tok.lower_ not in CALL_ON_PREPOSITIONS:
            continue
        obj = next((c for c in tok.head.rights if c.dep_ == "dobj" and c.left_edge.i == tok.i + 1), None)
        if obj is not None:
            tok.dep_, tok.pos_, tok.tag_ = "prep", "ADP", "IN"
            obj.head, obj.dep_ = tok, "pobj"


def _next_to(a: Any, b: Any) -> bool:
    """`b` follows `a` with nothing but punctuation (quotation marks) between."""
    return a.i < b.i and all(t.is_punct for t in a.doc[a.i + 1 : b.i])


QUOTES = frozenset({"'", '"', "‘", "’", "“", "”", "``", "''"})


def _quoted_judgement(as_: Any, noun: Any) -> Any | None:
    """The last word of a quoted phrase that runs from just after 'as' to just before `noun` ("as 'malicious
    slander' allegations"), or None."""
    doc = as_.doc
    if noun.i - as_.i < 4 or doc[as_.i + 1].text not in QUOTES or doc[noun.i - 1].text not in QUOTES:
        return None
    inside = doc[as_.i + 2: noun.i - 1]
    if any(t.text in QUOTES or t.pos_ in ("VERB", "AUX") for t in inside):
        return None
    return inside[-1]


def _own_phrase_start(noun: Any, first: Any) -> int | None:
    """Where the object's own phrase begins after a judgement that opens with `first`: at its article, or at its
    owner's name ('the claims', "Hanoi's allegations"); None when nothing but modifiers lie between."""
    det = [d.i for d in noun.lefts if d.dep_ == "det" and d.i > first.i]
    owners = [t.i for p in noun.lefts if p.dep_ == "poss" for t in p.subtree if t.i > first.i and t.pos_ == "PROPN"]
    return min(det + owners, default=None)


def _judgement_before_object(sent: Any) -> None:
    """'The Kremlin dismissed as groundless accusations by Georgia that ...', 'dismissed as baseless the British
    claims': the judgement put before a long object, read as 'as [groundless accusations]' or with the object hung
    on the adjective; the noun is the verb's object."""
    for verb in sent:
        if verb.lemma_.lower() not in JUDGING_VERBS or verb.pos_ != "VERB" or any(
                c.dep_ == "dobj" for c in verb.children):
            continue
        for c in verb.rights:
            if c.dep_ == "prep" and c.lower_ == "as":
                noun = next((p for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
                adj = None if noun is None else next(
                    (a for a in noun.lefts if a.dep_ == "amod" and a.pos_ == "ADJ" and _next_to(c, a)), None)
                if adj is not None and _next_to(adj, noun):  # 'as "absurd" allegations': quotes between
                    noun.head, noun.dep_ = verb, "dobj"
                    adj.head, adj.dep_ = c, "pobj"
                    break
                # (after any quotation mark: "as 'baseless' the findings of ...")
                first = None if noun is None else next((t for t in c.doc[c.i + 1: noun.i] if not t.is_punct), None)
                start = None if first is None or first.pos_ not in ("ADJ", "NOUN") or first.i < noun.left_edge.i else (
                    _own_phrase_start(noun, first))
                if start is not None:
                    # 'as absurd the claims of London', "as sheer slander Hanoi's allegations": the object's own
                    # phrase opens with its article or its owner's name; what comes before it is the judgement
                    judgement = c.doc[start - 1]
                    for t in c.doc[c.i + 1: start - 1]:
                        t.head = judgement
                    judgement.head, judgement.dep_ = c, "pobj"
                    noun.head, noun.dep_ = verb, "dobj"
                    break
                quoted = _quoted_judgement(c, noun) if noun is not None else None
                if quoted is not None:  # "dismissed as 'malicious slander' allegations by ...": a quoted judgement
                    for t in c.doc[c.i + 1: noun.i]:
                        if t.i != quoted.i:
                            t.head = quoted
                    quoted.head, quoted.dep_ = c, "pobj"
                    noun.head, noun.dep_ = verb, "dobj"
                    break
            elif c.dep_ == "advcl" and any(a.lower_ == "as" for a in c.lefts) and (c.pos_ == "ADJ" or (
                    c.tag_ == "VBN" and c.doc[c.i - 1].lower_ == "as")):
                # ('as biased an assessment by ...': a participle used as the judgement, read as a clause of its own)
                noun = next((o for o in c.rights if o.dep_ == "dobj"), None)
                if noun is not None:
                    noun.head = verb
                    break
    for verb in sent:
        # '... accusations by Georgia that Russian aircraft had bombed ...': the that-clause after the object is
        # what the accusations say, not a second complement of 'dismissed'
        if verb.lemma_.lower() not in JUDGING_VERBS:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        for clause in [c for c in verb.rights if c.dep_ == "ccomp"]:
            if clause.i > obj.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                clause.head, clause.dep_ = obj, "acl"


def _modifier_read_as_verb_of_second_object(sent: Any) -> None:
    """'Damascus granted the monitors unhindered access to the sites': the adjective before the second object
    of a double-object verb read as a verb whose object that is; the noun is the verb's object."""
    for verb in sent:
        if verb.lemma_.lower() not in DOUBLE_OBJECT_VERBS or verb.pos_ != "VERB" or any(
                c.dep_ == "dobj" for c in verb.children):
            continue
        dative = next((c for c in verb.children if c.dep_ == "dative"), None)
        # the word right after the receiver, hung on the verb as a clause of its own
        clause = None if dative is None else next((c for c in verb.rights if c.i == dative.i + 1 and c.dep_ in (
            "advcl", "xcomp", "ccomp", "conj") and c.tag_ in ("VBD", "VBN")), None)
        noun = None if clause is None else next(
            (o for o in clause.rights if o.dep_ == "dobj" and o.i == clause.i + 1), None)
        if noun is None or any(c.dep_ in ("nsubj", "aux", "mark") for c in clause.children):
            continue
        noun.head, noun.dep_ = verb, "dobj"
        clause.head, clause.dep_, clause.pos_, clause.tag_ = noun, "amod", "ADJ", "JJ"


def _double_object_read_as_clause(sent: Any) -> None:
    """'The government allowed UN agencies access to the areas': the two objects read as a clause, 'agencies' the
    subject of a verb 'access'; 'agencies' is the verb's indirect object, 'access' its object."""
    for verb in sent:
        if verb.lemma_.lower() not in DOUBLE_OBJECT_VERBS or verb.pos_ != "VERB" or any(
                c.dep_ in ("dobj", "dative") for c in verb.children):
            continue
        clause = next((c for c in verb.rights if c.dep_ == "ccomp" and c.pos_ == "NOUN" and c.lemma_.lower() in (
            GRANTED_NOUNS)), None)
        subject = None if clause is None else next((c for c in clause.lefts if c.dep_ == "nsubj"), None)
        if subject is not None and not any(c.dep_ in ("aux", "mark") for c in clause.children):
            subject.head, subject.dep_ = verb, "dative"
            clause.dep_ = "dobj"
    for verb in sent:
        # 'granted the police permission to detain him', 'granted the Red Cross access': the receiver read as a
        # modifier of what it is granted
        if verb.lemma_.lower() not in DOUBLE_OBJECT_VERBS:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in GRANTED_NOUNS or any(c.dep_ == "dative" for c in verb.children):
            continue
        mods = [c for c in obj.lefts if c.dep_ == "compound"]
        if len(mods) == 1 and (mods[0].pos_ == "PROPN" or mods[0].ent_type_ or mods[0].lower_ in COLLECTIVE_DOERS):
            receiver = mods[0]
            receiver.head, receiver.dep_ = verb, "dative"
            for c in [c for c in obj.lefts if c.i < receiver.i]:
                c.head = receiver  # 'the Portuguese government': its article and modifiers go with it


def _granted_read_as_phrase_object(sent: Any) -> None:
    """'granted inspectors from the OPCW access to the site': what is granted read as the head of the receiver's
    phrase ('from [the OPCW access]'); the name is the phrase's object and the granted noun the verb's."""
    for verb in sent:
        if verb.lemma_.lower() not in DOUBLE_OBJECT_VERBS or any(c.dep_ == "dative" for c in verb.children):
            continue
        receiver = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        if receiver is None or receiver.lemma_.lower() in GRANTED_NOUNS:
            continue
        for prep in [c for c in receiver.rights if c.dep_ == "prep" and c.lower_ in ("from", "of")]:
            granted = next((p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in GRANTED_NOUNS
                            and p.tag_ == "NN"), None)
            name = None if granted is None else next(
                (c for c in granted.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == granted.i - 1),
                None)
            if name is not None:
                name.head, name.dep_ = prep, "pobj"
                for c in [c for c in granted.lefts if c.i < name.i]:
                    c.head = name  # 'the OPCW': its article and modifiers go with it
                granted.head, granted.dep_ = verb, "dobj"
                receiver.dep_ = "dative"
                break


def _possessor_read_as_object(sent: Any) -> None:
    """'recognised Kenya's "legitimate right ..."' (a quotation mark after the possessive): the possessor read as a
    first object of the verb; it is the possessor of the object after it."""
    for case in sent:
        if case.tag_ != "POS" or case.head.dep_ != "dobj":
            continue
        objs = [c for c in case.head.head.rights if c.dep_ == "dobj"]
        if len(objs) == 2 and objs[0].i == case.head.i:
            objs[0].head, objs[0].dep_ = objs[1], "poss"
            if objs[1].pos_ == "VERB":  # "rejected Erdoğan's calls for a ceasefire": 'calls' tagged as a verb
                objs[1].pos_, objs[1].tag_ = "NOUN", "NNS" if objs[1].lower_.endswith("s") else "NN"


def _title_participle_read_as_object(sent: Any) -> None:
    """'accused the ruling All Progressives Congress of ...': the '-ing' word that describes a party read as a first
    object of the verb, the party's name as a second; it is the name's modifier."""
    for tok in sent:
        if tok.dep_ != "dobj" or tok.tag_ != "NN" or tok.lower_ not in PERSON_PARTICIPLES:
            continue
        name = next((c for c in tok.head.rights if c.dep_ == "dobj" and c.i > tok.i and c.pos_ == "PROPN"), None)
        if name is not None and name.left_edge.i == tok.i + 1:
            for c in [c for c in tok.lefts]:
                c.head = name  # 'the': the name's article
            tok.head, tok.dep_, tok.pos_, tok.tag_ = name, "amod", "ADJ", "JJ"


def _name_read_as_infinitive(sent: Any) -> None:
    """'pledged $30 million to UNRWA': 'to' before a name read as the mark of an infinitive and the name as its
    verb; it is a preposition and its object."""
    for to in sent:
        name = to.head
        if to.tag_ != "TO" or to.dep_ != "aux" or name.tag_ not in ("NNP", "NNPS") or name.dep_ not in (
                "xcomp", "advcl") or name.head.pos_ != "VERB":
            continue
        verb = name.head
        to.head, to.dep_, to.tag_, to.pos_ = verb, "prep", "IN", "ADP"
        name.head, name.dep_, name.pos_ = to, "pobj", "PROPN"
        for c in [c for c in name.rights if c.dep_ == "prep"]:
            c.head = verb  # 'at a donors' conference': where the verb's act was done


def _headline_verb_under_participle(sent: Any) -> None:
    """'Japan's prime minister apologises to South Korea ... in a statement read out in Tokyo': the present-tense verb
    tagged as a plural noun with a subject of its own, and the participle of a later noun phrase taken for the main
    verb; the verb is the root and the participle describes the noun before it."""
    root = sent.root
    if root.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return
    verb = next((c for c in root.lefts if c.dep_ == "nsubj" and c.tag_ == "NNS" and c.lower_.endswith("s")), None)
    noun = root.doc[root.i - 1] if root.i > sent.start else None
    if verb is None or noun is None or noun.pos_ != "NOUN" or not any(c.dep_ == "nsubj" for c in verb.lefts):
        return
    verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBZ"
    root.head, root.dep_ = noun, "acl"


def _reported_verb_read_as_clause_of_subject(sent: Any) -> None:
    """'Qatar Charity, the Gulf state's humanitarian arm, handed over 5,000 food baskets to ..., the organisation
    said': the reported clause's finite verb read as a clause on its own subject, which is given to 'said' as a
    second subject; the verb is what is said and the subject its own."""
    for tok in sent:
        subj = tok.head
        if tok.dep_ != "acl" or tok.tag_ != "VBD" or subj.dep_ != "nsubj" or subj.i > tok.i:
            continue
        verb = subj.head
        if verb.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i > tok.i for c in verb.children):
            tok.head, tok.dep_ = verb, "ccomp"
            subj.head = tok


def _state_read_as_modifier_of_object(sent: Any) -> None:
    """'Police took into custody dozens of party workers': the state after 'into' read as a modifier of the object
    that follows it, the object as the preposition's; the state is the preposition's object, the rest the verb's."""
    for prep in sent:
        if prep.dep_ != "prep" or prep.lower_ != "into" or prep.head.pos_ != "VERB" or any(
                c.dep_ == "dobj" for c in prep.head.children):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        state = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else None
        if obj is None or state is None or state.lower_ not in INTO_STATES or state.head.i != obj.i or obj.i == state.i:
            continue
        state.head, state.dep_ = prep, "pobj"
        obj.head, obj.dep_ = prep.head, "dobj"


def _manner_read_as_object(sent: Any) -> None:
    """'held the lawyer incommunicado': a word of manner after the object read as the object's head, the object as
    its modifier; the modifier is the object and the word the verb's."""
    for tok in sent:
        if tok.dep_ != "dobj" or tok.lower_ not in MANNER_WORDS:
            continue
        obj = next((c for c in tok.lefts if c.dep_ in ("compound", "nmod") and c.i == tok.i - 1), None)
        if obj is None:
            continue
        for c in [c for c in tok.lefts if c.i < obj.i]:
            c.head = obj
        obj.head, obj.dep_ = tok.head, "dobj"
        tok.dep_, tok.pos_, tok.tag_ = "advmod", "ADV", "RB"


def _clause_verb_read_as_noun(sent: Any) -> None:
    """'demands that the UN mission leave by the end of the month': the clause's verb tagged as a noun, with its
    subject and its 'that'; it is a verb."""
    for tok in sent:
        if tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.dep_ in ("acl", "ccomp") and any(
                c.dep_ == "nsubj" for c in tok.lefts) and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in tok.lefts):
            tok.pos_, tok.tag_ = "VERB", "VB"
            if tok.head.pos_ == "VERB":
                tok.dep_ = "ccomp"


def _complementizer_read_as_object(sent: Any) -> None:
    """'accusations by UN experts that its troops were fighting': the 'that' opening a clause, tagged a
    preposition, read as the clause verb's object; it marks the clause."""
    for tok in sent:
        if tok.lower_ == "that" and tok.tag_ == "IN" and tok.dep_ in ("dobj", "nsubj") and tok.head.dep_ in (
                "acl", "ccomp") and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i for c in tok.head.children):
            tok.dep_ = "mark"  # not in a relative clause ('militias that it says threaten ...': 'that' is theirs)
        elif tok.lower_ == "that" and tok.tag_ == "IN" and tok.dep_ == "dobj" and tok.head.dep_ == "relcl" and (
                tok.head.head.pos_ == "NOUN" and any(c.dep_ == "nsubj" and c.i > tok.i for c in tok.head.children)):
            # 'denied a report by U.N. experts that its troops were fighting alongside M23': a clause saying what the
            # report says, read as a relative clause with 'that' (tagged a preposition) as its object
            tok.dep_, tok.head.dep_ = "mark", "acl"


def _to_infinitive(tok: Any) -> bool:
    """A bare verb with its 'to' straight before it, as the parser hangs it."""
    return tok.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" and a.i == tok.i - 1 for a in tok.lefts)


def _infinitive_on_object_participle(sent: Any) -> None:
    """'Jets forced an airliner flying from Izmir to Athens to land in Crete', 'urged the militias fighting in the south
    to lay down their arms': the infinitive the verb asks of its object read as a clause of the participle that
    modifies the object; it is the verb's own complement. An infinitive the participle takes as its complement
    ('the team working to restore power') is the participle's and stays. So is one read as the verb's purpose after
    a named party ('The apex court directed the Election Commission of Pakistan to announce a schedule'): it is what
    the party is told to do."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in OBJECT_CONTROL_VERBS or any(
                c.dep_ == "xcomp" for c in verb.children):
            continue
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        participle = next((c for c in obj.rights if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")), None)
        infinitive = None if participle is None else next(
            (c for c in participle.rights if c.dep_ == "advcl" and _to_infinitive(c)), None)
        if infinitive is None and (obj.pos_ == "PROPN" or obj.ent_type_ in NAMED_PARTIES or obj.lower_ in (
                COLLECTIVE_DOERS)):
            # ('ordered the government on Thursday to ensure ...': a time between the object and the infinitive)
            when = {t.i for c in verb.rights if c.dep_ == "prep" and any(
                p.ent_type_ in ("DATE", "TIME") for p in c.children) for t in c.subtree}
            infinitive = next((c for c in verb.rights if c.dep_ == "advcl" and c.i > obj.i and _to_infinitive(c)
                               and all(i in when for i in range(obj.right_edge.i + 1, c.i - 1))), None)
        if infinitive is not None:
            infinitive.head, infinitive.dep_ = verb, "xcomp"


def _doubled_noun(sent: Any) -> None:
    """'will stand shoulder to shoulder with Ukraine', 'stands side by side with its allies', 'worked hand in hand
    with': a doubled noun is a manner of the verb (the first half read as its object) and the phrase after it the
    verb's own."""
    for link in sent:
        # ('stands shoulder to shoulder with Taiwan': the second half read as an infinitive, 'to' its mark)
        second = link.head
        if link.dep_ == "aux" and link.lower_ == "to" and link.i > sent.start and second.i == link.i + 1 and (
                second.dep_ in ("advcl", "xcomp") and sent.doc[link.i - 1].pos_ == "NOUN"
                and sent.doc[link.i - 1].lower_ == second.lower_):
            link.head, link.dep_, link.pos_, link.tag_ = second.head, "prep", "ADP", "IN"
            second.head, second.dep_, second.pos_, second.tag_ = link, "pobj", "NOUN", "NN"
    for prep in sent:
        if prep.dep_ != "prep" or prep.i == sent.start or prep.head.pos_ not in ("VERB", "NOUN"):
            continue
        first, second = prep.doc[prep.i - 1], next((c for c in prep.children if c.dep_ == "pobj"), None)
        if second is None or second.i != prep.i + 1 or first.pos_ != "NOUN" or first.lower_ != second.lower_:
            continue
        verb = prep.head if prep.head.pos_ == "VERB" else prep.head.head
        if verb.pos_ != "VERB" or first.head.i not in (verb.i, prep.head.i):
            continue
        first.head, first.dep_ = verb, "npadvmod"
        for c in [c for c in second.rights if c.dep_ == "prep"]:
            c.head = verb


def _headline_verb_read_as_noun(sent: Any) -> None:
    """Headlines and briefs, which have no verb left once their present-tense verb is tagged as a noun: 'Tens of
    thousands rally in Tbilisi' (the noun given a subject), 'Xi hosts Brazil's Lula' (the noun given an object and
    the name before it as a modifier), 'Tunisian security forces raid offices of ...' (the verb a modifier of its
    object, after the subject)."""
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ != "compound" for t in sent):
        return  # (a verb the parser hung on a noun as its modifier is no verb of the line's)
    root = sent.root
    if root.pos_ != "NOUN" or root.i == sent.start:
        return
    verb = root
    subject = next((c for c in root.lefts if c.dep_ == "nsubj" or (
        c.dep_ == "nummod" and c.tag_ == "NNS" and c.i == sent.start)), None)  # 'Thousands rally in Belgrade'
    if subject is not None:
        subject.dep_ = "nsubj"
    modifier = next((c for c in root.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and any(
        g.dep_ == "nsubj" for g in c.lefts)), None)
    before = root.doc[root.i - 1]
    doer = root.doc[root.i - 2] if root.i - 2 >= sent.start else None
    # The object a headline's act is done to is named as such ('offices of', 'headquarters of', 'protesters'), not a
    # bare singular noun that a caption's noun phrase ends in ('Police raid aftermath in Nairobi').
    object_like = root.tag_ == "NNS" or any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
    if subject is not None:
        pass  # 'Thousands rally in Belgrade': the noun with a subject is the verb
    elif modifier is not None:
        if not object_like:
            return
        # 'forces raid offices': the subject hung on the verb, the verb on its object
        verb, subject = modifier, next(g for g in modifier.lefts if g.dep_ == "nsubj")
        _rehang(verb, subject, root, [])
    elif (named := _verb_after_name(root, sent)) is not None:
        # 'Norway halts budget aid to Malawi', 'Kabul bars aid workers from the north': a name, then the verb read
        # as a modifier of its object: the name is the subject
        verb, subject = named
        for c in [c for c in root.lefts if c.i < subject.i]:
            c.head = subject
        for c in [c for c in root.lefts if verb.i < c.i]:
            c.head = root
        _rehang(verb, subject, root, [c for c in root.rights if c.dep_ == "prep" and c.lower_ in ("from", "on")])
    elif doer is not None and before.dep_ == "compound" and before.tag_ == "NN" and (
            before.head.i == root.i and doer.dep_ == "compound" and doer.head.i in (before.i, root.i)
            and (doer.tag_ in ("NNS", "NNPS") or doer.lower_ in COLLECTIVE_DOERS) and object_like):
        # 'Egyptian security forces raid headquarters of ...', 'Turkish police raid offices of ...': a plural or
        # collective noun, then a bare singular one, then the head: subject, verb (agreeing), object
        for c in [c for c in root.lefts if c.i < doer.i]:
            c.head = doer
        verb, subject = before, doer
        _rehang(verb, subject, root, [])
    else:
        # 'Xi hosts Brazil's Lula', 'Nicaragua severs diplomatic relations with Israel' (the name a modifier of the
        # noun), "Egypt's army hosts Sudanese troops" (the object an apposition), 'Dutch government apologises to
        # Indonesia' (a collective doer, and a phrase for an object)
        subject = next((c for c in root.lefts if c.dep_ in ("compound", "nmod") and c.i == root.i - 1 and (
            c.pos_ == "PROPN" or c.ent_type_ in NAMED_PARTIES or c.lower_ in COLLECTIVE_DOERS)), None)
        obj = next((c for c in root.rights if c.dep_ in ("dobj", "appos")), None)
        to = next((c for c in root.rights if c.dep_ == "prep" and c.lower_ in ("to", "with", "against")), None)
        if subject is None or root.tag_ != "NNS" or not root.lower_.endswith("s") or (obj is None and (
                to is None or subject.lower_ not in COLLECTIVE_DOERS)):
            return
        subject.dep_ = "nsubj"
        for c in [c for c in root.lefts if c.i < subject.i]:
            c.head = subject  # "Egypt's army": the owner goes with the subject
        if obj is not None:
            obj.dep_ = "dobj"
        for prep in [] if obj is None else [c for c in obj.rights if c.dep_ == "prep" and c.lower_ != "of"]:
            prep.head = root  # 'hosts Lula in Beijing': where and why the act was done
    verb.pos_, verb.tag_ = "VERB", "VBZ" if verb.lower_.endswith("s") else "VBP"


def _verb_after_name(root: Any, sent: Any) -> tuple[Any, Any] | None:
    """The headline verb (`headline_verbs`) the tagger made a modifier of the noun `root`, right after a name that
    opens the line, and that name's last word; None where there is none."""
    verb = next((c for c in root.lefts if c.dep_ == "compound" and c.i != sent.start and c.tag_ in (
        "NN", "NNS", "VBZ", "VBP")), None)
    if verb is None:
        return None
    name, low = verb.doc[verb.i - 1], verb.lower_
    # 'halts' -> halt, 'launches' -> launch, 'bar' as it stands (a plural name: 'Taliban bar')
    stem = low[:-2] if low.endswith("es") and low[:-2] in HEADLINE_VERBS else low[:-1] if low.endswith("s") else low
    if name.pos_ == "PROPN" and stem in HEADLINE_VERBS and all(
            t.pos_ == "PROPN" or t.dep_ in ("det", "compound", "amod") for t in sent.doc[sent.start: name.i]):
        return verb, name
    return None


def headline_line(sent: Any) -> bool:
    """A line set as a headline: it opens with a capital and has no full stop ('... allies to spare Mexico.' is a
    fragment of a sentence split in two, no headline)."""
    words = [t for t in sent if not t.is_space]
    return bool(words) and words[0].text[:1].isupper() and words[-1].text != "."


def _headline_future_read_as_modifier(sent: Any) -> None:
    """'EU to send aid to Gaza', 'UN chief to visit Kyiv next week': a headline's future ('X to do') with no finite
    verb, its infinitive read as a clause on the noun before it; the infinitive is the main verb and the noun its
    subject."""
    root = sent.root
    if not headline_line(sent):
        return
    if root.pos_ in ("NOUN", "PROPN") and not any(t.tag_ in FINITE_TAGS for t in sent):
        noun, said = root, None
    else:
        # 'Serbia, Kosovo to resume talks in Brussels, says EU envoy': the headline before its source's verb
        noun = next((c for c in root.lefts if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
        said = root
        # (the source's verb comes before its own subject: '..., says EU envoy'; not 'A plan to equip X, ..., seems')
        if noun is None or root.pos_ != "VERB" or not any(t.lower_ == "," and t.i == root.i - 1 for t in sent) or (
                not any(c.dep_ == "nsubj" and c.i > root.i for c in root.children)):
            return
    # (the noun's apposition may come between: 'Serbia, Kosovo to resume talks'; a noun with an object is a misread
    # verb: 'Court orders the commission to hold polls')
    verb = next((c for c in noun.rights if c.dep_ in ("acl", "relcl", "advcl") and _to_infinitive(c)
                 and c.i - 2 == max([noun.i] + [a.right_edge.i for a in noun.rights if a.dep_ == "appos"])), None)
    if verb is None or any(c.dep_ == "dobj" for c in noun.children):
        return
    head, dep = noun.head, noun.dep_
    verb.head, verb.dep_ = verb, "ROOT"
    noun.head, noun.dep_ = verb, "nsubj"
    if said is not None:
        verb.head, verb.dep_ = said, "ccomp"
    elif dep != "ROOT":
        verb.head, verb.dep_ = head, dep


def _headline_pair_read_as_apposition(sent: Any) -> None:
    """'Russia, Ukraine agree to talks', 'Egypt, Israel hold talks', 'Armenia, Azerbaijan to sign treaty': a
    headline's two parties joined by a comma, read as a name and its apposition or as a loose modifier before the
    subject; they are joined subjects of the plural verb that follows."""
    first = sent[0]
    if first.pos_ != "PROPN" or len(sent) < 4 or sent[1].lower_ != "," or sent[2].pos_ not in ("PROPN", "ADJ"):
        return
    verb = next((t for t in sent if t.i > first.i + 2 and t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ not in ("VBP", "VB") or any(t.lower_ == "," for t in sent[2: verb.i - sent.start]):
        return
    second = next((t for t in sent[2: verb.i - sent.start] if t.dep_ in ("appos", "nsubj") and t.right_edge.i + 1 in (
        verb.i, verb.i - 1)), None)
    if second is None or second.left_edge.i not in (first.i + 1, first.i + 2):
        return
    if second.dep_ == "appos" and second.head.i == first.i and first.dep_ == "nsubj" and first.head.i == verb.i:
        second.dep_ = "conj"
    elif second.dep_ == "nsubj" and second.head.i == verb.i and first.head.i == verb.i and first.dep_ in (
            "npadvmod", "dep", "nmod", "compound", "nsubj"):
        first.dep_, second.head, second.dep_ = "nsubj", first, "conj"


def _asked_for_read_as_purpose(sent: Any) -> None:
    """'The EU called for Russia to withdraw its troops', 'called for the prisoners to be released': what is asked
    for, read as a clause of purpose marked by 'for'; the one to do it is the preposition's object and the act the
    verb's complement, as after 'called on'."""
    for mark in sent:
        clause = mark.head
        if mark.dep_ != "mark" or mark.lower_ != "for" or clause.dep_ != "advcl" or clause.head.i != mark.i - 1 or (
                clause.head.lemma_.lower() not in FOR_CLAUSE_VERBS) or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.lefts):
            continue
        subject = next((c for c in clause.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        mark.head, mark.dep_, mark.pos_ = clause.head, "prep", "ADP"
        subject.head, subject.dep_ = mark, "pobj"
        clause.dep_ = "xcomp"


def _subject_taken_by_description(sent: Any) -> None:
    """'Dutch diplomats, usually inclined to settle quarrels in private, criticised the ruling': a
    description set off by commas after the subject read as a clause of its own that takes the subject, leaving the
    main verb none; the subject is the main verb's and the description its."""
    root = sent.root
    if root.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children):
        return
    for clause in [c for c in root.lefts if c.dep_ in ("ccomp", "advcl", "dep") and c.pos_ in ("ADJ", "VERB")
                   and c.tag_ in ("JJ", "VBN")]:
        subject = next((c for c in clause.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
        doc = sent.doc
        if subject is None or clause.right_edge.i + 1 >= root.i or doc[clause.right_edge.i + 1].text != "," or not (
                doc[subject.right_edge.i + 1].text == "," or any(c.text == "," for c in subject.rights)):
            continue
        subject.head, subject.dep_ = root, "nsubj"
        clause.head, clause.dep_ = subject, "acl"
        return


def _verb_taken_by_participle_phrase(sent: Any) -> None:
    """'The secretary, arguing that the levies were illegal, threatened on Friday to impose duties': a participle's
    phrase set off by commas after the subject read as the main verb, and the main verb, after the second comma, as
    a clause inside the participle's; the main verb takes the subject back and the participle is its adverbial."""
    root = sent.root
    doc = sent.doc
    if root.tag_ == "VBG":
        first, subject = root, next((c for c in root.lefts if c.dep_ == "nsubj"), None)
    else:  # ("Kosovo's prime minister, saying ..., threatened": or the participle hung on the subject, the root)
        first = next((c for c in root.rights if c.dep_ == "acl" and c.tag_ == "VBG"), None)
        subject = root if root.pos_ in ("NOUN", "PROPN") else None
    if first is None or subject is None or doc[first.i - 1].text != "," or any(
            c.dep_ == "aux" for c in first.children):
        return
    main = next((t for t in first.subtree if t.i > first.i and t.tag_ in ("VBD", "VBN") and t.dep_ in (
        "advcl", "conj", "ccomp") and doc[t.i - 1].text == "," and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in t.children)), None)
    if main is None:
        return
    movers = [c for c in (*first.children, *(root.children if root is subject else ())) if c.i > main.i]
    first.dep_ = "advcl"  # (_rehang hangs it on the main verb with the phrases after it)
    _rehang(main, subject, None, [first, *movers])
    main.tag_ = "VBD"


def _name_calling_read_as_one_phrase(sent: Any) -> None:
    """'The president called Sweden's ambassador to Turkey a very bad man': the one called names read as the verb's
    predicate and the name as its apposition; the one called is the object and the name (with its 'a') the
    predicate."""
    for verb in sent:
        if verb.lemma_.lower() != "call" or verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
            continue
        called = next((c for c in verb.children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN")), None)
        name = None if called is None else next((a for a in called.rights if a.dep_ == "appos" and any(
            d.dep_ == "det" and d.lower_ in ("a", "an") for d in a.lefts)), None)
        if name is not None:
            called.dep_ = "dobj"
            name.head, name.dep_ = verb, "oprd"


def _call_to_act_read_as_naming(sent: Any) -> None:
    """'The German chancellor called Macron to congratulate him': the one phoned read as a name given ('a man
    called Macron'), either as the predicate of 'called' or with 'called' a modifier of the subject and the
    infinitive the sentence's verb. A name followed by 'to' and a verb is the one called, not a name."""
    for verb in sent:
        if verb.lemma_.lower() != "call" or verb.tag_ != "VBD" or any(c.dep_ == "dobj" for c in verb.children):
            continue
        called = next((c for c in verb.rights if c.dep_ == "oprd" and c.pos_ == "PROPN"), None)
        if called is None:
            continue
        act = next((c for c in verb.rights if c.dep_ == "xcomp" and c.tag_ == "VB" and c.i > called.i), None)
        if act is None and verb.dep_ == "acl" and verb.head.dep_ == "nsubj":
            root = verb.head.head
            if root.tag_ == "VB" and root.i == called.right_edge.i + 2 and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in root.lefts):
                subject, act = verb.head, root
                verb.head, verb.dep_ = verb, root.dep_
                subject.head = verb
                act.head, act.dep_ = verb, "xcomp"
                for c in [c for c in act.children if c.i < subject.i or (c.dep_ == "punct" and c.i > act.i)]:
                    c.head = verb
        if act is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in act.lefts):
            called.dep_ = "dobj"


def _from_phrase_on_away(sent: Any) -> None:
    """'The rebels walked away from the peace talks': the from-phrase hung on 'away'; it names what the verb
    leaves ('walked away from', 'backed away from', 'moved away from'), so it is the verb's."""
    for adv in sent:
        verb = adv.head
        if adv.dep_ != "advmod" or adv.lower_ != "away" or verb.pos_ != "VERB":
            continue
        for prep in [c for c in adv.rights if c.dep_ == "prep" and c.lower_ == "from"]:
            prep.head = verb


def _particle_read_as_adverb(sent: Any) -> None:
    """'Russia handed 24 children back to Ukraine': the particle after the object read as an adverb that takes the
    to-phrase; it is the verb's particle, and the phrase the verb's."""
    for adv in sent:
        verb = adv.head
        if adv.dep_ != "advmod" or adv.lower_ not in ("back", "over") or verb.pos_ != "VERB" or (
                verb.lemma_.lower() not in OVER_PHRASAL_VERBS) or not any(
                c.dep_ == "dobj" and c.i < adv.i for c in verb.children):
            continue
        adv.dep_, adv.pos_, adv.tag_ = "prt", "ADP", "RP"
        for prep in [c for c in adv.children if c.dep_ == "prep"]:
            prep.head = verb


def _headline_passive_read_as_active(sent: Any) -> None:
    """'Curfew clamped on Srinagar by Indian troops', 'Journalist detained by police in Minsk': a
    headline's passive, with no 'was', read as a past tense with the thing done to as its subject; the verb is a
    participle and its subject a passive one. Only in a headline: in running text 'X and Y spoke by phone' is
    active."""
    if not headline_line(sent):
        return
    for verb in sent:
        if verb.tag_ != "VBD" or not any(c.dep_ == "agent" for c in verb.children) or any(
                c.dep_ in ("aux", "auxpass", "nsubjpass") for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is not None:
            verb.tag_ = "VBN"
            subject.dep_ = "nsubjpass"


# Entities that a 'between X and Y' of amounts or times spans ('between 2 and 3 percent'), not two parties.
_AMOUNT_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"})
_PARTY_POS = frozenset({"NOUN", "PROPN"})
_MODIFIER_DEPS = {"DET": "det", "ADJ": "amod", "PRON": "poss", "PART": "case", "NUM": "nummod"}


def _party_span(doc: Any, lo: int, hi: int) -> Any | None:
    """The head of the plain noun phrase doc[lo:hi+1] (its last word), None where the span is not one:
    a phrase with a preposition, a clause or an amount in it."""
    words = [doc[i] for i in range(lo, hi + 1)]
    last = doc[hi]
    if not words or last.pos_ not in _PARTY_POS or last.ent_type_ in _AMOUNT_ENTS or any(
            w.pos_ in ("ADP", "VERB", "AUX", "CCONJ", "PUNCT") for w in words):
        return None
    return last


def _hang_span(doc: Any, lo: int, hi: int, head: Any) -> None:
    """Every word of doc[lo:hi] whose head lies outside the span becomes a modifier of `head`, the span's last word."""
    for i in range(lo, hi):
        w = doc[i]
        if not lo <= w.head.i <= hi or w.head.i == w.i:
            w.head, w.dep_ = head, _MODIFIER_DEPS.get(w.pos_, "compound")


def _lone_and(doc: Any, obj: Any) -> Any | None:
    """The one 'and' of obj's phrase before obj itself ('the Somali government [and] clan elders'), else None."""
    ands = [t for t in doc[obj.left_edge.i: obj.i] if t.lower_ == "and" and t.dep_ == "cc"]
    return ands[0] if len(ands) == 1 else None


def _split_pair(doc: Any, obj: Any, head: Any, dep: str) -> bool:
    """Re-hang 'the Somali government and clan elders', read as one phrase headed by its last word, as two
    parties joined by 'and', the first hung on `head` as `dep`; False where it is no such pair."""
    cc = _lone_and(doc, obj)
    if cc is None or obj.pos_ not in _PARTY_POS or obj.ent_type_ in _AMOUNT_ENTS:
        return False
    first = _party_span(doc, obj.left_edge.i, cc.i - 1)
    if first is None or _party_span(doc, cc.i + 1, obj.i) is None:
        return False
    lo = obj.left_edge.i
    _hang_span(doc, lo, cc.i - 1, first)
    first.head, first.dep_ = head, dep
    cc.head, cc.dep_ = first, "cc"
    obj.head, obj.dep_ = first, "conj"
    _hang_span(doc, cc.i + 1, obj.i, obj)
    return True


def _pair_of_people_read_as_one_subject(sent: Any) -> None:
    """'Kenyan President William Ruto and Tanzanian President Samia Suluhu Hassan concluded their talks': two titled
    people joined by 'and', read as one name headed by the last; only where both halves end in a person's name
    ('Trinidad and Tobago's prime minister' and 'the Ministry of Trade and Industry' stay one)."""
    doc = sent.doc
    for subj in [t for t in sent if t.dep_ == "nsubj" and t.ent_type_ == "PERSON" and not t.conjuncts]:
        cc = _lone_and(doc, subj)
        if cc is not None and doc[cc.i - 1].ent_type_ == "PERSON":
            _split_pair(doc, subj, subj.head, "nsubj")


def _pair_after_between_split(sent: Any) -> None:
    """'talks between the Somali government and clan elders', 'a meeting between Abbas and an Egyptian delegation':
    'between' names two parties, but the parser gave its object no conjunct, hanging the second party on the noun
    that has the phrase or the first as a modifier of the second. The pair gets its conjunct back."""
    doc = sent.doc
    for prep in sent:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.lower_ != "between" or prep.dep_ != "prep" or obj is None or obj.conjuncts:
            continue
        # the second party on the noun: 'a meeting between X and an Egyptian delegation'
        second = next((c for c in prep.head.children if c.dep_ == "conj" and c.i > obj.i), None)
        cc = next((c for c in obj.rights if c.dep_ == "cc"), None) or (
            doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < sent.end else None)
        if second is not None and cc is not None and cc.lower_ == "and" and cc.head.i in (prep.head.i, obj.i) and (
                second.left_edge.i == cc.i + 1 and second.pos_ in _PARTY_POS and obj.pos_ in _PARTY_POS):
            second.head, cc.head = obj, obj
            continue
        # the first party inside the second's phrase: 'between [the Somali government] and [clan elders]'
        _split_pair(doc, obj, prep, "pobj")


def repair_lost_verbs(doc: Any) -> Any:
    """Give back a sentence its main verb where the parser lost it (see above); the rest of the parse stays."""
    _country_names_read_as_pairs(doc)
    for sent in doc.sents:
        _passive_read_as_adjective(sent)
        root = sent.root
        if root.pos_ in ("NOUN", "PROPN") and _verb_read_as_adjective(root, sent.start):
            continue
        for clause in [t for t in sent if t.dep_ == "ccomp" and t.pos_ in ("NOUN", "PROPN")]:
            _verb_read_as_adjective(clause, clause.left_edge.i)  # 'X said: [Taiwan's air force scrambled jets]'

        _name_read_as_verb(sent)
        _reduced_relative_read_as_main_verb(sent)
        _reduced_relative_on_subject_phrase(sent)
        _reduced_relative_before_passive(sent)
        _pair_read_as_two_subjects(sent)
        _participle_read_as_modifier_of_second_object(sent)
        _pair_of_people_read_as_one_subject(sent)
        _verb_read_as_adjective_of_clause_subject(sent)
        _reported_clause_read_as_subject(sent)
        _reported_verb_read_as_participle(sent)
        _object_read_as_participle_subject(sent)
        _crowd_participle_read_as_adverbial(sent)
        _perfect_read_as_possession(sent)
        _participle_as_main_verb(sent)
        _lone_dative_as_object(sent)
        _acronym_read_as_gerund(sent)
        _particle_read_as_quantity(sent)
        _subject_on_auxiliary(sent)
        _adjective_read_as_gerund(sent)
        _headline_verb_read_as_noun(sent)
        _headline_future_read_as_modifier(sent)
        _headline_pair_read_as_apposition(sent)
        _asked_for_read_as_purpose(sent)
        _subject_taken_by_description(sent)
        _verb_taken_by_participle_phrase(sent)
        _name_calling_read_as_one_phrase(sent)
        _call_to_act_read_as_naming(sent)
        _from_phrase_on_away(sent)
        _particle_read_as_adverb(sent)
        _headline_passive_read_as_active(sent)
        _preposition_read_as_particle(sent)
        _judgement_before_object(sent)
        _double_object_read_as_clause(sent)
        _modifier_read_as_verb_of_second_object(sent)
        _possessor_read_as_object(sent)
        _complementizer_read_as_object(sent)
        _infinitive_on_object_participle(sent)
        _doubled_noun(sent)
        _granted_read_as_phrase_object(sent)
        _title_participle_read_as_object(sent)
        _name_read_as_infinitive(sent)
        _clause_verb_read_as_noun(sent)
        _manner_read_as_object(sent)
        _headline_verb_under_participle(sent)
        _reported_verb_read_as_clause_of_subject(sent)
        _state_read_as_modifier_of_object(sent)
        _pair_after_between_split(sent)
    return doc
