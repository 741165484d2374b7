"""Small dependency-parse helpers the coder shares: subjects, objects, noun-phrase spans, conjuncts.

They read spaCy's English (ClearNLP-style) labels: nsubj, nsubjpass, agent, dobj, dative, prep/pobj, xcomp ...
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from .pattern_table import word_sets

SUBJ = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
NOMINAL = ("NOUN", "PROPN", "PRON", "NUM", "X")
RELATIVE = {"who", "which", "that", "whom", "whose"}
# Nouns a to-clause can hang on without being its doer: 'an attempt to kill him', 'efforts to repatriate'.
ABSTRACT_HEADS = {"attempt", "effort", "plan", "campaign", "bid", "move", "decision", "need", "way", "right",
                  "ability", "chance", "opportunity", "order", "call", "push", "drive", "pressure", "threat",
                  "promise", "pledge", "offer", "proposal", "request", "demand", "deal", "agreement", "failure",
                  "refusal", "readiness", "willingness", "intention", "aim", "goal", "target", "mission",
                  "operation", "process", "strategy", "policy", "time", "reason", "commitment",
                  # 'granted the DSS permission to detain him': leave to act is not the act
                  "permission", "authorization", "authorisation", "mandate", "approval", "go-ahead",
                  "license", "licence"}
# Abstract heads whose infinitive reports an act taken, not one only meant: 'X's decision to expel'.
DECISION_HEADS = {"decision", "move"}
# Things an actor issues that then 'say' or 'do' what the actor does: 'issued a statement condemning X',
# 'filed a lawsuit accusing Y', 'passed a resolution criticizing Z'.
DOCUMENT_NOUNS = {"statement", "report", "resolution", "lawsuit", "suit", "letter", "complaint", "petition",
                  "motion", "bill", "communique", "declaration", "message", "note", "memo", "ruling", "verdict",
                  "order", "decree", "video", "tweet", "post", "editorial", "article", "announcement"}
# Gatherings whose demands are their content, coded as the protest itself (CAMEO 14x: demonstrate for a
# cause): 'staged a protest demanding', 'held a rally calling for'. The demand has no agent of its own.
GATHERING_NOUNS = {"protest", "rally", "demonstration", "march", "strike", "sit-in", "vigil", "walkout"}
# 'withdrew some of its troops', 'released dozens of prisoners': the "of" noun says what.
QUANTIFIERS = {"some", "all", "most", "many", "part", "number", "thousand", "hundred", "dozen", "million", "ten",
               "score", "rest", "half", "majority", "several", "few", "group", "batch", "one", "two", "three",
               "state", "worth", "ton", "tonne", "shipment", "consignment", "load", "package", "dose",
               "round", "raft", "series", "slew", "host", "string", "euro", "dollar", "team", "wave"}
# 'lifted the state of emergency', '$4 million worth of equipment', 'a raft of curbs', '500 million euros of debt'
# Subjects of photo captions that name the doer in apposition.
CAPTION_NOUNS = {"photo", "image", "picture", "file", "footage"}
# Children that do not belong to the actor's own name: clauses about it, asides, the next conjunct.
INNER_PUNCT = {"-", "‐", "–", ".", "&", "'"}
SPAN_CUT = {"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "parataxis", "prep_verb"}
# A dateline ends at one of these: 'KABUL (Pajhwok) : ...', 'MOGADISHU, Somalia -- ...', 'Cebu City--Police ...'.
# Adverbs that are a phrasal verb's particle when they follow it ('stepped down', 'backed off').
ADVERB_PARTICLES = {"down", "back", "up", "off", "out", "away", "in"}
DATELINE_SEPARATORS = {"-", "--", "—", "–", ":", "---"}
DATELINE_MAX = 16  # tokens: place, country, full date and agency ("GULU, Uganda, May 2, 2009 (AFP) -")


def dateline_end(tok: Token) -> int:
    """Index of the first token after a dateline at the start of tok's sentence ('ALGIERS, Algeria - Police
    arrested ...' -> the index of 'Police'), or the sentence start when there is none. A dateline is names,
    numbers and brackets closed by a dash or colon, with the sentence going on after it."""
    sent = tok.sent
    start = sent.start
    doc = tok.doc
    seen_name = False
    labels = word_sets()["copy_labels"]
    for t in doc[start : min(sent.end, start + DATELINE_MAX)]:
        if t.text == ")" and seen_name and _agency_close(t):
            return t.i + 1  # 'New Delhi, June 18 (PTI) India has ...': some agencies close with the bracket
        if (t.text in DATELINE_SEPARATORS or (t.is_punct and t.text.endswith(":"))) and t.i > start and seen_name:
            spaced = t.text != "-" or doc[t.i - 1].whitespace_ or t.i == start
            if spaced and sent.end - t.i > 3:
                return t.i + 1
            return start
        if t.pos_ == "PROPN" or t.is_upper or t.ent_type_ in ("GPE", "DATE", "ORG") or (
                t.lower_ in labels or ":" in t.text[1:-1]):
            seen_name = True  # ('Live updates, 18:05: ...': a label and a time close like a dateline)
        elif not (t.is_punct or t.like_num or t.pos_ == "NUM"):
            return start
    return start


def _agency_close(t: Token) -> bool:
    """The ')' of a dateline's agency with no dash after it: a short bracket, after a comma ('New Delhi, June
    18 (PTI)') or an upper-case place ('ISLAMABAD (APP)'), and a capitalised sentence going on after it."""
    doc, sent = t.doc, t.sent
    opening = next((o for o in doc[max(sent.start, t.i - 4) : t.i] if o.text == "("), None)
    if opening is None or t.i + 4 > sent.end:
        return False
    after = doc[t.i + 1]
    if after.is_punct or not after.text[:1].isupper():
        return False
    before = doc[sent.start : opening.i]
    return any(x.text == "," for x in before) or doc[sent.start].is_upper


def if_clause(tok: Token, marks: Iterable[str] = ("if", "unless")) -> Token | None:
    """tok's own condition clause: 'would be arrested [if they marched]', 'will face consequences [if ...]'."""
    wanted = set(marks)
    for c in children(tok, "advcl"):
        if any(m.dep_ == "mark" and m.lower_ in wanted for m in c.children):
            return c
        if "should" in wanted and inverted_condition(c):
            return c
    return None


def inversion(tok: Token) -> Token | None:
    """The word before the clause's subject that makes it a condition with no 'if' written: the 'should' of
    'should Tehran enrich uranium', the 'had' of 'had Washington imposed sanctions', or the clause's own 'were'
    ('Were Brussels to impose tariffs, ...'). None in a clause of plain order."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    inverting = word_sets()["inverting_aux"]
    if tok.lower_ in inverting and tok.lemma_.lower() in ("be", "have") and tok.i < subj.i:
        return tok
    return next((c for c in tok.children
                 if c.dep_ in ("aux", "auxpass") and c.lower_ in inverting and c.i < subj.i), None)


def inverted_condition(tok: Token) -> bool:
    """A clause whose 'should', 'had' or 'were' comes before its subject is a condition, not a demand."""
    return inversion(tok) is not None


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in tok.children) or misparsed_passive(tok)


def misparsed_passive(tok: Token) -> bool:
    """'militias that, armed by Qatar, held out': a participle with a by-phrase and no auxiliary is passive,
    though the small parser gives it an active subject (which is the one acted on)."""
    return (
        tok.tag_ == "VBN" and child(tok, "nsubj") is not None and child(tok, "agent") is not None
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    )


def participle(tok: Token) -> bool:
    """A past participle, also where the tagger calls it a past tense: a verb hanging off a noun with no
    subject of its own ('a pastor detained for two years') cannot be finite, unless that noun heads the whole
    sentence ('Smith, a tycoon, called for ...' parsed with the name as root: the verb is the main one)."""
    return tok.tag_ == "VBN" or (
        tok.tag_ == "VBD" and tok.dep_ == "acl" and child(tok, "nsubj") is None and tok.head.dep_ != "ROOT"
    )


def child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def infinitive_to(verb: Token) -> Token | None:
    """The 'to' of an infinitive ('urged X to withdraw': 'to' of 'withdraw')."""
    return next((a for a in verb.children if a.dep_ == "aux" and a.lower_ == "to"), None)


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _by_object(tok: Token) -> Token | None:
    """The object of the first by-phrase hung on tok ('named an unwelcome guest [by the host]')."""
    by = next((b for b in tok.children if b.dep_ in ("prep", "agent") and b.lower_ == "by"), None)
    return child(by, "pobj") if by is not None else None


def _active_complements(c: Token) -> list[Token]:
    """The verb a passive verb's child `c` brings in: its infinitive ('ordered [to leave]') or the gerund of its
    of-phrase ('accused of [rigging]')."""
    if c.dep_ == "xcomp":
        return [c]
    if c.dep_ == "prep" and c.lower_ == "of":
        return [g for g in children(c, "pcomp") if g.tag_ == "VBG"]
    return []


def agent(tok: Token) -> Token | None:
    """The `by` phrase of a passive verb (spaCy labels it agent) -> its object. The parser sometimes hangs
    it on the verb's prepositional object ('was recognized as a state by Kenya')."""
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and is_passive(tok)):
            obj = child(c, "pobj")
            if obj is not None:
                return obj
    if is_passive(tok):
        for c in tok.children:
            if c.dep_ == "oprd":
                # 'were declared persona non grata by Estonia': or on the verb's second object
                obj = _by_object(c)
                if obj is not None:
                    return obj
            if c.dep_ == "prep":
                for p in children(c, "pobj"):
                    for b in p.children:
                        if b.dep_ == "prep" and b.lower_ == "by":
                            obj = child(b, "pobj")
                            if obj is not None:
                                return obj
        for c in tok.children:
            # 'were ordered to leave the country by the government': the parser hangs the by-phrase on the
            # active infinitive the passive verb governs ('were asked to be questioned by police' keeps its
            # own), or on the gerund of its of-phrase ('was accused of rigging the tally by the opposition
            # leader'). 'by bombing the town' names a means, not a doer.
            for v in _active_complements(c):
                if is_passive(v):
                    continue
                obj = _by_object(v)
                if obj is not None and obj.pos_ != "VERB" and obj.ent_type_ not in ("DATE", "TIME") and (
                        obj.lemma_.lower() not in word_sets()["by_times"]):
                    return obj
        for c in tok.children:
            # 'were tortured and beaten by militia guards': passive verbs sharing a subject share the by-phrase
            by = child(c, "agent")
            if c.dep_ == "conj" and c.tag_ == "VBN" and by is not None and (
                    child(c, "nsubj", "nsubjpass", "aux", "auxpass") is None):
                return child(by, "pobj")
    return None


def out_of(tok: Token) -> Token | None:
    """The 'of' of 'pulled out of the deal', 'walked out of the talks': spaCy makes 'out' a preposition
    with 'of' under it, where the wording is the particle 'out' and the preposition 'of'."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "out" and not children(c, "pobj"):
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ == "of":
                    return g
    return None


def particles(tok: Token) -> set[str]:
    """Lemmas of the verb's particles, 'out' of 'out of' included, and an adverb of the closed particle set
    right after the verb: the parser tags 'stepped down', 'rolled back' with an advmod as often as a prt."""
    found = {c.lemma_.lower() for c in tok.children if c.dep_ == "prt"}
    found |= {c.lower_ for c in tok.children
              if c.dep_ == "advmod" and c.i == tok.i + 1 and c.lower_ in ADVERB_PARTICLES}
    return found | {"out"} if out_of(tok) is not None else found


def preps(tok: Token) -> list[Token]:
    """The prepositions on tok, the 'of' of 'out of' read as tok's own."""
    found = [c for c in tok.children if c.dep_ in ("prep", "agent", "dative")]
    of = out_of(tok)
    return found + [of] if of is not None else found


def prep_objects(tok: Token, prep: str) -> list[Token]:
    """Objects of the preposition `prep` attached to tok ('talks with X' -> X); 'on Friday' is a date,
    not an argument."""
    out = []
    for c in preps(tok):
        if c.lower_ == prep:
            out.extend(p for p in children(c, "pobj", "pcomp") if p.ent_type_ not in ("DATE", "TIME"))
    return out


def noun_agent(noun: Token) -> Token | None:
    """The by-phrase of an event noun: 'an attack by X', and 'the arrest of Y by X' where the parser hangs the
    by-phrase on the noun's of-object."""
    found = prep_objects(noun, "by")
    if found:
        return found[0]
    objs = prep_objects(noun, "of")
    # 'the delivery of 30 tonnes of medicine by the WHO': the by-phrase may hang one of-phrase further down
    for obj in objs + [o for x in objs for o in prep_objects(x, "of")]:
        found = [p for p in prep_objects(obj, "by") if p.pos_ in ("NOUN", "PROPN")]
        if found:
            return found[0]
    return None


# British and American endings of one word ('mobilise' / 'mobilize'), longest first.
SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("yse", "yze"))


def _respell(word: str, endings: Iterable[tuple[str, str]]) -> str:
    for old, new in endings:
        if word.endswith(old) and len(word) > len(old) + 2:
            return word[: -len(old)] + new
    return word


def american_spelling(word: str) -> str:
    """'mobilise' -> 'mobilize', 'mobilisation' -> 'mobilization', 'analyse' -> 'analyze'."""
    return _respell(word, SPELLINGS)


def british_spelling(word: str) -> str:
    """The -ise form a British writer uses for an -ize word ('mobilize' -> 'mobilise')."""
    return _respell(word, ((american, british) for british, american in SPELLINGS))


def lemma_variants(tok: Token) -> set[str]:
    """The lemma, plus crude lemmas of the surface form: the small model mislemmatizes some verbs
    ('staged' -> 'stag'), and a governing-verb test should not fail on that."""
    low = tok.lower_
    out = {tok.lemma_.lower(), low}
    if low.endswith("ed"):
        out |= {low[:-1], low[:-2]}
        if len(low) > 5 and low[-3] == low[-4]:
            out.add(low[:-3])  # 'extolled' -> 'extol'
    elif low.endswith("ing"):
        out |= {low[:-3], low[:-3] + "e"}
    elif low.endswith("s"):
        out.add(low[:-1])
    return out


def mandative(clause: Token) -> bool:
    """'demanded that he resign / should resign': the clause states what is asked, not a fact
    ('insists it is enforcing the sanctions' reports one)."""
    bare = clause.tag_ in ("VB", "VBP", "NN") or (
        clause.tag_ == "VBD" and clause.lower_ == clause.lemma_.lower()  # 'demanded that X cut off aid'
    )
    if bare and not any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in clause.children)


def asked_clause(noun: Token, nouns: frozenset[str] | set[str]) -> Token | None:
    """'Trump's demand that Germany repatriate its citizens': the that-clause on a noun of asking (`nouns`),
    which states what is asked, not what was done."""
    if noun.lemma_.lower() not in nouns:
        return None
    for c in noun.children:
        that = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        if c.dep_ in ("acl", "relcl") and that and mandative(c):
            return c
    return None


def reduced_passive(tok: Token) -> bool:
    """A passive participle after the noun it is done to: 'forces backed by Turkey', 'the regime, supported by
    Iran,', 'a deal brokered by Qatar'; or put, with its by-phrase, before the clause whose subject it is done to
    ('Ratified by the Senate, the treaty ...')."""
    # An object of its own makes it active ('troops controlling the town'), unless a by-phrase says passive
    # ('the journalist taken hostage by Isis').
    by_phrase = child(tok, "agent") is not None
    own = any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") or (c.dep_ == "dobj" and not by_phrase)
              for c in tok.children)
    if tok.dep_ == "conj" and participle(tok) and not own and tok.head.i != tok.i:
        return reduced_passive(tok.head)  # 'the Christians, expelled and killed by Isis': each is done to them
    if tok.dep_ == "advcl" and participle(tok) and by_phrase and not own and tok.i < tok.head.i:
        # 'Ratified by Paraguay's Senate last week, the treaty will govern ...': a participle put before the clause
        # is done to the clause's subject
        return _subject_after_participle(tok) is not None
    return tok.dep_ == "acl" and participle(tok) and tok.head.pos_ in NOMINAL and tok.head.i < tok.i and not own


def _subject_after_participle(tok: Token) -> Token | None:
    """The subject of the clause a participle is put before, when it comes after the participle."""
    subj = child(tok.head, "nsubj", "nsubjpass")
    return subj if subj is not None and subj.i > tok.i else None


def _passive_noun(tok: Token) -> Token:
    """The noun a reduced passive is done to: its head, past any participles conjoined before it."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "advcl":
        return _subject_after_participle(tok) or tok.head
    return tok.head


def bare_participle(tok: Token) -> bool:
    """'500 wounded': a participle with neither auxiliary nor subject of its own."""
    return tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)


def verbless_passive(tok: Token) -> bool:
    """A participle with its noun before it and no auxiliary in a verbless list: '40 dead and five hospitals
    bombed'. The noun is what was done to, not the doer. (A finite verb the tagger calls a participle, 'Trump
    on Tuesday reneged on ...', heads its own clause: only a participle joined to a verbless head counts.)"""
    head = tok.head
    if tok.tag_ != "VBN" or tok.dep_ != "conj":
        return False
    # 'two guards had been shot and a driver wounded': the passive's auxiliaries carry over the gap.
    gapped = is_passive(head) and child(head, "auxpass") is not None
    if head.pos_ in ("VERB", "AUX") and not bare_participle(head) and not gapped:
        return False
    subj = child(tok, "nsubj")
    return subj is not None and subj.i < tok.i and not any(
        c.dep_ in ("aux", "auxpass", "dobj", "obj") for c in tok.children
    )


def direct_object(tok: Token) -> Token | None:
    if misparsed_passive(tok):
        return child(tok, "nsubj")
    if is_passive(tok):
        return child(tok, *PASSIVE_SUBJ)
    if reduced_passive(tok):
        return _passive_noun(tok)
    if verbless_passive(tok):
        return child(tok, "nsubj")
    return child(tok, "dobj", "obj") or _what_it_called(tok)


# 'condemned what it called the demolition of homes': verbs by which a speaker names what is acted on.
NAMING_VERBS = frozenset({"call", "describe", "term", "label", "dub", "brand", "characterise", "characterize"})


def _what_it_called(verb: Token) -> Token | None:
    """'condemned what it called an unconstitutional seizure of power', 'denounced what it described as a
    campaign of torture': the object is what the speaker names, in the clause of 'what'."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.lemma_.lower() in NAMING_VERBS and any(
                w.lower_ == "what" and w.dep_ in ("dobj", "nsubjpass") for w in c.children):
            return child(c, "oprd") or next(iter(prep_objects(c, "as")), None)
    return None


def clause_object(tok: Token) -> Token | None:
    """The one acted on when the parser makes it the subject of a small clause: 'found Barbarin guilty',
    'allow the WFP to deliver food', 'accept refugees fleeing the war'. Not reported content: the clause
    has no 'that', no tense of its own and no modal ('said it would accept' keeps 'it' out)."""
    for c in tok.children:
        if c.dep_ not in ("ccomp", "xcomp") or child(c, "mark") is not None:
            continue
        # 'declared two diplomats persona non grata': the parser reads the Latin as the small clause's verb;
        # 'let inspectors back into the site': an adverb of direction as its head
        if (c.tag_ not in ("VB", "VBG", "VBN", "JJ") and c.lower_ not in ("persona", "back", "in", "out")) or any(
            a.dep_ in ("aux", "auxpass") and a.lower_ != "to" for a in c.children
        ):
            continue
        subj = child(c, "nsubj")
        if subj is not None and subj.pos_ != "PRON":
            return subj
    return None


def _same_entity(a: Token, b: Token) -> bool:
    lo, hi = min(a.i, b.i), max(a.i, b.i)
    return all(t.ent_iob_ == "I" for t in a.doc[lo + 1 : hi + 1])


def conjuncts(tok: Token) -> list[Token]:
    """tok and the nominals coordinated with it ('Israel and Lebanon' -> both)."""
    out = [tok]
    # 'NEW DELHI, Feb 25 - India and Pakistan agreed': the parser may coordinate the dateline's date with
    # the subject; nothing before the dateline's end is a party.
    first = dateline_end(tok)
    for c in tok.conjuncts:
        if c.ent_iob_ == "I" and tok.ent_type_ == "ORG" and c.ent_type_ == "ORG" and _same_entity(tok, c):
            continue  # 'Sears, Roebuck and Co': the parts of one firm's name are one party
        if c.pos_ in NOMINAL and c not in out and (c.i >= first or tok.i < first):
            out.append(c)
    if len(out) == 1:
        out += split_premodifiers(tok)
    if len(out) == 1 and tok.pos_ == "NOUN":
        # 'negotiators from Armenia and Azerbaijan', 'the foreign ministers of France and Germany': the
        # second country is a party too (the first stays in the noun's own phrase).
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
                for pobj in children(prep, "pobj"):
                    if pobj.ent_type_ in PARTY_ENTS:
                        out += [c for c in pobj.conjuncts if c.ent_type_ in PARTY_ENTS and c.pos_ in NOMINAL]
    return sorted(out, key=lambda t: t.i)


def one_name(a: Token, b: Token) -> bool:
    """`a` and `b` lie in one organisation's name as the tagger reads it: 'Peace and Security Council', 'the
    Ministry of Foreign Affairs and Trade' are one body, where 'UK and EU negotiators' names two."""
    lo, hi = sorted((a.i, b.i))
    doc = a.doc
    if doc[lo].ent_type_ in ("ORG", "FAC") and _same_entity(a, b):
        return True
    # 'The Peace and Security Council', the tagger's name starting after 'and': a capitalised word it left out
    return doc[lo].pos_ == "PROPN" and not doc[lo].ent_type_ and doc[hi].ent_type_ in ("ORG", "FAC") and all(
        doc[k].is_title or doc[k].lower_ in ("and", "of", "&") for k in range(lo, hi + 1))


def split_premodifiers(tok: Token) -> list[Token]:
    """'Indian and Chinese soldiers', 'UK and EU negotiators', "Russia and Turkey's ministers": the first of
    coordinated names in front of a noun is a party of its own; the noun phrase keeps the last one."""
    if any(c.pos_ in NOMINAL for c in tok.conjuncts):
        return []
    return [
        c for c in tok.children
        if c.dep_ in PREMODIFIERS and c.ent_type_ in PARTY_ENTS and c.i < tok.i
        and any(g.dep_ in ("cc", "conj") and not one_name(g, tok) for g in c.children)
    ]


PREMODIFIERS = ("amod", "compound", "nmod", "poss")
PARTY_ENTS = ("NORP", "GPE", "ORG")


def noun_phrase(tok: Token) -> Span:
    """The contiguous span naming the entity headed by tok, without relative clauses, appositions or
    the next conjunct (those are separate actors or asides)."""
    keep = {tok.i}
    stack = [tok]
    split = {c.i for c in split_premodifiers(tok)}
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.i in split:
                # 'Nigerian and British armed forces': Nigerian is an actor of its own, 'British armed
                # forces' the other.
                for g in c.children:
                    if g.dep_ == "conj" and g.i not in keep:
                        keep.add(g.i)
                        stack.append(g)
                continue
            if c.dep_ == "punct" and c.text in INNER_PUNCT:
                pass  # 'Díaz-Canel', 'U.S.': punctuation inside a name
            elif c.dep_ == "appos" and c.i > t.i and not tok.doc[c.left_edge.i - 1].is_punct:
                pass  # 'army chief Abdel Fattah al-Burhan': a name joined to its title without a comma
            elif c.dep_ in ("conj", "cc") and t.pos_ == "PROPN" and any(
                    g.dep_ == "conj" and one_name(t, g) for g in t.children):
                pass  # 'the Ministry of Foreign Affairs and Trade': one body's name, not two parties
            elif c.dep_ in SPAN_CUT or (c.dep_ == "prep" and t.pos_ in ("VERB", "AUX")):
                continue
            elif c.dep_ == "prep" and any(p.ent_type_ in ("DATE", "TIME") for p in children(c, "pobj")):
                continue  # 'A Jerusalem court on March 10 rejected': the date is no part of the name
            elif c.dep_ == "prep" and c.text in ("against", "versus"):
                continue  # 'the coalition against Isis': the foe named is no part of the party ('Action Against
                # Hunger' capitalises it as part of its name)
            elif c.dep_ == "prep" and c.lower_ == "of" and t is tok and not children(c, "pobj") and (
                children(c, "pcomp")
            ):
                continue  # 'accused the rebels of shelling towns': what they did is no part of who they are
            elif c.dep_ == "prep" and c.lower_ == "by" and t is tok and tok.dep_ == "pobj" and tok.head.lower_ == "of":
                continue  # 'the arrest of the leader by police': the doer is no part of the one arrested
            elif c.dep_ == "case" and t is tok:
                continue  # "Moscow's" as an actor is Moscow
            if c.i not in keep:
                keep.add(c.i)
                stack.append(c)
    # The block of kept tokens around the head: an excluded clause in the middle ends the span.
    lo = hi = tok.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = tok.doc
    dateline = dateline_end(tok)
    if lo < dateline <= tok.i:
        lo = dateline  # 'Washington - US President Donald Trump': the dateline is no part of the name
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].pos_ in ("ADP", "CCONJ", "DET")):
        hi -= 1  # 'Police forces loyal to': a phrase cut off by a misparse does not end in a preposition
    return doc[lo : hi + 1]


# Shares of a thing whose of-phrase names it ('wrote off the bulk of a debt', 'cancelled 67 percent of its debt',
# 'finished the first stage of a pullout'); no count of people, so kept out of QUANTIFIERS, which parties reads as
# one ('some of the rebels').
PORTIONS = {"bulk", "portion", "phase", "stage", "percent", "cent", "share", "fraction", "third", "quarter"}

# Spans of time that measure an activity as an amount measures goods: 'wrapped up a week of joint exercises'.
TIME_SPANS = {"day", "week", "fortnight", "month", "night", "hour", "weekend"}


def amount(tok: Token, depth: int = 0) -> bool:
    """'$5 billion', '40 tonnes', 'a shipment', 'the release of $2 billion', 'a week of talks': a quantity (or a
    noun of one) whose of/in phrase says of what."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NUM" or lemma in QUANTIFIERS or (depth == 0 and lemma in TIME_SPANS) or any(
        c.dep_ in ("nummod", "quantmod") or c.pos_ == "NUM" for c in tok.children
    ):
        return True
    return depth == 0 and any(amount(p, 1) for p in prep_objects(tok, "of"))


def made_in_relative(noun: Token) -> Token | None:
    """The verb of the noun's relative clause whose object the noun is: 'the complaint that Guyana filed against
    Venezuela', 'the aid Japan sent to Tonga' (filed, sent)."""
    for c in noun.children:
        if c.dep_ != "relcl" or c.pos_ != "VERB" or c.i < noun.i:
            continue
        objs = [o for o in c.children if o.dep_ == "dobj"]
        if any(s.dep_ == "nsubj" and s.lower_ not in RELATIVE for s in c.children) and all(
                o.lower_ in ("that", "which") for o in objs):
            return c
    return None


def governor(noun: Token) -> tuple[Token | None, str]:
    """The verb a noun is an argument of, and how: ('launched an attack' -> launch, 'dobj');
    'engaged in talks' -> engage, 'prep:in'; a conjunct shares its first conjunct's governor; a subject its relative
    clause makes ('the complaint that Guyana filed ... is due to be discussed') is that clause's object."""
    while noun.dep_ == "conj":
        noun = noun.head
    maker = made_in_relative(noun) if noun.dep_ in ("nsubj", "nsubjpass") else None
    if maker is not None:
        return maker, "dobj"  # what the main clause says of the noun is no act on it ('... is due to be discussed')
    dep = noun.dep_
    head = noun.head
    if dep in ("dobj", "obj", "attr", "oprd"):
        return head, "dobj"
    if dep in PASSIVE_SUBJ:
        return head, "nsubjpass"
    if dep == "nsubj":
        return head, "nsubj"
    if dep == "pobj" and head.dep_ in ("prep", "agent", "dative"):
        host = head.head
        share = host.lemma_.lower() in PORTIONS
        if (host.dep_ in ("dobj", "obj", "nsubjpass", "attr") and (amount(host) or share)) or (
                host.dep_ == "pobj" and share):
            # 'provided $5 billion in assistance', 'is one of the biggest donors to', 'commissioned the second phase
            # of their joint project', 'switched on the first phase of an interconnection': the amount or share is the
            # object (a share wherever it hangs), the noun says of what. ('gave the green light to the aid package',
            # 'signed a deal on aid': another noun's phrase is no amount.)
            return governor(host)
        return host, f"prep:{head.lower_}"
    if dep == "compound":
        return governor(head)
    if dep == "nmod" and head.dep_ in ("dobj", "obj") and noun.i < head.i:
        return governor(head)  # 'staged a sit-in outside parliament', parsed as a sit-in kind of parliament
    return None, dep


# Participles after a name that make it the doer: 'a Saudi-led strike', 'a Taliban-claimed bombing'.
DOER_PARTICIPLES = frozenset({"lead", "claim"})


def led_by(mod: Token, participles: frozenset[str] = DOER_PARTICIPLES) -> Token | None:
    """'a Saudi-led strike', 'the US-led coalition', 'a Taliban-claimed bomb': the name before the participle
    is the doer."""
    if mod.dep_ != "amod" or mod.lemma_.lower() not in participles or mod.tag_ != "VBN":
        return None
    for c in mod.children:
        if c.dep_ in ("npadvmod", "compound", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN"):
            return c
    return None


def implied_source(tok: Token) -> Token | None:
    """For a passive with no by-phrase, the place it happened in or was done from ('was arrested in
    Rwanda', 'were expelled from North Korea'): news names the state by its territory."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "from"):
            for p in children(c, "pobj"):
                if p.ent_type_ in ("GPE", "LOC") or p.pos_ == "PROPN":
                    return p
    return None


def custodian(tok: Token, places: frozenset[str]) -> Token | None:
    """For an act of violence told in the passive with no doer, whoever held the victim where it was done: 'was tortured
    in the custody of the Rapid Action Battalion' (the battalion), 'in a secret police jail' (the police), 'in an
    Egyptian prison' (Egypt), 'in a prison in Rangoon' (the place, which stands for its state)."""
    # ('was beaten and killed in a military jail': the place hangs on the last of the conjoined verbs)
    for c in [c for v in (tok, *tok.conjuncts) for c in v.children]:
        if c.dep_ != "prep" or c.lower_ not in ("in", "at", "inside", "under"):
            continue
        for place in children(c, "pobj"):
            if place.lemma_.lower() not in places and not any(m.lemma_.lower() in places for m in place.lefts):
                continue  # ('a detention centre', 'a prison camp': a building named by what it holds people in)
            held_by = prep_objects(place, "of")
            if held_by:
                return held_by[0]  # 'the custody of the battalion'
            owner = next((m for m in place.lefts if m.dep_ in ("compound", "amod", "poss") and (
                m.pos_ == "PROPN" or m.ent_type_ in ("ORG", "GPE", "NORP"))), None)
            if owner is not None:
                return owner
            where = next((p for p in prep_objects(place, "in") if p.ent_type_ in ("GPE", "LOC")), None)
            if where is not None:
                return where
            # ('died in custody in Tehran': the town may hang on the verb, right after the place)
            after = next((p for x in tok.children if x.dep_ == "prep" and x.lower_ == "in"
                          and x.i == place.right_edge.i + 1 for p in children(x, "pobj")
                          if p.ent_type_ in ("GPE", "LOC")), None)
            if after is not None:
                return after
    return None


def phoned_to_say(tok: Token) -> bool:
    """'called Erdogan to apologize', 'called Lula to congratulate him': tok is what one phones another to say, which
    the caller says (not the one called, as one called on to act would)."""
    return tok.head.lemma_.lower() == "call" and tok.lemma_.lower() in word_sets()["call_purposes"]


def captor(tok: Token) -> Token | None:
    """For a release told in the passive with no doer, whoever the freed were held by: 'six soldiers held captive by
    the guerrillas were released' (the guerrillas), 'hostages kidnapped by gunmen were freed' (the gunmen)."""
    held = word_sets()["captivity"]
    for freed in children(tok, "nsubjpass"):
        for verb in children(freed, "acl"):
            if verb.lemma_.lower() not in held:
                continue
            # ('held hostage by X': the parser may hang the by-phrase on the state the captives are held in)
            for host in (verb, *children(verb, "dobj", "oprd", "acomp")):
                found = [p for c in host.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                         for p in children(c, "pobj")]
                if found:
                    return found[0]
    return None


def _owner(noun: Token) -> Token | None:
    """'Trump's reelection campaign', 'the Taliban campaign': the name that says whose the abstract noun is."""
    return next((
        c for c in noun.children
        if (c.dep_ == "poss" and c.pos_ != "PRON") or (c.dep_ == "compound" and c.ent_type_ in ("ORG", "GPE", "NORP"))
    ), None)


def _owned(noun: Token) -> bool:
    return _owner(noun) is not None


def _issuer(noun: Token) -> Token | None:
    """The verb a document noun is the object of: 'issued [a statement]', 'passed [a resolution]' (not
    'following [a court order]': a document someone else issued)."""
    if noun.dep_ in ("dobj", "obj") and noun.head.pos_ in ("VERB", "AUX") and child(noun, "poss") is None:
        return noun.head
    return None


def _passive_issuer(noun: Token) -> Token | None:
    """Who a document is made by, as the subject of a passive verb of issuing ('a resolution demanding reparations
    was adopted by the parliament'; not 'was vetoed by', 'was blocked by': word set 'issuing')."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or child(noun, "poss") is not None or verb.lemma_.lower() not in word_sets()["issuing"]:
        return None
    return agent(verb)


def _subject_child(tok: Token) -> Token | None:
    """The verb's subject child; a dateline the parser took for a second subject ('ALGIERS, Algeria -
    Police have arrested') gives way to the real one."""
    subs = children(tok, *SUBJ)
    if not subs:
        return None
    end = dateline_end(tok)
    if end > tok.sent.start and subs[0].i < end:
        later = [c for c in subs if c.i >= end]
        if later:
            return later[0]
        # 'THE HAGUE, Netherlands -- A UN prosecutor has charged': the parser hung the real subject on the
        # dateline; it is the phrase after the dash.
        for t in subs[0].subtree:
            if t.i >= end and t.head.i < end and t.pos_ in NOMINAL:
                return t
    before = [c for c in subs if c.i < tok.i]
    if len(before) > 1 and tok.doc[before[0].left_edge.i].tag_ in ("VBG", "VBN") and any(
            t.text == "," for t in tok.doc[before[0].i : before[-1].left_edge.i]):
        # 'Waving flags and chanting slogans, thousands of students rallied': the parser made the fronted
        # participle phrase a second subject; the subject is the one after the comma, next to the verb.
        return before[-1]
    return subs[0]


def _fronted_subject(verb: Token) -> Token | None:
    """'Speaking in Addis Ababa, the AU commission chairman promised ...': the parser hung the subject on the
    fronted participle's place name as an apposition; it is the phrase just before the verb."""
    for c in children(verb, "advcl", "csubj", "prep"):
        # 'After two days of talks in Addis Ababa, Sudan's army chief agreed': a fronted phrase does the same
        if c.i != verb.sent.start or (c.dep_ != "prep" and c.tag_ not in ("VBG", "VBN")):
            continue
        for t in c.subtree:
            if t.dep_ == "appos" and t.right_edge.i == verb.i - 1 and t.pos_ in NOMINAL and (
                    verb.doc[t.left_edge.i - 1].text == ","):
                return t
    return None


def adverbial_participle(tok: Token) -> Token | None:
    """', charging that they spied' closing a clause but hung by the parser on the object before it ('expelled
    the inspectors, charging ...'): the clause's verb, whose subject does both. None for any other acl ('a
    plane flying to Kabul', 'the rebels, fighting for years, ...': the noun does it)."""
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or tok.i == tok.sent.start or tok.doc[tok.i - 1].text != ",":
        return None
    if any(c.dep_ in SUBJ for c in tok.children) or tok.right_edge.i < tok.sent.end - 2:
        return None
    noun = tok.head
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ in ("dobj", "obj"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def cleft_focus(clause: Token) -> Token | None:
    """'It was Egypt that brokered the truce': the parser hangs the 'that' clause on 'was' as its complement;
    the name the cleft puts in focus is the clause's subject."""
    head = clause.head
    if clause.dep_ != "ccomp" or head.lemma_.lower() != "be":
        return None
    it = child(head, "nsubj")
    if it is None or it.lower_ != "it":
        return None
    return child(head, "attr")


def done_passive(tok: Token) -> bool:
    """'were redeployed', 'had been moved', 'has been called up': a passive in a past or perfect tense, something
    done ('are stationed' describes a state, 'will be sent' is still to come)."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes) and not any(a.tag_ == "MD" for a in auxes)


# 'Fishermen who had been detained by the navy were released': the one holding captives is the one releasing them.
RELEASE_VERBS = frozenset({"release", "free"})
HOLDING_VERBS = frozenset({"detain", "hold", "capture", "arrest", "abduct", "kidnap", "seize", "imprison", "jail",
                           "take", "intern"})


def _holder_releasing(verb: Token) -> Token | None:
    """The agent of a passive release that names none: whoever its subject's relative clause or participle says
    held them ('Eighteen fishermen who had been detained by the Myanmar navy were released')."""
    if verb.lemma_.lower() not in RELEASE_VERBS:
        return None
    for subj in children(verb, "nsubjpass"):
        for c in subj.children:
            if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in HOLDING_VERBS and (is_passive(c) or c.tag_ == "VBN"):
                found = agent(c)
                if found is not None:
                    return found
    return None


def subject(tok: Token, *, object_control: Iterable[str] = ()) -> Token | None:
    """The logical subject (agent) of a verb or predicate adjective, climbing through control verbs,
    conjoined verbs, prepositional gerunds and relative clauses."""
    seen = 0
    control = set(object_control)
    aside = False  # climbed from a participle that may hang on the wrong verb ('..., calling Nairobi a model')
    while seen < 12:
        seen += 1
        if tok.dep_ == "conj" and tok.tag_ == "VBN" and child(tok, "agent") is not None:
            return agent(tok)  # 'a force led by X and backed by Y': each participle has its own by-phrase
        if reduced_passive(tok) or verbless_passive(tok):
            return agent(tok)  # 'forces backed by Turkey': the by-phrase; 'plains hailed as a cradle': no one
        if tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj") for c in tok.children
        ):
            return None  # 'Asked about the raid, the minister said ...': the one asked is no agent
        if is_passive(tok):
            a = agent(tok) or _holder_releasing(tok)
            if a is not None:
                return a
            # A passive without a by-phrase names no agent; nor does one whose subject is understood ('despite
            # being labelled proxies, the group ...': the one the clause hangs on was labelled, by no one named).
            return None
        s = _subject_child(tok)
        if s is not None and s.dep_ == "csubj" and s.tag_ == "VBG" and s.i == tok.sent.start:
            s = None  # 'Speaking in Addis Ababa, the chairman pledged': 'Speaking' is no doer (see _fronted_subject)
        if s is not None and s.lemma_.lower() in ABSTRACT_HEADS and s.pos_ == "NOUN" and not _owned(s):
            return None  # 'efforts to repatriate them', 'the campaign to retake': no one in particular
        if s is not None and s.lemma_.lower() in CAPTION_NOUNS:
            # 'In this file photo, adviser Jared Kushner attends a meeting': the caption names the doer.
            named = child(s, "appos")
            if named is not None:
                return named
        if s is not None:
            if s.lower_ in RELATIVE and not s.text.isupper():  # 'WHO' is the World Health Organization
                # 'a man suspected of ... and who had threatened': a conjoined relative clause too
                rel = tok
                while rel.dep_ == "conj" and rel.head.i != rel.i:
                    rel = rel.head
                if rel.dep_ in ("relcl", "acl") and rel.head.pos_ in NOMINAL:
                    return rel.head
                focus = cleft_focus(rel)
                if focus is not None:
                    return focus
                if s.lower_ in ("who", "which", "whom"):
                    return None  # a misparsed relative clause: the pronoun alone names no one
            if s.pos_ == "PRON" and s.lower_ in ("there", "what"):
                return None
            after_dateline = dateline_end(s)
            if s.i < after_dateline:
                # 'New Delhi, June 18 (PTI) India has sent': the dateline's place parsed as the subject, with
                # the true one hung on it as an apposition
                return next((a for a in s.children if a.dep_ == "appos" and a.i >= after_dateline), s)
            return s
        dep, head = tok.dep_, tok.head
        fronted = _fronted_subject(tok)
        if fronted is not None:
            return fronted
        if head.i == tok.i:
            return None
        if dep == "xcomp":
            if head.lemma_.lower() in control and not phoned_to_say(tok):
                obj = child(head, "dobj", "obj")
                if obj is not None:
                    return obj
                on = prep_objects(head, "on")
                if on:
                    return on[0]
            tok = head
        elif dep in ("conj", "advcl", "acomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
            if dep == "ccomp" and head.lemma_.lower() not in ("let", "make", "help", "have"):
                return None  # reported content has its own subject
            aside = aside or dep == "advcl"
            tok = head
        elif dep == "pcomp" and head.dep_ in ("prep", "agent"):
            reason_of = _reason_holder(head) if not aside else None
            if reason_of is not None:
                return reason_of
            tok = head.head
        elif adverbial_participle(tok) is not None:
            tok = adverbial_participle(tok)
        elif dep in ("acl", "relcl") and head.pos_ in NOMINAL:
            if dep == "acl" and participle(tok):
                return None  # 'plains hailed as a cradle': a passive participle's noun is its patient
            lemma = head.lemma_.lower()
            if dep == "acl" and lemma in GATHERING_NOUNS:
                return None
            adopter = _passive_issuer(head) if dep == "acl" and lemma in DOCUMENT_NOUNS else None
            if adopter is not None:
                return adopter  # 'a resolution demanding that X pay was adopted by the parliament'
            if dep == "acl" and lemma in DOCUMENT_NOUNS and _issuer(head) is not None:
                # 'issued a statement condemning X', 'filed a lawsuit accusing Y': the issuer says it.
                tok = _issuer(head)
                continue
            owner = _owner(head) if lemma in DECISION_HEADS and dep == "acl" else None
            if owner is not None and head.dep_ in ("nsubj", "nsubjpass"):
                # 'Washington's decision to cut aid was confirmed': a decision taken is the act of whoever took
                # it. (As the object of another's verb, 'condemned Sweden's decision to allow ...', the news is
                # that verb's.)
                return owner
            if lemma in ABSTRACT_HEADS:
                return None
            return _copula_subject(tok, head) or head
        else:
            return None
    return None


# Ranks that single out the one who did something first or alone: 'the first country to recognise Somaliland'.
RANKS = frozenset({"first", "second", "third", "fourth", "fifth", "only", "last", "latest", "sole", "lone"})


def _reason_holder(prep: Token) -> Token | None:
    """'was held by the police for spying for X', 'thanked Qatar for hosting the talks': the one a verb
    acts on for a reason did what the for-phrase says, not the verb's subject."""
    verb = prep.head
    if prep.lower_ != "for" or verb.pos_ not in ("VERB", "AUX"):
        return None
    return child(verb, "nsubjpass") if is_passive(verb) else child(verb, "dobj")


def _copula_subject(verb: Token, noun: Token) -> Token | None:
    """'Ethiopia became the first country to recognize Somaliland': the infinitive's noun, ranked, is what the
    copula's subject is said to be, and that subject is the doer."""
    to = child(verb, "aux")
    if noun.dep_ != "attr" or noun.pos_ != "NOUN" or to is None or to.tag_ != "TO":
        return None
    if not any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in RANKS) for c in noun.children):
        return None  # 'it is a vital aim of ours to reopen the road' says what is wanted, not who did it
    return child(noun.head, "nsubj") if noun.head.lemma_.lower() in ("be", "become") else None

