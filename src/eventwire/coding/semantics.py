"""What the sentence says about an event: asserted, negated, intended (future), hypothetical,
conditional, demanded (must/should), and who reports it.

The coder codes only what is asserted to have happened or been said: questions, conditionals and
hypotheticals are dropped, and so are acts denied ('nobody visited', 'was prevented from visiting', 'escaped
arrest'), aimed at ('talks to release', 'an appeal to help'), wished ('would expect X to urge'), opinions of
duty ('X believes Y should go') and the writer's own doings ('I met him', outside quotes); intent and threat
become the 03x and 13x codes; a negated intent to yield becomes a refusal (12x); the speaker of a reporting
verb becomes the attribution.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.datafiles import read_json_data, word_list
from eventwire.parse_repairs import headline_line

from .instruments import VIOLENT_ROOTS, weapon_code
from .matcher import form_lemma
from .pattern_table import PATTERN_DIR, Frames
from .syntax import (
    DECISION_HEADS,
    asked_clause,
    child,
    dateline_end,
    direct_object,
    infinitive_to,
    inversion,
    prep_objects,
    reduced_passive,
    subject,
)

# The word lists live in data (patterns/modality.json); the comments below say what each is for.
MODALITY_FILE = PATTERN_DIR / "modality.json"
_LEXICON = read_json_data(MODALITY_FILE)


def _words(key: str) -> frozenset[str]:
    return word_list(_LEXICON, key, MODALITY_FILE)


NEGATORS = _words("negators")
BE_TO_IDIOMS = _words("be_to_idioms")  # 'X was to blame': 'be to' that tells no act to come


@dataclass(slots=True)
class Modality:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    conditional: bool = False
    obligation: bool = False
    speaker: Token | None = None
    speech_verb: Token | None = None
    background: bool = False  # in an 'after/since/because ...' clause: context for the main event
    recalled: bool = False  # the background clause tells of a past event ('after X released ...')
    failed: bool = False  # 'failed to reach agreement': tried and did not
    denied: bool = False  # 'was prevented from visiting', 'nobody visited': the act did not happen at all
    first_person: bool = False  # 'I met him in Goma' outside quotes: the writer, no actor
    opinion: bool = False  # 'the cabinet agreed that the regime is to blame': a view shared, no agreement
    attempted: bool = False  # 'tried to assassinate the minister': an attack attempted is an attack made
    # 'lent Peru 50 mln dlrs to help build a dam': what money given is for; only a transfer restated
    # ('channelled 20 million euros to Haiti to fund food') is still an act
    money_purpose: bool = False


def is_question(sent: Span) -> bool:
    text = sent.text.rstrip().rstrip('"\'”’)')
    return text.endswith("?")


def _aux(tok: Token) -> set[str]:
    """The auxiliaries of tok; a verb joined to another with neither subject nor auxiliary of its own shares
    them ('would shoot down the missiles and attack the launchers': the attack is under 'would' too)."""
    own = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    for _ in range(4):
        if own or tok.dep_ != "conj" or tok.head.i == tok.i or tok.pos_ not in ("VERB", "AUX"):
            return own
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
            return own
        tok = tok.head
        own = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return own


def _negated(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never"):
            return True
        if c.dep_ == "det" and c.lower_ == "no":
            return True
        if c.dep_ == "nsubj" and any(d.dep_ == "det" and d.lower_ == "no" or d.dep_ == "nummod" and any(
                n.dep_ == "neg" for n in d.children) for d in c.children):
            return True  # 'no country voted for it', 'not one senator voted for the bill'
        if (c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "attr" and tok.lemma_ == "be")) and tok.pos_ in (
                "VERB", "AUX") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return True  # 'reached no agreement', 'no agreement was reached', 'there was no meeting'
        if c.dep_ == "prep" and any(p.lemma_.lower() in NO_WAY and _no_one(p) for p in c.children):
            return True  # 'will in no way allow', 'under no circumstances'
        if c.dep_ == "advmod" and c.lower_ == "longer" and any(d.lower_ == "no" for d in c.children):
            return True  # 'no longer demand': the demand has stopped
    return False


NO_WAY = _words("no_way")


def _conditional(tok: Token, frames: Frames) -> bool:
    """tok sits inside an if/unless/whether clause (walking up to the root)."""
    t = tok
    for _ in range(12):
        # (a root with a mark of its own is a subject clause the parser cut off: 'Whether the junta will free the
        # ministers remained unclear')
        if t.dep_ in ("advcl", "ccomp", "csubj", "ROOT"):
            for c in t.children:
                if c.dep_ == "mark" and c.lower_ in frames.conditional_marks:
                    return True
                if c.dep_ == "mark" and c.lower_ == "in" and c.i + 1 < len(c.doc) and (
                        c.doc[c.i + 1].lower_ == "case"):
                    return True  # 'in case the militia searched the houses': a feared event
            turn = inversion(t) if "should" in frames.conditional_marks else None
            if turn is not None and tok.i > turn.i:
                # 'Nairobi would block the imports should Dar es Salaam keep its levies'; a clause the parser
                # hangs on it from before its 'should' is not in the condition
                return True
        if t.head.i == t.i or t.dep_ == "ROOT":
            return False
        t = t.head
    return False


BACKGROUND_MARKS = _words("background_marks")


# Marks of a clause that tells of an event before the main one, not one to come ('before', 'until').
RECALL_MARKS = _words("recall_marks")


def _background(tok: Token) -> str | None:
    """The kind of background clause tok is in: 'relcl', a mark word, or None."""
    t = tok
    for _ in range(12):
        if t.dep_ == "relcl" and t.head.i < dateline_end(t):
            return None  # 'NEW DELHI (Reuters) - Chinese troops withdrew': the parser hung the lead on the dateline
        if t.dep_ == "relcl":
            # 'militants who attacked the base' asserts an event of its antecedent; 'the embargo it
            # imposed' only recalls one to describe its object.
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            gap = not any(c.dep_ in ("dobj", "obj") for c in t.children)
            if (subj is None or subj.lower_ not in ("who", "which", "that")) and gap:
                return "relcl"
        if t.dep_ in ("advcl", "pcomp"):
            for c in t.children:
                if c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS:
                    return c.lower_
            if t.dep_ == "pcomp" and t.head.lower_ in BACKGROUND_MARKS:
                return t.head.lower_
        if t.dep_ == "pobj" and t.head.lower_ in BACKGROUND_MARKS and (
                t.i != tok.i or t.head.lower_ in ("since", "following")):
            # 'a warning after bombings that killed 250': the clause describes the earlier event named;
            # 'since the accord by X and Y, markets have ...': the event is the time reference
            return t.head.lower_
        if t.head.i == t.i or t.dep_ == "ROOT":
            return None
        t = t.head
    return None


def _habit(tok: Token) -> bool:
    """A verb in the present with a mark of habit: 'routinely detains', 'meet every September'."""
    return tok.tag_ in ("VBZ", "VBP") and any(
        (c.dep_ == "advmod" and c.lower_ in HABIT_MARKS)
        or (c.dep_ == "npadvmod" and any(d.dep_ == "det" and d.lower_ in ("every", "each") for d in c.children))
        for c in tok.children)


def _poll_finding(tok: Token) -> bool:
    """'70 percent of Swedes support joining the alliance': a share of a public doing something in the present (and
    what it is said to do) is a poll's finding, no act."""
    t = tok
    for _ in range(3):
        if t.tag_ in ("VBZ", "VBP") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in POLL_SHARES and prep_objects(c, "of") for c in t.children):
            return True
        if t.dep_ != "xcomp" or t.head.i == t.i:
            return False  # ('a majority of the miners say they will reject the offer': what they say is theirs)
        t = t.head
    return False


def _describing(tok: Token) -> bool:
    """'forces fighting Isis', 'the coalition battling the militants': a present participle of a lasting
    relation after a noun says what its party does over time, to say who they are; it reports no act of this
    day."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if reduced_passive(t) and any(c.lower_ == "since" for c in t.children):
        return True  # 'the buffer zone, patrolled by UN forces since 1974': a state that lasts, not today's act
    if _lemma(tok) in RELATIONSHIP_VERBS and any(c.dep_ == "advmod" and c.lower_ in RELATIONSHIP_MARKS
                                                 for c in tok.children) and (
            tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VBD" and any(c.lower_ == "already" for c in tok.children))):
        # 'Volcker works very closely with Baker', 'already cooperated closely': how two parties stand, not a
        # day's act ('worked closely through the talks to de-escalate' is one)
        return True
    if _habit(tok) or (tok.dep_ in ("advcl", "xcomp") and infinitive_to(tok) is not None and _habit(tok.head)):
        # 'Western leaders who regularly excoriate the regimes', 'the army routinely detains', 'leaders meet every
        # September', and what they do it for ('meet every month to swap data'): a habit
        return True
    if _poll_finding(tok):
        return True
    if tok.tag_ == "VBG" and _lemma(tok.head) == "spend" and any(
            c.dep_ in ("dobj", "npadvmod") and _lemma(c) in LASTING_UNITS for c in tok.head.children):
        return True  # 'a party it has spent decades attacking in speeches': a long campaign, not the day's act
    if tok.dep_ == "relcl" and tok.tag_ == "VBP" and tok.head.tag_ == "NNS" and not any(
            c.dep_ in ("det", "nummod", "poss", "compound") for c in tok.head.children):
        return True  # 'detains bloggers who criticise the party': what any of a kind does says who they are
    if _lemma(tok) not in STANDING_VERBS:
        return False
    if t.dep_ == "relcl" and _lasting(t):
        return True  # 'the PKK, which has fought Turkey for 40 years', 'Russia, which backs Assad'
    if t.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children):
        return True  # 'the party, which had opposed military rule': a stance before the story's time
    if t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        # 'prosecute its nationals fighting abroad': the parser hangs the participle on the verb, but
        # it follows the object straight on and describes it.
        obj = next((c for c in t.head.children if c.dep_ == "dobj" and c.right_edge.i == t.i - 1), None)
        return obj is not None
    # ('Backed by Graça Machel, the government is introducing reforms': a participle put before its clause)
    fronted = t.dep_ == "advcl" and t.tag_ == "VBN" and t.i < t.head.i
    if not fronted and (t.dep_ != "acl" or t.head.pos_ not in ("NOUN", "PROPN") or t.head.i > t.i):
        return False
    if t.tag_ == "VBN":
        # 'Syrian rebels backed by Ankara', 'militias armed by Iran': who stands behind the party, said to
        # say who it is. Force lent to this day's act is help given ('fighters backed by US airstrikes').
        means = [o for a in t.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        return bool(means) and not any(weapon_code(o) or o.lemma_.lower() in FORCE_MEANS for o in means)
    return t.tag_ == "VBG" and t.head.lemma_.lower() not in SAYING_NOUNS  # 'a report accusing the army'


def _lasting(verb: Token) -> bool:
    """A present verb ('which backs Assad'), or a perfect one with a mark of time spent ('which has fought
    Turkey for 40 years', 'has long backed'); not a past act ('which fought'), nor a perfect one alone ('which
    has armed the rebels'), nor one in progress ('who are fighting fiercely')."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    for c in verb.children:
        if c.lower_ in LASTING_MARKS or (c.dep_ == "amod" and c.lower_.endswith("-long")):
            return True
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                o.lemma_.lower() in LASTING_UNITS for o in c.children if o.dep_ == "pobj"):
            return True
        if c.dep_ in ("dobj", "obj") and any(a.lower_.endswith("-long") or a.dep_ == "amod" and a.lower_ == "long"
                                             for a in c.children):
            return True  # 'has waged a years-long war'
    return False


SAYING_NOUNS = _words("saying_nouns")
# 'would pay a heavy price for the attack', 'thanked them for their help': the act paid or thanked for is an
# earlier one, told as the reason.
REASON_HEADS = _words("reason_heads")
STANDING_VERBS = _words("standing_verbs")
RELATIONSHIP_VERBS = _words("relationship_verbs")
RELATIONSHIP_MARKS = _words("relationship_marks")
HABIT_MARKS = _words("habit_marks")  # 'who regularly excoriate the regimes': what a party does as a habit
POLL_SHARES = _words("poll_shares")  # '70 percent of Swedes support': the share of a public a poll found
LASTING_MARKS = _words("lasting_marks")
ASSENT_VERBS = _words("assent_verbs")
FORCE_MEANS = _words("force_means")
LASTING_UNITS = _words("lasting_units")


def _hypothetical_above(tok: Token, frames: Frames) -> bool:
    """'could try their luck by crossing to X': the modal of the governing verb covers its
    gerunds and infinitives."""
    t = tok
    for _ in range(4):
        if t.dep_ == "pcomp" and t.head.dep_ == "prep":
            t = t.head.head
        elif t.dep_ in ("xcomp", "advcl") and t.head.i != t.i:
            t = t.head
        else:
            return False
        if _aux(t) & frames.hypothetical_aux:
            return True
    return False


def _going_to(tok: Token) -> bool:
    # 'is going to visit': visit is the xcomp of 'go', which carries 'be' as its aux.
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"


def speech_frame(
    tok: Token, frames: Frames, verbs: frozenset[str] | None = None
) -> tuple[Token | None, Token | None]:
    """(speaker, reporting verb) when tok's clause is the content of a reporting verb ('X said ...');
    `verbs` narrows or widens which verbs report (default: the frames' say verbs)."""
    verbs = frames.say_verbs if verbs is None else verbs
    t = tok
    for _ in range(6):
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t.dep_ in ("ccomp", "parataxis", "xcomp") and t.head.lemma_.lower() in verbs:
            verb = t.head
            return subject(verb), verb
        if t.dep_ in ("advcl", "ccomp", "xcomp") and t.head.i != t.i:
            t = t.head
            continue
        return _trailing_say(t, verbs)
    return None, None


def _trailing_say(top: Token, verbs: frozenset[str]) -> tuple[Token | None, Token | None]:
    """'Separatists will face liability, a spokesperson stated': a reporting verb after a comma with a subject
    of its own and no 'and', which the parser joined to the reported clause as its conjunct."""
    for c in top.children:
        if c.dep_ != "conj" or c.i < top.i or c.lemma_.lower() not in verbs:
            continue
        subj = child(c, "nsubj")
        if subj is None or any(t.dep_ == "cc" and top.i < t.i < c.i for t in top.children):
            continue
        if c.doc[subj.left_edge.i - 1].text == ",":
            return subj, c
    return None, None


# A subject that says no one did it: 'nobody visited', 'no minister attended', 'none of the leaders came'.
NO_ONE = _words("no_one")


def _no_one(tok: Token | None) -> bool:
    """'nobody', 'no country', 'neither Tehran nor Baghdad'."""
    return tok is not None and (tok.lower_ in NO_ONE or any(
        c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in tok.children))


def _nobody_did(tok: Token) -> bool:
    """'nobody visited X', 'no one who met him': the doer is denied, not the verb."""
    if tok.dep_ == "relcl" and _no_one(tok.head):
        return True
    subj = child(tok, "nsubj")
    if _no_one(subj):
        return True
    # 'fired not by the army (but by ...)': the agent is denied.
    by = child(tok, "agent")
    return by is not None and by.i > 0 and by.nbor(-1).lower_ == "not"


# Verbs whose complement or object is an act that did not happen: 'was prevented from visiting', 'avoided
# criticising', 'refrained from condemning', 'stopped short of imposing', 'escaped arrest', 'was spared an
# assault', 'denied attacking', 'stopped attacking' (the news is the stop). ('failed to agree' is read in
# modality: a failed agreement may be a rejection.)
DENY_HEADS = _words("deny_heads")
# Of these, the verbs that take the denied event as their object noun ('escaped arrest', 'averted a war'). None
# is a trigger of the pattern table, so as an anchor such a verb governs the event noun.
DENY_OBJECT = _words("deny_object")
# 'left without meeting him', 'instead of helping', 'rather than attack': the alternative not taken.
NOT_DONE_PREPS = _words("not_done_preps")


def _lemma(tok: Token) -> str:
    return form_lemma(tok)  # 'spared' is 'spare', not the model's 'spar'


# Verbs whose that-clause is said not to be true: 'denied that the minister had resigned'.
DENY_CLAIM = _words("deny_claim")


# 'Hungary blocked the release of 500 million euros of EU military aid': the aid was held back, not given.
WITHHELD_TRANSFERS = _words("withheld_transfers")
BLOCKING_VERBS = _words("blocking_verbs")


def _withheld(tok: Token) -> bool:
    """tok is, or is in the of-phrases of, a transfer that was blocked ('the delivery of US weapons was delayed',
    'blocked the release of 500 million euros of aid')."""
    t = tok
    for _ in range(4):
        if _lemma(t) in WITHHELD_TRANSFERS and t.dep_ in ("dobj", "nsubjpass") and _lemma(t.head) in BLOCKING_VERBS:
            return True
        if t.dep_ != "pobj" or t.head.lower_ != "of":
            return False
        t = t.head.head
    return False


def _denied(tok: Token) -> bool:
    if _lemma(tok) in DENY_OBJECT or (tok.dep_ == "dobj" and _lemma(tok.head) in DENY_OBJECT):
        return True
    if _withheld(tok):
        return True
    if tok.dep_ == "ccomp" and _lemma(tok.head) in DENY_CLAIM:
        return True
    if tok.dep_ == "acl" and tok.head.dep_ == "dobj" and _lemma(tok.head.head) in DENY_CLAIM:
        return True  # 'denied reports that the banks are resisting': the content of a denied claim
    head = tok.head
    if tok.dep_ == "pcomp" and head.dep_ == "prep":
        if head.lower_ in NOT_DONE_PREPS or head.head.lower_ in ("instead", "rather") or any(
                c.lower_ in ("instead", "rather") for c in head.children):
            return True
        if head.lower_ == "from" and _lemma(head.head) == "keep":
            return True  # 'kept them from attacking' ('kept attacking' goes on)
        head = head.head  # 'prevented from visiting', 'refrained from condemning', 'short of imposing'
    elif tok.dep_ != "xcomp":
        return False
    return _lemma(head) in DENY_HEADS and head.i != tok.i


# Nouns of a plan or a request whose infinitive the parser may hang on the verb: 'launched an appeal to help
# refugees' (advcl of 'launched'); what they aim at has not happened.
AIM_NOUNS = _words("aim_nouns")


MONEY_WORDS = _words("money_words")


def _objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    if reduced_passive(verb):
        objs.append(direct_object(verb))  # 'legislation offered by Smith to ban X': the noun it describes
    return objs


def _money_purpose(tok: Token) -> bool:
    """'lent Peru 50 mln dlrs to (help) build a dam': the infinitive says what money given is for."""
    if tok.dep_ == "xcomp" and _lemma(tok.head) == "help" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("advcl", "xcomp") or tok.head.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return False
    return any((o.ent_type_ == "MONEY" or o.lower_ in MONEY_WORDS or o.lemma_.lower() in MONEY_WORDS) and o.i < tok.i
               for o in _objects(tok.head))


def _purpose(tok: Token) -> bool:
    """'talks to release prisoners', 'in order to protect', 'a plan to evacuate': an act aimed at, not done.
    ('the first leader to visit Havana' did visit.)"""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ in ("advcl", "xcomp") and head.pos_ in ("VERB", "AUX"):
        # 'launched an appeal to help', 'engaged in negotiations to hand over'
        return any(o.lemma_.lower() in AIM_NOUNS and o.i < tok.i for o in _objects(head))
    if tok.dep_ == "advcl":
        return head.lemma_.lower() in AIM_NOUNS  # 'calls for X to allow aid in'
    if tok.dep_ != "acl":
        return False
    if tok.head.lemma_.lower() in DECISION_HEADS and tok.head.tag_ in ("NN", "NNS"):
        return False  # 'Washington's decision to cut aid': decided, not only aimed at
    return not any(c.lower_ in ("first", "last", "only", "latest") or c.dep_ == "nummod" for c in tok.head.children)


SCHEDULED = _words("scheduled")


def _purpose_of_future(tok: Token, frames: Frames) -> bool:
    """An infinitive of purpose ('to discuss') on a verb of the future ('will meet', 'is due to meet')."""
    if tok.dep_ != "advcl" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return False
    head = tok.head
    if _aux(head) & (frames.future_aux | frames.reported_future_aux) or _going_to(head):
        return True
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in SCHEDULED


def _hypothetical_event_noun(tok: Token, frames: Frames) -> bool:
    """'A US withdrawal would mean ...', 'an offensive could kill thousands': the event noun is the subject
    of a verb under a modal."""
    if tok.pos_ != "NOUN" or tok.dep_ != "nsubj":
        return False
    if _lemma(tok.head) != "risk" and not _aux(tok.head) & (frames.hypothetical_aux | frames.reported_future_aux):
        return False  # ('a clash risks a wider war' too)
    # Only an indefinite one: 'France's refusal would breach the convention' tells of a refusal made.
    return not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "its", "their"))
                   for c in tok.children)


# Modifiers of an event noun that make it a prospect, not a fact: 'a potential withdrawal', 'a possible attack'.
UNREAL_MODIFIERS = _words("unreal_modifiers")
# Adjectives of exposure or ability whose prepositional object is an event that may happen: 'vulnerable to
# attack', 'capable of resuming the war'.
CAPACITY_ADJECTIVES = _words("capacity_adjectives")


def _graded_readiness(tok: Token) -> bool:
    """'is less willing to criticise', 'more ready to talk': a tendency compared, not a stated intent."""
    return any(c.dep_ == "acomp" and any(d.dep_ == "advmod" and d.lower_ in ("less", "more", "increasingly")
                                         for d in c.children) for c in tok.children)


def _unreal_noun(tok: Token) -> bool:
    """An event noun named as a prospect, an exposure or a contingency, not as something that happened."""
    if any(c.dep_ == "amod" and c.lower_ in UNREAL_MODIFIERS for c in tok.children):
        return True
    if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and any(
            c.dep_ == "acomp" and c.lower_ in UNREAL_MODIFIERS for c in tok.head.children):
        return True  # 'a pullout is likely to prove costly': the event is foreseen, not reported
    # The anchor may be the word that governs the event noun: the adjective, or 'event' in 'in the event of'.
    if tok.pos_ == "ADJ" and tok.lemma_.lower() in CAPACITY_ADJECTIVES:
        return True
    if tok.lower_ in ("event", "case") and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        return True  # 'in the event of airstrikes', 'in case of an attack'
    if tok.dep_ not in ("pobj", "pcomp") or tok.head.dep_ != "prep":
        return False
    holder = tok.head.head
    if holder.pos_ == "ADJ" and holder.lemma_.lower() in CAPACITY_ADJECTIVES:
        return True
    return tok.head.lower_ == "of" and holder.lower_ in ("event", "case") and holder.head.lower_ == "in"


# Nouns whose phrase holds events that are no acts of the day: the subject of a work ('a documentary about soldiers
# shelling a border town'), options weighed ('Warsaw's options, from grain sanctions to a border closure'), and a
# cost counted ('the cost of hosting refugees').
WORK_NOUNS = _words("work_nouns")
OPTION_NOUNS = _words("option_nouns")
COST_NOUNS = _words("cost_nouns")


def _told_of(tok: Token) -> bool:
    """tok is an event told of inside a work's subject, a list of options or a cost (see WORK_NOUNS)."""
    t = tok
    for _ in range(6):
        if t.dep_ not in ("pobj", "pcomp", "prep", "acl", "conj", "appos", "compound", "dobj") or t.head.i == t.i:
            return False
        head = t.head
        if t.dep_ in ("pobj", "pcomp") and head.dep_ == "prep":
            holder = _lemma(head.head)
            if (head.lower_ == "about" and holder in WORK_NOUNS) or (head.lower_ == "of" and holder in COST_NOUNS):
                return True
        if head.pos_ == "NOUN" and _lemma(head) in OPTION_NOUNS and t.dep_ in ("prep", "appos", "acl"):
            return True
        t = head
    return False


# 'I would expect X to urge Y', 'we would like them to visit': a wish under 'would', not an act.
WISH_HEADS = _words("wish_heads")


# Verbs that take a wished-for or awaited event as their object noun: 'wants Turkish support', 'hopes for
# talks', 'fears an attack', 'braced for an attack'. None is a trigger of the pattern table, so as an anchor
# such a verb governs the event noun.
WISH_OBJECT = _words("wish_object")


EVIDENCE_NOUNS = _words("evidence_nouns")
HEARSAY_NOUNS = _words("hearsay_nouns")
ADVICE_AGAINST = _words("advice_against")


def _without_evidence(tok: Token) -> bool:
    """'gave no indication that it intended to expel diplomats', 'there is no sign that X attacked': a clause
    told of by a noun of evidence that is denied is not asserted; nor is one told of by a rumour ('rumours that
    the US had launched a strike', 'the rumours were that ...')."""
    while tok.dep_ in ("xcomp", "ccomp", "conj") and tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and _lemma(tok.head) == "be" and any(
                _lemma(x) in HEARSAY_NOUNS for c in tok.head.children if c.dep_ == "nsubj" for x in c.subtree):
            return True
        tok = tok.head
    if tok.dep_ in ("acl", "ccomp") and tok.head.pos_ == "NOUN" and _lemma(tok.head) in HEARSAY_NOUNS:
        return True
    if tok.dep_ not in ("acl", "ccomp") or tok.head.pos_ != "NOUN" or _lemma(tok.head) not in EVIDENCE_NOUNS:
        return False
    noun = tok.head
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # 'would not comment on reports that ...'
    return any(c.dep_ == "det" and c.lower_ in ("no", "little") for c in noun.children) or _negated(verb)


def _wished(tok: Token) -> bool:
    if _lemma(tok) in WISH_OBJECT:
        return True
    head = tok.head
    return tok.dep_ in ("xcomp", "ccomp") and _lemma(head) in WISH_HEADS and "would" in _aux(head)


EXPECTATION_HEADS = _words("expectation_heads")


def _expected_of_another(tok: Token) -> bool:
    """'delegates expect Indonesia to vote for it', 'he hoped the FCC would support it': an act one party
    expects of another is neither done nor the doer's stated intent ('Iran expects to sign' is)."""
    if tok.dep_ not in ("xcomp", "ccomp") or _lemma(tok.head) not in EXPECTATION_HEADS:
        return False
    doer = child(tok, "nsubj") or (child(tok.head, "dobj") if tok.dep_ == "xcomp" else None)
    return doer is not None and doer.i != getattr(child(tok.head, "nsubj"), "i", None)


def _generic(tok: Token) -> bool:
    """'it is legal to kill them', 'it is time to talk': an infinitive of an impersonal 'it is ...'."""
    head = tok.head
    if tok.dep_ not in ("xcomp", "ccomp"):
        return False
    if head.pos_ in ("ADJ", "NOUN") and head.dep_ in ("acomp", "attr"):
        head = head.head  # 'it is legal to kill' with the infinitive on the adjective
    elif not any(c.dep_ in ("acomp", "attr") for c in head.children):
        return False
    return head.lemma_ == "be" and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children)


def _anyone_who(tok: Token) -> bool:
    """'an amnesty to any fighter who surrenders', 'will arrest anyone who joins the march': the act of a
    relative clause on 'any X' or 'anyone', in the present, is a case a rule provides for, not an act done."""
    rel = tok
    while rel.dep_ == "conj" and rel.head.i != rel.i:
        rel = rel.head
    if rel.dep_ != "relcl" or rel.tag_ not in ("VBZ", "VBP", "VB"):
        return False
    head = rel.head
    return _anyone(head)


ANYONE = {"anyone", "anybody", "whoever", "whomever"}


def _anyone(noun: Token) -> bool:
    """'anyone', 'whoever', 'any soldier': whoever may come to be it, no one in particular."""
    return noun.lower_ in ANYONE or any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children)


def anyone_subject(tok: Token) -> bool:
    """'Anyone taking part in the march will be arrested', 'any soldier who deserts will be tried': a verb whose
    subject is whoever may come to do something; the act waits on what they do, like an if-clause."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    while subj is None and tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # 'will be arrested and prosecuted'
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and _anyone(subj)


def _negated_alternative(tok: Token) -> bool:
    """'would not raise the quota - or scrap the policy': a verb joined by 'or' to a negated one."""
    head = tok.head
    return tok.dep_ == "conj" and child(tok, "nsubj") is None and _negated(head) and any(
        c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children)


# Verbs of private opinion: 'X believes Y should apply' states a view, it makes no demand.
OPINION = _words("opinion")
# 'income should rise', 'the economy must resume growth': what a trend is expected to do; nobody is asked.
EXPECTATION_VERBS = _words("expectation_verbs")
# 'analyst X said the US should consider a tariff': a commentator's view of what should be done, no demand.
COMMENTATOR_NOUNS = _words("commentator_nouns")
# 'scholars say the president would veto it': a commentator's forecast of another's act, no one's intent.
FORECASTERS = _words("forecasters")


def _of_another(tok: Token) -> bool:
    """tok's clause has a subject of its own, named, not one that may point back to the speaker ('he', 'it')."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    own = child(t, "nsubj") or child(t, "nsubjpass")
    return own is not None and own.pos_ != "PRON"


def commentator(speaker: Token, titles: frozenset[str] = COMMENTATOR_NOUNS) -> bool:
    """'Energy analyst Edward Krapels', 'Smith, an economist at X': the speaker's title says commentator."""
    words = [speaker, *(c for c in speaker.children if c.dep_ in ("compound", "appos"))]
    return any(w.lemma_.lower() in titles for w in words)


def _obliged_above(tok: Token, frames: Frames) -> bool:
    """'should use the summit to intensify pressure': the must/should of the governing verb covers its
    infinitives and gerunds."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("xcomp", "advcl") or t.head.i == t.i:
            return False
        t = t.head
        if _aux(t) & frames.obligation_aux:
            return True
    return False


FIRST_PERSON = _words("first_person")


def _asked_by_noun(tok: Token, frames: Frames) -> bool:
    """'Trump's demand that Germany repatriate its citizens': the clause is what is asked, not what was done."""
    clause = asked_clause(tok.head, frames.demand_nouns) if tok.dep_ in ("acl", "relcl") else None
    return clause is not None and clause.i == tok.i


def in_quote(tok: Token, *, sentence: bool = False) -> bool:
    """tok stands inside quotation marks opened in its paragraph (with `sentence`, in its own sentence: where
    paragraphs run together, a stray mark earlier on would put the rest of the article in quotes)."""
    text = tok.doc.text
    start = tok.sent.start_char if sentence else text.rfind("\n", 0, tok.idx) + 1
    before = text[start : tok.idx]
    opened = before.count("\u201c") - before.count("\u201d")
    if opened > 0 or before.count('"') % 2 == 1:
        return True
    # Single marks are also apostrophes: only a pair around the word within its sentence counts.
    sent = tok.sent
    return _single_quotes_open(text[sent.start_char : tok.idx + 1]) and _single_quote_closes(
        text[tok.idx : sent.end_char])


def _single_quote_closes(after: str) -> bool:
    """A single closing mark after the punctuation that ends quoted words ("...with Poland,' Rutte said")."""
    return any(ch in "'\u2019" and i and after[i - 1] in ".,!?;:" for i, ch in enumerate(after))


def _single_quotes_open(before: str) -> bool:
    """British single quotation marks left open ("'We stand with Poland,' Rutte said"), told from apostrophes: a mark
    opens where a word starts after a space, and closes after the punctuation that ends quoted words (',' '.' ...);
    'Egypt's' and 'the soldiers' families' are neither."""
    opened = 0
    for i, ch in enumerate(before[:-1]):  # (the last character is the word's own first, to look ahead at)
        if ch not in "'\u2018\u2019":
            continue
        after, prev = before[i + 1], (before[i - 1] if i else " ")
        if ch != "\u2019" and (prev.isspace() or prev in "([\u2014\u2013") and after.isalnum():
            opened += 1
        elif ch != "\u2018" and prev in ".,!?;:" and opened:
            opened -= 1
    return opened > 0


def _first_person(tok: Token) -> bool:
    """The writer's own doings ('I met him in Goma', 'we visited the camp', 'he told me'), outside quotes."""
    t = tok
    while t.dep_ in ("xcomp", "advcl", "conj", "pcomp", "prep") and t.head.i != t.i and t.i != t.head.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            break
        t = t.head
    args = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    args += [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    # 'US' is a country, not 'us'.
    return any(a.lower_ in FIRST_PERSON and (a.text == "I" or not a.text.isupper()) for a in args) and not (
        in_quote(tok))


# 'We want Trump to strike', 'hopes the US will attack', 'tried to storm': wished or attempted, not done.
DESIRE = _words("desire")

# 'allowed the WFP to deliver food', 'authorized police to detain him': leave to act, the act is not reported
# (the permission itself is coded by its own rows: 'allowed aid into Gaza').
PERMIT = _words("permit")


# Adjectives whose infinitive is a likelihood or a disposition, not an act: 'the district likely to be
# shelled', 'are happy to discuss sanctions', 'ready to help'.
DISPOSED = _words("disposed")


# 'gunmen tried to storm the compound': violence attempted is violence done (CAMEO 185, PLOVER ASSAULT).
ATTEMPT_VERBS = _words("attempt_verbs")

# 'intends to continue supplying grain': verbs that carry a framed act on unchanged; the frame reaches through them.
CARRYING_ON_VERBS = _words("carrying_on_verbs")

# Words of beginning an act ('the opening of an inquiry', 'the launch of talks', as crude lemmas): what is begun is
# the act, and whoever begins it its doer.
STARTING_WORDS = _words("starting_words")


def _attempted(anchor: Token) -> bool:
    """The act is the direct complement of an attempt made in the past ('tried to kill', 'attempted to seize')."""
    head = anchor.head
    return (
        anchor.dep_ == "xcomp"
        and head.lemma_.lower() in ATTEMPT_VERBS
        and head.tag_ in ("VBD", "VBN")
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    )


def _desired_above(anchor: Token) -> bool:
    """The act is the complement of a wish, an attempt, a permission or a likelihood, however deep: 'urged
    Canada to do more to support X', 'tried to persuade the militants to disarm', 'need to be tried and held'."""
    t = anchor
    for _ in range(5):
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children)
        if t.dep_ not in ("xcomp", "ccomp") and not (t.dep_ == "advcl" and infinitive):
            return False
        if t.dep_ == "xcomp" and infinitive and _lemma(t.head) == "look":
            return True  # 'is not looking to grant waivers' (not 'should look at sanctions to force them')
        t = t.head
        if _lemma(t) == "let" and _lemma(anchor) in ("free", "go", "loose"):
            return False  # 'let free 74 political leaders': a release done, not leave given
        if _lemma(t) in DESIRE | PERMIT or (t.pos_ == "ADJ" and t.lower_ in DISPOSED):
            return True
    return False


# Nouns whose 'of'/'in' phrase is an event in view, not one done: 'the prospect of an offensive', 'saw
# advantages in defeating the gang', 'the risk of war'. (A 'threat of X' is coded by its own rows.)
PROSPECT = _words("prospect")


# Verbs that hold a prospect out to another: 'raised the prospect of sanctions against X' is a threat (coded
# by its own rows through the act held out), not a prospect seen; what is hinted at is not done.
HELD_OUT = _words("held_out")


def _in_prospect(anchor: Token) -> bool:
    if anchor.pos_ == "NOUN" and anchor.lemma_.lower() in PROSPECT:
        # the governor of an event noun ('the prospect of an offensive') anchors it
        return not (anchor.dep_ == "dobj" and _lemma(anchor.head) in HELD_OUT)
    head = anchor.head
    if anchor.dep_ == "nsubj" and _lemma(head) == "be" and any(
            c.dep_ == "attr" and _lemma(c) in PROSPECT for c in head.children):
        return True  # 'direct clashes are now a distinct possibility', 'a new strike is a real risk'
    return anchor.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ in ("of", "in") and (
        head.head.lemma_.lower() in PROSPECT)


def _for_to(anchor: Token) -> bool:
    """'called for the AU to deploy monitors', 'paved the way for X to attack': a for-to clause is not done."""
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in anchor.children) and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in anchor.children)


# Time nouns that 'next' puts ahead: 'talks in Geneva next week'.
AHEAD_UNITS = _words("ahead_units")
# Days that set an act ahead by themselves: 'ministers resume talks tomorrow'.
AHEAD_DAYS = _words("ahead_days")
# An event noun's infinitive that schedules it: 'a summit to be held in Nairobi', 'talks to take place'.
SCHEDULING = _words("scheduling")


def _date_ahead(unit: Token) -> bool:
    """'next week' sets a date; 'for the next eight weeks' is how long, and may start now."""
    if unit.lemma_.lower() not in AHEAD_UNITS and unit.ent_type_ != "DATE":
        return False
    span = unit.dep_ == "pobj" and unit.head.lower_ in ("for", "over", "during", "within", "throughout")
    return not span and not any(c.dep_ == "nummod" for c in unit.children)


# Words that set an event against another's time ('ahead of a verdict expected next week', 'before talks next
# month'): what follows dates the other event.
OTHER_EVENT_TIME = _words("other_event_time")


def _ahead(anchor: Token) -> bool:
    """The event is set for later: 'a summit to be held on Monday', 'convening talks next week'."""
    if anchor.pos_ == "NOUN" and any(
        c.dep_ == "acl" and c.lemma_.lower() in SCHEDULING and any(a.tag_ == "TO" for a in c.children)
        for c in anchor.children
    ):
        return True
    # The anchor's own clause: a noun and its verb's other arguments, or a verb's arguments, not the clauses
    # hanging off them ('met on Monday and said talks would resume next week').
    clausal = ("ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "xcomp", "csubj")
    base = anchor.head if anchor.pos_ == "NOUN" else anchor
    scope = [c for c in base.children if c.dep_ not in clausal] + ([anchor] if anchor.pos_ == "NOUN" else [])

    def own(t: Token) -> bool:
        # 'was authorised ahead of a verdict expected next week': the time of another event, set against it
        return not (t.dep_ in ("prep", "advmod") and t.lower_ in OTHER_EVENT_TIME)

    stack = [t for t in scope if own(t)]
    while stack:
        t = stack.pop()
        if (t.lower_ == "next" and t.dep_ == "amod" and _date_ahead(t.head)) or (
                t.lower_ in AHEAD_DAYS and t.dep_ in ("npadvmod", "advmod") and t.head.i in (base.i, anchor.i)):
            return True  # ('praised the inquiry, which opens tomorrow': the inquiry's day, not the praise's)
        stack += [c for c in t.children if own(c)]
    return False


# Days and spans that, on a verb told in the present, set a timetable: 'travels to Moscow on Thursday'.
SCHEDULE_DAYS = _words("schedule_days")


def _scheduled_present(anchor: Token) -> bool:
    """'The foreign minister travels to Moscow on Thursday for talks': news tells a day's past act in the past
    tense, so a present one with its day is a timetable, still to come. A headline's
    present ('Putin meets Erdogan') tells what happened; a noun takes the tense of the verb it hangs on ('holds
    talks on Monday')."""
    verb = anchor
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("dobj", "pobj", "prep", "nsubj", "attr") \
            and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    # ('is hosting a summit on Tuesday' may be under way that day; 'petitioned' tagged as a present is a past)
    present = verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and not (
        verb.lower_.endswith("ed") and not verb.lower_.endswith("eed"))
    if not present or headline_line(verb.sent):
        return False

    def day(t: Token) -> bool:
        if t.lower_ in SCHEDULE_DAYS:
            return True
        # 'meets Xi this week': the span the timetable falls in
        return t.lemma_.lower() in AHEAD_UNITS and any(c.dep_ == "det" and c.lower_ == "this" for c in t.children)

    for c in verb.children:
        if c.dep_ == "npadvmod" and day(c):
            return True
        if c.dep_ == "prep" and c.lower_ == "on" and any(g.dep_ == "pobj" and day(g) for g in c.children):
            return True
    return False


def _to_be_done(tok: Token) -> bool:
    """'Germany is to impose sanctions', the headline's 'EU to send aid to Gaza' and 'Armenia, Azerbaijan to sign
    treaty, says Michel': an infinitive with a subject of its own, or one that 'be' carries, tells what is still
    to come."""
    if tok.tag_ != "VB" or infinitive_to(tok) is None:
        return False
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "be":
        # ('Israel was to blame' is a judgement)
        return _lemma(tok) not in BE_TO_IDIOMS and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children)
    # A clause put after its verb ('welcomed Putin to mediate', 'implored the government to accept') is asked of
    # its subject, not announced; a sentence ending in a full stop is no headline, and an infinitive at its root
    # there is a misread verb.
    headline = tok.dep_ == "ROOT" and headline_line(tok.sent)
    return (headline or (tok.dep_ == "ccomp" and tok.i < tok.head.i)) and not any(
        c.dep_ == "mark" for c in tok.children) and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def modal_carrier(tok: Token) -> Token:
    """The verb whose auxiliaries carry tok's modality: 'would not hesitate to strike' is a strike the speaker's
    side says it would make ('would'); the negated 'hesitate' holds nothing back."""
    if _hesitated(tok) and _negated(tok.head):
        return tok.head
    return tok


def _hesitated(tok: Token) -> bool:
    """tok is what its subject hesitates (or does not hesitate) to do: 'hesitate to ask', 'would not hesitate to
    strike' (the parser hangs the infinitive as a complement or as a clause of purpose)."""
    return _lemma(tok.head) == "hesitate" and (tok.dep_ == "xcomp" or (
        tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)))


def _means_of_asked(tok: Token) -> bool:
    """'expected the US to show goodwill by terminating its ties with the YPG': the means ('by ...') of what one
    side asks or expects another to do (an infinitive whose doer is the governing verb's object) is not done."""
    if tok.dep_ != "pcomp" or tok.head.lower_ not in ("by", "through"):
        return False
    inf = tok.head.head
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in inf.children):
        return False
    # 'urged the US to show' (the asked one as object) or 'expected the US to show' (as the clause's subject)
    return (inf.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in inf.head.children)) or (
        inf.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in inf.children))


OCCURRENCE_VERBS = _words("occurrence_verbs")
CHARGING_VERBS = _words("charging_verbs")
# 'on the sidelines of the G20 summit', 'at the margins of a meeting': an event named as the occasion of another.
SETTING_NOUNS = _words("setting_nouns")


def _did_not_occur(noun: Token) -> bool:
    """'A meeting between X and Y never took place', 'the talks did not happen': the event noun is the subject of a
    negated verb of happening."""
    if noun.dep_ != "nsubj" or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = noun.head
    said = _lemma(verb) in OCCURRENCE_VERBS or (
        _lemma(verb) == "take" and any(c.dep_ == "dobj" and _lemma(c) in OCCURRENCE_VERBS for c in verb.children))
    return said and _negated(verb)


def modality(anchor: Token, frames: Frames) -> Modality:
    m = Modality()
    aux = _aux(modal_carrier(anchor))
    m.negated = _negated(anchor) or _negated_alternative(anchor) or _did_not_occur(anchor)
    m.conditional = _conditional(anchor, frames)
    m.hypothetical = bool(aux & frames.hypothetical_aux) or _hypothetical_above(anchor, frames)
    if "have" in aux and aux & (frames.reported_future_aux | frames.obligation_aux):
        # 'a resolution that would have pressured Iran', 'should have released them': a counterfactual
        # or a reproach; the act did not happen.
        m.hypothetical = True
    if not m.hypothetical and _attempted(anchor):
        m.attempted = True
    if _desired_above(anchor) or _in_prospect(anchor) or _for_to(anchor):
        m.hypothetical = True
    if anchor.dep_ == "pcomp":  # a gerund in a phrase: what the word the phrase hangs on says of it
        prep, governor = anchor.head, _lemma(anchor.head.head)
        if prep.dep_ == "prep" and (governor in DESIRE or governor in HELD_OUT):
            m.hypothetical = True  # 'aimed at punishing', 'dreams of attacking', 'hinted at relaxing the ban'
        if prep.lower_ == "for" and governor in CHARGING_VERBS:
            m.hypothetical = True  # 'was held for spying for X': the reason is alleged, not reported
        if prep.lower_ == "against" and governor in ADVICE_AGAINST:
            m.hypothetical = True  # 'cautioned against seeking quick fixes': argued against, not done
    if _means_of_asked(anchor):
        m.hypothetical = True  # 'urged the US to show goodwill by terminating its ties': asked of another, not done
    if _hesitated(anchor) and not _negated(anchor.head):
        m.hypothetical = True  # 'I hesitate to ask a poor country to take more': held back, not done
    if anchor.dep_ == "xcomp" and anchor.head.pos_ == "ADJ" and _lemma(anchor.head) in CAPACITY_ADJECTIVES and (
            anchor.head.head.tag_ != "VBD"):
        m.hypothetical = True  # 'will be able to support', 'is capable of striking': a capacity ('was able to' did)
    m.obligation = bool(aux & frames.obligation_aux)
    m.future = bool(aux & (frames.future_aux | frames.reported_future_aux)) or _going_to(anchor)
    dared = anchor
    while dared.dep_ == "conj" and dared.head.i != dared.i:
        dared = dared.head
    if dared.dep_ == "xcomp" and dared.head.lemma_.lower() == "dare" and (
            _negated(dared.head) or _aux(dared.head) & frames.hypothetical_aux):
        m.hypothetical = True  # 'would not dare to bomb the town and burn its fields': not done
    if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in ("fail", "refrain", "cease", "unable", "decline"):
        m.negated = True  # 'failed to reach agreement' did not happen
        m.failed = anchor.head.lemma_.lower() == "fail"
    elif anchor.dep_ == "xcomp" and not m.future:
        # 'X is expected/set/due to visit' - the head carries the tense.
        head = anchor.head
        if head.lemma_.lower() in SCHEDULED:
            m.future = True
            m.negated = m.negated or _negated(head)
    if not m.future and _lemma(anchor) in SCHEDULED and anchor.tag_ == "VBN" and anchor.dep_ != "amod" and any(
            c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'s") for c in anchor.children):
        m.future = True  # 'the next summit is scheduled for February': still to come
    if not m.future and _purpose_of_future(anchor, frames):
        m.future = True  # 'are due to meet on Friday to discuss Idlib': the talks are still to come
    m.future = m.future or _ahead(anchor) or _to_be_done(modal_carrier(anchor)) or _scheduled_present(anchor)
    m.speaker, m.speech_verb = speech_frame(anchor, frames)
    if m.future and m.speaker is not None and _of_another(anchor) and (
            commentator(m.speaker, FORECASTERS) or m.speech_verb.lemma_.lower() in OPINION):
        # 'scholars say the president would veto any such bill', 'Britain believed an IMF programme would help': a
        # forecast of another's act, no one's intent ('Chile expects to sign' is its own)
        m.hypothetical = True
    # 'have yet to endorse the plan': not done so far, and no refusal either
    yet = anchor.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in anchor.head.children)
    m.denied = yet or _nobody_did(anchor) or _denied(anchor)
    m.hypothetical = m.hypothetical or _purpose(anchor) or _hypothetical_event_noun(anchor, frames) or _told_of(
        anchor) or (
        _wished(anchor) or _generic(anchor) or _anyone_who(anchor) or _unreal_noun(anchor) or _graded_readiness(anchor)
        or _expected_of_another(anchor))
    m.obligation = m.obligation or _obliged_above(anchor, frames)
    if m.obligation and m.speech_verb is not None and m.speech_verb.lemma_.lower() in OPINION:
        # 'X believes Y should apply': an opinion, not a demand made in public.
        m.speaker = None
    if _asked_by_noun(anchor, frames) or _without_evidence(anchor):
        m.hypothetical = True
    m.first_person = _first_person(anchor)
    kind = _background(anchor) or ("description" if _describing(anchor) else None)
    m.background = kind is not None
    m.recalled = kind in RECALL_MARKS
    m.opinion = _view_shared(anchor)
    m.money_purpose = _money_purpose(anchor)
    return m


def _view_shared(tok: Token) -> bool:
    """'agreed that the regime is to blame', 'concurred that it was not so different': assent to a statement
    of fact shares a view. Assent to what is to be done stays an agreement ('agreed that talks should
    resume'; 'agreed to talks')."""
    if _lemma(tok) not in ASSENT_VERBS:
        return False
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if clause is None or any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in clause.children):
        return False
    return clause.tag_ in ("VBZ", "VBP", "VBD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP", "VBD") for c in clause.children)


def adjust_code(code: str, m: Modality, frames: Frames) -> tuple[str | None, str]:
    """The code an event gets under its modality, or None when it is not to be coded; and a tag for `rule`."""
    root = code[:2]
    if m.conditional:
        return None, "conditional"
    if m.hypothetical:
        if m.attempted and root in VIOLENT_ROOTS and not (m.negated or m.conditional):
            return ("185" if code == "186" else code), "attempt"
        return None, "hypothetical"
    if m.money_purpose and root != "07":
        return None, "purpose"
    if m.background:
        return None, "background"
    if m.denied:
        return None, "denied"
    if m.first_person:
        return None, "first-person"
    if m.opinion:
        return None, "opinion"
    if m.negated:
        # 'will not lift the embargo', 'did not give permission', 'did not agree to talks': a refusal
        # (12x). A denied act of any other kind ('did not attack') is simply not coded.
        if m.failed:
            # 'X and Y failed to reach agreement': the parties turned each other's terms down (127). 'Failed to
            # help the rebels' is no help, and no refusal either.
            return (frames.map_code("reject", code), "refuse") if code.startswith("057") else (None, "negated")
        if root in frames.cooperative_roots and (m.future or root in ("03", "07", "08")):
            return frames.map_code("reject", code), "refuse"
        return None, "negated"
    if m.future:
        if root in frames.cooperative_roots and root != "03":
            return frames.map_code("intent", code), "intent"
        if root in frames.conflict_roots:
            return frames.map_code("threat", code), "threat"
        if root in frames.unfulfilled_future_roots:
            return None, "future"  # 'the union will demand a raise': nothing is demanded yet
        return code, "future"
    if m.obligation:
        if m.speaker is not None:
            return frames.map_code("demand", code), "demand"
        return None, "obligation"
    return code, ""
