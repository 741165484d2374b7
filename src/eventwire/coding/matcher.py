"""Trigger matching: which pattern, if any, a token of a sentence instantiates.

Lookup is a dict hit on (lemma, part of speech), so a sentence without trigger words costs one pass over its
tokens; constraints (objects, particles, modifiers, governing verbs) are checked only for candidate tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from .instruments import VIOLENT_ROOTS, impact_subject
from .pattern_table import PLACE_MARK, POS, Pattern, PatternSet, irregular_forms, word_sets
from .syntax import (
    PORTIONS,
    QUANTIFIERS,
    RELATIVE,
    adverbial_participle,
    agent,
    american_spelling,
    amount,
    asked_clause,
    child,
    children,
    clause_object,
    direct_object,
    governor,
    infinitive_to,
    led_by,
    lemma_variants,
    noun_agent,
    particles,
    prep_objects,
    preps,
    split_premodifiers,
)
from .trade import traded
from .word_lists import party_noun

CLAUSAL = ("ROOT", "ccomp", "xcomp", "advcl", "relcl", "pcomp", "csubj")
NOMINAL_DEPS = ("dobj", "nsubj", "nsubjpass", "pobj")
MOD_DEPS = ("amod", "compound", "nmod", "npadvmod", "advmod", "nummod", "poss", "intj")  # intj: 'said no to'
PLACE_ENTS = ("GPE", "LOC", "FAC")


@dataclass(slots=True)
class Match:
    token: Token
    pattern: Pattern
    governor: Token | None  # for nouns: the verb they are an argument of
    relation: str  # how the noun attaches to its governor (dobj, prep:in, nsubj ...)
    # Rows as specific as `pattern` that match too, in table order: the coder tries them when the
    # chosen row yields no event ('asked X for Y' under a row that needs an embedded act).
    alternatives: tuple[Pattern, ...] = ()
    # Less specific rows that match too: a transfer row that hands over no goods gives way to them
    # ('received a delegation from the Bank' is a visit hosted, not aid received).
    weaker: tuple[Pattern, ...] = ()
    pieces: tuple[int, int] | None = None  # the tokens of a word split at a hyphen ('sit-in': sit, -, in)

    @property
    def start(self) -> int:
        return self.pieces[0] if self.pieces else self.token.i

    @property
    def end(self) -> int:
        return self.pieces[1] if self.pieces else self.token.i + 1


def _pos_key(tok: Token) -> str | None:
    for key, tags in POS.items():
        if tok.pos_ in tags:
            return key
    # spaCy sometimes tags a verb in a headline as a noun (and vice versa); the lemma table decides.
    return None


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


@cache
def _form_lemmas() -> dict[str, str]:
    """Irregular form -> lemma ('forgave' -> 'forgive'), from patterns/irregular_forms.json."""
    return {form: lemma for lemma, forms in irregular_forms().items() for form in forms}


def _named_singular(tok: Token) -> str | None:
    """A plural proper name's common-noun singular: the small model keeps 'Accords' in 'signed the Abraham
    Accords' (and 'Conventions', 'Protocols') as it is, so the row's 'accord' never meets it."""
    word = tok.lower_
    if tok.pos_ != "PROPN" or len(word) < 5 or not word.endswith("s") or word.endswith("ss"):
        return None
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def form_lemma(tok: Token) -> str:
    """The token's lemma, where its surface form is a listed irregular form the lemma of that form: the small
    model leaves 'forgave' as it is, reads 'raped' as 'rap' and 'spared' as 'spar'."""
    return _form_lemmas().get(tok.lower_) or _lemma(tok)


def _trigger_lemmas(tok: Token, lemmas: frozenset[str] | set[str]) -> list[str]:
    """The token's lemma, then, where that is no trigger, what its surface form may be a form of: the small
    model leaves 'forgave' as it is and makes 'extolled' 'extoll' and 'spared' 'spar'."""
    lemma = _lemma(tok)
    if lemma not in lemmas:
        # 'demobilised', 'mobilisation': the table spells -ize; British copy spells -ise.
        american = american_spelling(lemma)
        if american in lemmas:
            return [lemma, american]
    if tok.pos_ not in POS["V"]:
        return [lemma]
    irregular = _form_lemmas().get(tok.lower_)
    if irregular and irregular in lemmas:
        return [irregular]  # a listed form wins over a wrong model lemma: 'raped' is 'rape', never 'rap'
    if lemma in lemmas:
        return [lemma]
    guesses = [irregular] if irregular else sorted(lemma_variants(tok) - {lemma}, key=len, reverse=True)
    return [lemma, *[g for g in guesses if g in lemmas]]


# Participles by which a vehicle names its load: 'a plane carrying supplies', 'a ship loaded with aid'.
CARRYING = ("carry", "load", "bear", "transport", "ferry")


def carried_load(vehicle: Token) -> Token | None:
    """'a plane carrying 30 tonnes of medical supplies': what the vehicle carries is what is sent."""
    if vehicle.lemma_.lower() not in word_sets()["carriers"]:
        return None
    for c in vehicle.children:
        if c.dep_ == "acl" and c.lemma_.lower() in CARRYING:
            loads = [p for w in preps(c) if w.lower_ == "with" for p in children(w, "pobj")]
            load = child(c, "dobj") or (loads[0] if loads else None)
            if load is not None:
                return load
    return None


def _objects(tok: Token, *, named: bool = False) -> list[Token]:
    obj = direct_object(tok)
    if obj is not None:
        obj = carried_load(obj) or obj  # 'sent a ship loaded with aid': the aid is what is sent
    if obj is not None and obj.dep_ in ("nsubjpass", "csubjpass") and child(tok, "dobj") is not None:
        obj = child(tok, "dobj")  # 'inspectors were granted access': the passive keeps the thing as object
    if obj is None and named and tok.pos_ in ("VERB", "AUX"):
        # 'will not accept refugees fleeing the war': a misparsed object, taken only where the row names
        # what it must be (an 'any object' row would read every 'allowed X to ...' as its object).
        obj = clause_object(tok)
    if obj is None:
        return []
    out = [obj, *[c for c in obj.conjuncts]]
    if obj.pos_ in ("NUM", "PRON", "DET") or obj.lemma_.lower() in QUANTIFIERS | PORTIONS | CONTAINERS | FORMATIONS:
        out += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in children(c, "pobj")]
    if obj.pos_ == "PROPN" and len(obj.text) <= 4:
        # 'released NRs 1.6 billion', 'withheld DKK 65 million in aid': the parser takes a currency's code for
        # the object, and the sum for its apposition or a second object
        out += [x for x in (*children(obj, "appos"), *_second_objects(tok)) if amount(x)]
    for x in [o for o in out if amount(o)]:
        # 'froze $2 billion in assistance': a sum's in-phrase says what the money is (a place is not)
        out += [p for p in prep_objects(x, "in") if not p.ent_type_]
    return out


# Loads counted by what carries them: 'two planeloads of tents': what is handed over is the of-phrase as well
# (batches, shipments and consignments are QUANTIFIERS already).
CONTAINERS = {"planeload", "truckload", "shipload", "boatload", "cargo", "convoy"}
# Units counted as forces are counted: 'stationed 40 companies of paramilitary forces'.
FORMATIONS = {"company", "contingent", "detachment", "column", "brigade"}

LARGE_NUMBERS = {"thousand", "thousands", "million", "millions", "billion", "billions", "hundreds"}


def _large_count(tok: Token) -> bool:
    if tok.lower_ in LARGE_NUMBERS:
        return True
    digits = tok.text.replace(",", "")
    return digits.isdigit() and int(digits) >= 1000 and not (len(digits) == 4 and digits[:2] in ("19", "20"))


def _antecedent_object(tok: Token) -> list[Token]:
    """'the base price they charge steelmakers': a relative clause with a subject of its own ('they') has its
    antecedent as the thing its verb acts on."""
    if tok.dep_ != "relcl" or tok.head.pos_ != "NOUN":
        return []
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or (subj.lower_ in RELATIVE and not subj.text.isupper()):
        return []
    return [tok.head]


def _mods(tok: Token) -> set[str]:
    found = {_lemma(c) for c in tok.children if c.dep_ in MOD_DEPS}
    found |= {c.lower_ for c in tok.children if c.dep_ in MOD_DEPS}
    for obj in _objects(tok):
        found |= {_lemma(c) for c in obj.children if c.dep_ in MOD_DEPS}
        # 'set up joint security brigades': the parser hangs 'joint' on the compound before the object
        found |= {_lemma(m) for c in children(obj, "compound") for m in children(c, "amod") if m.i < c.i}
    for c in tok.children:
        # 'spoke by telephone', 'cooperate on security': prepositional modifiers name the kind too.
        if c.dep_ == "prep":
            found |= {_lemma(p) for p in children(c, "pobj")}
    for c in children(tok, "compound", "amod", "nmod"):
        # 'a joint fighter exercise', 'the Bright Star joint military exercises': the parser hangs 'joint' on the
        # word before the noun; it is the event's kind
        found |= {_lemma(m) for m in children(c, "amod") if m.i < c.i}
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in EVENT_HOLDERS:
        # 'a joint training programme': the holder's modifiers are the event's ('joint' modifies 'programme').
        found |= {_lemma(c) for c in tok.head.children if c.dep_ in ("amod", "compound") and c.i < tok.i}
    return found


# Counts that make a subject several parties: 'the two navies', 'both countries'.
PAIR_WORDS = frozenset({"both", "two", "three", "four"})


def _pair_subject(verb: Token | None) -> bool:
    """The verb's subject names two or more parties ('India and France held naval exercises', 'the two navies
    patrolled the strait'): what they do together they do jointly."""
    for subj in children(verb, "nsubj") if verb is not None else []:
        if any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in subj.children) or split_premodifiers(subj):
            return True  # 'India and France', 'Russian and Belarusian troops'
        if subj.tag_ in ("NNS", "NNPS") and any(c.lower_ in PAIR_WORDS for c in subj.children if c.dep_ in (
                "nummod", "det", "predet")):
            return True
    return False


def _subject_words(tok: Token) -> set[str]:
    """The subject's lemma and its modifiers' ('West African peacekeeping troops': troop, peacekeeping)."""
    subs = children(tok, "nsubj", "nsubjpass")
    while not subs and tok.head.i != tok.i and (
        tok.dep_ in ("conj", "xcomp") or (tok.dep_ == "advcl" and tok.tag_ == "VBG")
        or adverbial_participle(tok) is not None
    ):
        # 'arrived and began patrolling', 'began leaving', 'entered the zone, flying near X': the subject is
        # the head verb's
        tok = adverbial_participle(tok) or tok.head
        subs = children(tok, "nsubj", "nsubjpass")
    if not subs and tok.dep_ == "acl" and tok.tag_ != "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        subs = [tok.head]  # 'a plane flying to Kabul': the noun an active participle describes does it
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN") and any(
            s.lower_ in ("who", "that", "which") for s in subs):
        subs = [tok.head]  # 'students who travelled to Jordan': the antecedent is the subject
    found: set[str] = set()
    for s in subs:
        found.add(_lemma(s))
        found |= {_lemma(c) for c in s.children if c.dep_ in MOD_DEPS}
        # 'contingents of peacekeepers': the counted head says who
        for p in (p for c in s.children if c.dep_ == "prep" and c.lower_ == "of" for p in children(c, "pobj")):
            found |= {_lemma(p)} | {_lemma(c) for c in p.children if c.dep_ in MOD_DEPS}
    return found


def _pobj_lemmas(tok: Token, prep: str, gov: Token | None = None) -> set[str] | None:
    """Lemmas of the objects of `prep` on tok (or on its direct object, or on a noun's governing verb);
    None when no such preposition. 'called on Tuesday' is a date, not the one called on."""
    objects = _objects(tok)
    # 'would answer any provocation by the US with force': the parser hangs the verb's phrase on the noun that
    # ends the object, one phrase down
    deeper = [p for o in objects for c in preps(o) for p in children(c, "pobj") if p.right_edge.i == o.right_edge.i]
    hosts = [tok, *objects, *deeper] + ([gov] if gov is not None else [])
    found: set[str] | None = None
    for host in hosts:
        for c in preps(host):
            if c.lower_ == prep:
                # 'went on strike': the noun itself is no object of its own preposition constraint.
                objs = [p for p in children(c, "pobj", "pcomp") if p.ent_type_ not in ("DATE", "TIME") and p != tok]
                # 'ordered the monitors out of the country': a two-word preposition hangs its object on 'of'
                objs += [p for o in children(c, "prep") if o.lower_ == "of" for p in children(o, "pobj")]
                if objs:
                    found = found or set()
                    # the form too, as for objects: the model's lemma of 'data' is 'datum'
                    found |= {w for p in objs for w in (_lemma(p), p.lower_)}
                    # 'to displaced Afghans': the small model keeps a plural name's form as its lemma
                    found |= {p.lower_[:-1] for p in objs if p.tag_ == "NNPS" or (
                        p.pos_ == "PROPN" and p.lower_.endswith("s") and p.ent_type_ == "NORP")}
    return found


# Prepositions that put what a verb acts on into a state: 'placed its units on alert', 'put forces into readiness'.
STATE_PREPS = frozenset({"on", "onto", "into", "under", "at"})


def state_on_object(tok: Token, gov: Token | None) -> bool:
    """'placed its units on full combat readiness': the parser hangs the state on the object noun; the verb that
    puts the object into it is the noun's true governor."""
    return gov is not None and gov.pos_ == "NOUN" and gov.dep_ == "dobj" and tok.dep_ == "pobj" and (
        tok.head.lower_ in STATE_PREPS)


def has_own_source(tok: Token) -> bool:
    """A noun that names its own agent: "Russia's attack", "an attack by X", "Russian airstrikes"."""
    if noun_agent(tok) is not None:
        return True
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return True
        if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN"):
            return True
        if led_by(c) is not None:
            return True
    return False


def _parties_met(noun: Token, gov: Token | None) -> bool:
    """A meeting noun naming its two parties ('between X and Y') as the subject of a verb in the past: 'the summit
    between Ishiba and Lee was dominated by ...', 'the consultation between X and Y took place'."""
    if gov is None or noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    past = gov.tag_ == "VBD" or (gov.tag_ == "VBN" and any(  # 'took place', 'was dominated', 'has ended'
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP") and c.lemma_ in ("be", "have")
        for c in gov.children))
    return past and any(p.conjuncts for p in prep_objects(noun, "between"))


def agent_participles(noun: Token) -> list[Token]:
    """Participles on a noun that name who made it: 'sanctions imposed by the EU', 'an offensive led by X'."""
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and agent(c) is not None]


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _finite(clause: Token) -> bool:
    """A that-clause or a tensed one ('said the talks had failed'), not an infinitive ('rejected X to delay')."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return True
    return clause.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                             for c in clause.children)


def _named_place(tok: Token) -> bool:
    return tok.ent_type_ in PLACE_ENTS and tok.pos_ == "PROPN"


def _stakes_told(clause: Token) -> bool:
    """A warning's that-clause tells what the one warned stands to suffer: a condition ('would expel the envoy if he
    kept meddling'), a party as its subject ('that it would pay'), or words of force or a penalty ('that a military
    operation is near')."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ in ("PRON", "PROPN"):
        return True
    stakes = word_sets()["warning_stakes"]
    return any((t.dep_ == "mark" and t.lower_ in ("if", "unless")) or _lemma(t) in stakes for t in clause.subtree)


def satisfies(
    tok: Token, pattern: Pattern, gov: Token | None, *, frame_lemmas: frozenset[str] = frozenset(),
    asked_nouns: frozenset[str] = frozenset(),
) -> bool:
    if pattern.frame == "reject" and pattern.pos == "V" and not _objects(tok) and any(
            _finite(c) for c in children(tok, "ccomp")):
        return False  # 'denied that talks were under way': a claim disputed, not a demand refused
    for key, values in pattern.when.items():
        if key == "obj":
            objs = _objects(tok, named="*" not in values)
            if "*" not in values:
                objs += _antecedent_object(tok)
            # 'eased curfew hours': a compound modifier names the thing as well as the head does.
            named = any(
                _lemma(o) in values or o.lower_ in values or _named_singular(o) in values
                or any(c.dep_ == "compound" and _lemma(c) in values for c in o.children)
                or (PLACE_MARK in values and _named_place(o))
                for o in objs
            )
            if not objs or ("*" not in values and not named):
                return False
        elif key == "notobj":
            objs = _objects(tok)
            # An acronym is no pronoun: 'told the US to withdraw' is not 'told us'.
            if ("*" in values and objs) or any(
                    ((_lemma(o) in values or o.lower_ in values) and not o.is_upper)
                    or (PLACE_MARK in values and _named_place(o))
                    for o in objs):
                return False
        elif key == "prt":
            if not (particles(tok) & values):
                return False
        elif key == "noprt":
            if particles(tok) & values:
                return False
        elif key == "mod":
            if not (_mods(tok) & values):
                return False
        elif key == "nomod":
            if _mods(tok) & values:
                return False
        elif key in ("head", "statehead"):
            # The governing verb decides only for a noun with no agent of its own; a framing verb
            # ('pledged aid', 'called for sanctions') supplies the agent itself.
            # A framing verb frames its object, not its subject ("Egypt's opposition charged that ...").
            if gov is not None and (lemma_variants(gov) & values or "*" in values or (
                    _lemma(gov) in frame_lemmas and tok.dep_ != "nsubj")):
                continue
            if state_on_object(tok, gov) and lemma_variants(gov.head) & values:
                continue  # 'placed its units on full readiness': the phrase hung on the object is the verb's
            if gov is not None and _lemma(gov) == "come" and tok.dep_ == "pobj" and tok.head.lower_ == "under":
                continue  # 'came under attack / criticism': the one it comes upon suffers it
            if gov is not None and giver_from(tok, gov, pattern.cameo, "nsubj", word_sets()["coming"]) is not None:
                continue  # 'praise for the handover came from Washington': the from-phrase names who gave it
            if gov is not None and giver_from(tok, gov, pattern.cameo, "dobj", word_sets()["receiving"]) is not None:
                continue  # 'won backing from the bloc': the from-phrase names who gave it, the subject got it
            if any(lemma_variants(p) & values for p in agent_participles(tok)):
                continue  # 'sanctions imposed by the EU on Iran': the participle is the governing verb
            if (has_own_source(tok) or prep_objects(tok, "of")) and any(
                    lemma_variants(c) & values for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"):
                continue  # 'the withdrawal of French troops from Chad, completed on Thursday': done
            if tok.dep_ == "nsubjpass" and gov is not None and _lemma(gov) in word_sets()["performing"] and (
                    agent(gov) is not None):
                continue  # 'a commitment to resume talks was given by the commissioner': done by the by-phrase
            # A lasting relation ('underscored Moscow's partnership with Havana') is no act even with a
            # possessor: only a verb that makes or changes it ('forged a partnership') codes it.
            if key == "statehead":
                return False
            if pattern.recip and _parties_met(tok, gov):
                continue  # 'the summit between X and Y was dominated by the missile programme': it was held
            # 'the two countries' demand for supplies' is a market, not a political demand: a framing
            # noun needs its verb ('issued a demand').
            if pattern.frame is not None and has_own_source(tok) and (
                    asked_clause(tok, asked_nouns) is not None or ("xcomp" in pattern.when and _complements(tok))):
                continue  # 'Trump's demand that Germany repatriate its citizens', "Qatar's offer to mediate": the noun
                # says who asks or offers what
            if pattern.frame is not None or not (has_own_source(tok) or impact_subject(tok)):
                return False
        elif key == "via":
            # 'chained themselves to the gates in protest': a noun that hangs on its verb by one of these
            # prepositions says what the verb's doing was ('head=*': any verb governs it) ...
            if gov is None or tok.dep_ != "pobj" or tok.head.lower_ not in values or _names_another_doer(tok):
                return False
        elif key == "stock":
            # 'Uganda hosts 1.5 million refugees': a count in the thousands in the simple present is a
            # statistic ('hosted 20 leaders', 'agreed to host 2,000 refugees' are acts)
            if tok.tag_ not in ("VBZ", "VBP") or not any(
                    _large_count(x) for o in _objects(tok) for x in (o, *o.children)
                    if x is o or x.dep_ in ("nummod", "quantmod")):
                return False
        elif key == "objpos":
            # a name, a name in front of it, or one in apposition ('called his Lebanese counterpart, Michel Aoun');
            # 'counterpart' names its holder as surely ('called his Turkish counterpart on Tuesday')
            objs = _objects(tok)
            if not any(o.pos_ == "PROPN" or o.lemma_.lower() == "counterpart" or any(
                    c.pos_ == "PROPN" for c in o.children if c.dep_ in ("compound", "appos")) for o in objs):
                return False
        elif key == "subj":
            # 'peacekeepers arrived in Mali' deploys them; 'the president arrived in Paris' visits
            if not (_subject_words(tok) & values):
                return False
        elif key == "notsubj":
            if _subject_words(tok) & values:
                return False
        elif key == "xcomp":
            xs = _complements(tok)
            if not xs or ("*" not in values and not any(_lemma(x) in values for x in xs)):
                return False
        elif key == "purpose":
            # 'sent paratroopers to Bamako to prop up the junta': what the act is for, an infinitive of purpose
            # whose object, or the subject of its clause, is a party ('to help the government restore order'); not
            # 'to help secure the border'
            if not any(c.dep_ in ("advcl", "xcomp") and infinitive_to(c) is not None and _lemma(c) in values and any(
                    _helped_party(o) for x in (c, *children(c, "ccomp", "xcomp")) for o in x.children
                    if o.dep_ in ("dobj", "nsubj") and o.i > c.i) for c in tok.children):
                return False
        elif key == "notxcomp":
            if any(_lemma(x) in values for x in _complements(tok)):
                return False  # 'called Erdogan to apologize' is a call made to apologize, no appeal
        elif key == "noxcomp":
            if children(tok, "xcomp"):
                return False
        elif key == "traded":
            if not traded(tok):
                return False
        elif key == "noparticiple":
            if tok.dep_ in ("advcl", "acl") and (tok.tag_ == "VBG" or infinitive_to(tok) is not None):
                # '..., allowing tankers to dock', 'cleared mines to allow civilians to leave': what the main act
                # let happen or was for, no act of its own
                return False
            if tok.dep_ == "xcomp" and _lemma(tok.head) not in frame_lemmas and any(
                    c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children):
                return False  # the same purpose parsed as a complement ('urged Israel to allow' is a frame's)
        elif key == "noinf":
            # 'called on President X at the Secretariat' (a visit), not 'called on Niger's junta to free him',
            # however the parser hangs the infinitive
            # ('to de-escalate tensions': a hyphened verb the tagger took for adjectives keeps 'to' as its mark)
            if any(t.head.i != tok.i and ((t.tag_ == "TO" and t.head.pos_ in ("VERB", "AUX")) or (
                    t.lower_ == "to" and t.dep_ == "aux")) for t in tok.subtree):
                return False
        elif key in ("pairsubj", "nopairsubj"):
            if _pair_subject(tok if pattern.pos == "V" else gov) != (key == "pairsubj"):
                return False
        elif key == "noclause":
            if children(tok, "ccomp"):
                return False  # 'the strike demonstrated that the US will act': shown, not protested
        elif key == "ifclause" and not all(_stakes_told(c) for c in children(tok, "ccomp")):
            # 'warned parliament that the cuts would slow growth': a prediction, no threat (an act the
            # clause holds is the frame's to code: 'warned X that its gunners would shell them')
            return False
        elif key == "oprd":
            if "*" in values:
                if not _predicated(tok):
                    return False
            elif not any(_lemma(c) in values for c in tok.children if c.dep_ not in ("nsubj", "dobj")) and not any(
                _lemma(c) in values for c in _second_objects(tok)) and not any(
                # 'held Russian forces responsible': the parser hangs the predicate on the object
                c.dep_ == "amod" and c.i > o.i and _lemma(c) in values for o in _objects(tok) for c in o.children
            ):
                return False
        elif key == "nooprd":
            if _predicated(tok):
                return False
        elif key == "nopobj":
            if any(_pobj_lemmas(tok, p, gov) is not None for p in values):
                return False
        elif key.startswith("notpobj:"):
            found = _pobj_lemmas(tok, key[8:], gov)
            if found and found & values:
                return False
        elif key.startswith("pobj:"):
            found = _pobj_lemmas(tok, key[5:], gov)
            if PLACE_MARK in values and any(
                    _named_place(p) for c in preps(tok) if c.lower_ == key[5:] for p in children(c, "pobj")):
                continue  # 'left for Moscow': a named place
            if found is None or ("*" not in values and not (found & values)):
                return False
    return True


# What one side gives, says or offers another, and so can come from it or be won from it: intents, visits,
# support, aid, demands, criticism, threats ('received inquiries from Japan' are questions, no investigation).
GIVEN_ROOTS = {"03", "04", "05", "07", "10", "11", "13"}


def giver_from(tok: Token, gov: Token, code: str, dep: str, verbs: frozenset[str]) -> Token | None:
    """The one whose from-phrase says it gave tok, an act's noun of code `code`, that `gov` brought: 'praise came
    from X' (dep nsubj), 'won backing from X' (dobj). None where it is no such act, or where it would or might
    come, or is any whatever: then it came from no one."""
    if code[:2] not in GIVEN_ROOTS or tok.dep_ != dep or _lemma(gov) not in verbs:
        return None
    givers = prep_objects(gov, "from") or prep_objects(tok, "from")
    if not givers or particles(gov) - {"in"}:
        return None  # 'drew down a tranche from its stand-by arrangement': another verb ('poured in' is the same)
    if gov.tag_ in ("VBZ", "VBP"):
        return None  # 'the threat comes from outlaw regimes', 'they receive backing from X': how things stand
    unreal_aux, unreal_dets = word_sets()["unreal_aux"], word_sets()["unreal_dets"]
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in unreal_aux) for c in gov.children) or (
            any(c.dep_ == "det" and c.lower_ in unreal_dets for c in tok.children)):
        return None
    return givers[0]


def _second_objects(verb: Token) -> list[Token]:
    """'calling Helsinki "a model"': the parser reads a predicate as a second object."""
    return [c for c in verb.children if c.dep_ == "dobj"][1:]


def _predicated(verb: Token) -> bool:
    """The verb says what its object is: 'called the vote a sham' (a predicate), or a second object."""
    return any(c.dep_ == "oprd" for c in verb.children) or bool(_second_objects(verb))


def _helped_party(tok: Token) -> bool:
    """A party named as the one helped: a name, or a common noun for a party ('the government', 'the army')."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "ORG", "NORP") or party_noun(tok)


def _complements(tok: Token) -> list[Token]:
    """The verbs of tok's infinitive complements ('urged X to withdraw'), with two the parser labels otherwise: an
    infinitive with its own subject made a ccomp ('will not allow the envoy to meet her'), and one hung on the verb
    as an adverbial right after the object ('pushed Serbia and Kosovo to implement the deal'; 'ordered troops into
    the city to restore order', with a preposition between, is a purpose)."""
    xs = children(tok, "xcomp") + [c for c in children(tok, "ccomp")
                                   if child(c, "nsubj") is not None and infinitive_to(c) is not None]
    if tok.pos_ == "NOUN":
        xs += [c for c in children(tok, "acl") if infinitive_to(c) is not None]  # "Qatar's offer to mediate"
    objs = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
    if objs:
        obj = objs[-1]
        for c in children(tok, "advcl"):
            to = infinitive_to(c)
            if to is not None and child(c, "nsubj", "nsubjpass") is None and to.i == obj.right_edge.i + 1 and not any(
                    t.pos_ == "ADP" for t in tok.doc[obj.i : to.i]):
                xs.append(c)
    return xs


def _names_another_doer(noun: Token) -> bool:
    """... unless the noun names whose it is: 'with US assistance', 'with Russia's help' (its own source), 'with
    the aid of allied militias' are others' acts ('a contribution of 20 million dollars' names an amount, 'its
    help' the subject's own)."""
    return has_own_source(noun) or any(
        not any(t.like_num or t.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT") for t in p.subtree)
        for p in prep_objects(noun, "of"))


# Nouns that hold an event noun as their modifier: 'a mediation effort', 'an aid package'. Elsewhere a
# modifier is not an event: 'attack helicopters', 'protest songs'.
EVENT_HOLDERS = {"effort", "package", "programme", "program", "campaign", "mission", "operation", "initiative",
                 "bid", "shipment", "convoy", "flight", "round", "process", "plan", "deal", "agreement"}


def _title_case(sent: Span) -> bool:
    """A headline in title case ('Saudi Arabia Lifts Blockade'), where the tagger calls verbs names."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _verb_as_noun(tok: Token) -> bool:
    """'held drills with X': a word tagged verb in a noun's place, with no object or auxiliary of its own
    (a gerund has them: 'stopped shelling the town')."""
    return tok.pos_ == "VERB" and tok.dep_ in NOMINAL_DEPS and not any(
        c.dep_ in ("dobj", "nsubj", "aux", "auxpass", "mark") for c in tok.children
    )


def _figure_part(h: Token) -> bool:
    """h heads, or sits in a phrase of, the subject of a figure going up or down ('the share of ... rose')."""
    for _ in range(4):
        if h.dep_ == "nsubj":
            return _lemma(h.head) in word_sets()["quantity_changes"]
        if h.dep_ not in ("pobj", "prep"):
            return False
        h = h.head
    return False


def _counted(tok: Token) -> bool:
    """A participle describing what a figure counts: 'applications rejected by the authorities' under 'the share
    of ... rose'; or a noun in the phrase of the figure ('relief from Gulf donors rose to a record'). The
    figure is the news, not the acts it counts. (Killings counted are still killings: 'the number of civilians
    killed by the strikes rose to 50' reports them, and violence is not asked here.)"""
    if tok.dep_ == "acl":
        return _figure_part(tok.head)
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and _figure_part(tok)


def match_token(tok: Token, patterns: PatternSet, lemma: str | None = None) -> Match | None:
    """The most specific row `tok` instantiates; `lemma` stands for the token's own (a hyphenated word)."""
    pos = _pos_key(tok)
    if pos is None:
        return None
    if lemma is None:
        # a misread lemma ('forgave') falls back on what its form may be a form of
        lemma = next((x for x in _trigger_lemmas(tok, patterns.lemmas) if (x, pos) in patterns.by_trigger),
                     _lemma(tok))
    if tok.dep_ == "amod" and pos == "V":
        return None  # 'visiting Saudi Crown Prince', 'ruling party': a participle describing a noun
    if tok.dep_ == "compound" and pos == "N" and tok.head.lemma_.lower() not in EVENT_HOLDERS:
        return None
    if pos == "N" and tok.dep_ == "nsubj" and _lemma(tok.head) in word_sets()["quantity_changes"]:
        return None  # 'consumer credit rose 3 billion dlrs', 'attacks fell by half': a figure, not an act
    if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not _title_case(tok.sent) and not (
            # 'Recognition of Palestine was extended by Singapore': a sentence's first word, capital for that
            tok.i == tok.sent.start and not tok.ent_type_):
        return None  # 'the General Agreement on Tariffs', 'the Warsaw Pact': a name, not an event
    if pos == "V" and _verb_as_noun(tok) and (lemma, "N") in patterns.by_trigger:
        pos = "N"
    elif pos == "V" and tok.tag_ == "VBG" and _verb_as_noun(tok) and (tok.lower_, "N") in patterns.by_trigger:
        lemma, pos = tok.lower_, "N"  # 'Fighting between the army and the RSF raged': the gerund is the noun
    group = patterns.by_trigger.get((lemma, pos))
    # A verb the tagger took for a noun ('demanded that the minister resign', 'the court orders the commission to
    # hold polls'): its clause says verb, whatever rows the noun has.
    clausal_noun = pos == "N" and tok.dep_ in CLAUSAL
    if not group and not clausal_noun:
        return None

    def fitting(rows, gov: Token | None) -> list[Pattern]:  # most specific first, as the table keeps them
        return [p for p in rows if satisfies(tok, p, gov, frame_lemmas=patterns.frame_lemmas,
                                             asked_nouns=patterns.frames.demand_nouns)]

    gov, relation = governor(tok) if pos == "N" and group else (None, "")
    fits = fitting(group or (), gov)
    if not fits and clausal_noun:
        pos, gov, relation = "V", None, ""
        fits = fitting(patterns.by_trigger.get((lemma, pos), ()), None)
    if not fits:
        return None
    if fits[0].cameo[:2] not in VIOLENT_ROOTS and _counted(tok):
        return None  # 'the share of visa applications refused by the consulates went up', 'aid from donors rose'
    if gov is not None and len(fits) > 1:
        # Of rows equally specific, one whose verb list names the noun's verb beats one that took the noun on
        # its possessor alone ('Kenya's mediation was abandoned': abandoned, not begun).
        variants = lemma_variants(gov)
        fits.sort(key=lambda p: (p.specificity, bool(variants & p.when.get("head", frozenset()))), reverse=True)
    tied = tuple(p for p in fits[1:] if p.specificity == fits[0].specificity)
    weaker = tuple(p for p in fits[1:] if p.specificity != fits[0].specificity and not p.block)
    return Match(tok, fits[0], gov, relation, tied, weaker)


HYPHENS = {"-", "‐", "‑"}


def hyphenated(sent: Span, patterns: PatternSet) -> dict[int, tuple[str, int]]:
    """Words the tokenizer split at a hyphen ('sit-in', 'U-turn', 'co-operate', 'walk-out') whose whole is a
    trigger, written with the hyphen or without it ('walkout', 'cooperate'): the piece that stands for the
    word -> (the trigger lemma, the first piece's index)."""
    doc = sent.doc
    found: dict[int, tuple[str, int]] = {}
    for tok in sent:
        i = tok.i
        if i + 2 >= sent.end or doc[i + 1].text not in HYPHENS or tok.whitespace_ or doc[i + 1].whitespace_:
            continue
        left, right = tok.lower_, doc[i + 2]
        pieces = range(i, i + 3)
        # The piece the parse hangs the word on (the last, where it hangs all three), else another whose
        # part of speech a row of the word has: 'counter-offensive' may be tagged noun, -, adjective.
        order = sorted(doc[i : i + 3], key=lambda t: (t.head.i in pieces and t.head.i != t.i, -t.i))
        for lemma in (f"{left}-{right.lower_}", f"{left}-{_lemma(right)}", left + right.lower_, left + _lemma(right)):
            if lemma not in patterns.lemmas:
                continue
            fits = [t for t in order if (lemma, _pos_key(t)) in patterns.by_trigger]
            found[(fits or order)[0].i] = (lemma, i)
            break
    return found


def match_sentence(sent: Span, patterns: PatternSet) -> list[Match]:
    lemmas = patterns.lemmas
    joined = hyphenated(sent, patterns)
    out = []
    for tok in sent:
        if tok.ent_type_ in ("DATE", "TIME") and tok.is_title:
            continue  # 'record March sales', 'in May': a month, not a march or a permission
        if tok.i in joined:
            lemma, first = joined[tok.i]
            m = match_token(tok, patterns, lemma)
            if m is not None:
                m.pieces = (first, first + 3)
                out.append(m)
        elif any(x in lemmas for x in _trigger_lemmas(tok, lemmas)):
            m = match_token(tok, patterns)
            if m is not None:
                out.append(m)
    return out
