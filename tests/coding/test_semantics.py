"""Semantic steps in isolation: modality -> code, attribution sources, frames."""

from __future__ import annotations

import pytest

from eventwire.coding import load_patterns
from eventwire.coding.attribution import in_sentence_attribution, paragraph_trailers
from eventwire.coding.semantics import Modality, adjust_code, is_question, modality

FRAMES = load_patterns().frames


@pytest.mark.parametrize(
    "code, mod, expected",
    [
        ("190", Modality(), ("190", "")),
        ("190", Modality(negated=True), (None, "negated")),
        ("0841", Modality(negated=True), ("1243", "refuse")),  # did not release = refused to release
        ("085", Modality(negated=True, future=True), ("1244", "refuse")),
        ("042", Modality(future=True), ("036", "intent")),
        ("073", Modality(future=True), ("0333", "intent")),
        ("163", Modality(future=True), ("1312", "threat")),
        ("190", Modality(future=True), ("1384", "threat")),
        ("111", Modality(future=True), (None, "future")),  # 'will criticise': not yet done, no intent code
        ("100", Modality(future=True), (None, "future")),
        ("090", Modality(future=True), ("090", "future")),  # 'police will investigate': an announced inquiry
        ("120", Modality(future=True), ("120", "future")),  # 'will reject any plan': a refusal stated now
        ("190", Modality(conditional=True), (None, "conditional")),
        ("190", Modality(hypothetical=True), (None, "hypothetical")),
        ("0841", Modality(background=True), (None, "background")),
        ("057", Modality(negated=True, failed=True), ("127", "refuse")),  # failed to reach agreement
        ("057", Modality(negated=True), (None, "negated")),  # 'did not sign the deal' is no rejection
        ("190", Modality(negated=True, failed=True), (None, "negated")),
        ("0841", Modality(obligation=True), (None, "obligation")),
        ("070", Modality(negated=True, failed=True), (None, "negated")),  # 'failed to help' is no refusal
        ("073", Modality(denied=True), (None, "denied")),
        ("040", Modality(first_person=True), (None, "first-person")),
    ],
)
def test_adjust_code(code, mod, expected):
    assert adjust_code(code, mod, FRAMES) == expected


def test_modality_reads_the_parse(nlp):
    doc = nlp("Iran said it would send aid if the United Nations approved the plan.")
    send = next(t for t in doc if t.lemma_ == "send")
    m = modality(send, FRAMES)
    assert m.future and not m.negated and m.speaker is not None and m.speaker.text == "Iran"
    approve = next(t for t in doc if t.lemma_ == "approve")
    assert modality(approve, FRAMES).conditional


def test_question(nlp):
    assert is_question(next(nlp("Will Russia attack Ukraine?").sents))
    assert not is_question(next(nlp("Russia attacked Ukraine.").sents))


def test_paragraph_trailers():
    text = "Putin met Xi. (TASS)\nMarkets were calm.\nIran met Iraq (Reuters)\n"
    names = [name for _s, _e, name in paragraph_trailers(text)]
    assert names == ["TASS", "Reuters"]


def test_in_sentence_attribution(nlp):
    sent = next(nlp("Israeli jets struck Gaza, according to the Palestinian health ministry.").sents)
    assert in_sentence_attribution(sent) == "the Palestinian health ministry"
    sent = next(nlp("The exchange, reported by TASS, followed talks.").sents)
    assert in_sentence_attribution(sent) == "TASS"
    assert in_sentence_attribution(next(nlp("Putin met Xi.").sents)) is None


def test_background_kind(nlp):
    doc = nlp("The move came after the government released 100 prisoners, before talks resume.")
    release = next(t for t in doc if t.lemma_ == "release")
    m = modality(release, FRAMES)
    assert m.background and m.recalled  # an event before the main one
    resume = next(t for t in doc if t.lemma_ == "resume")
    m = modality(resume, FRAMES)
    assert m.background and not m.recalled  # 'before': one still to come


@pytest.mark.parametrize(
    "text, word, flag",
    [
        # the doer denied: no one did it
        ("Nobody visited the Malian junta leader.", "visited", "denied"),
        ("No one who met the Sudanese general kept a phone.", "met", "denied"),
        ("None of the Baltic leaders attended the parade.", "attended", "denied"),
        ("The shells were fired not by the army but by a militia.", "fired", "denied"),
        # verbs that deny their complement or object
        ("The Kenyan envoy was prevented from visiting Somalia.", "visiting", "denied"),
        ("Japan stopped short of imposing sanctions on Myanmar.", "imposing", "denied"),
        ("Germany refrained from condemning Hungary.", "condemning", "denied"),
        ("Pakistan avoided criticising Beijing.", "criticising", "denied"),
        ("The rebel leader escaped arrest by the police.", "escaped", "denied"),
        ("The president flew home without meeting the Gabonese envoy.", "meeting", "denied"),
        ("The mayor denied attacking the journalists.", "attacking", "denied"),
        ("No deal was signed between Armenia and Azerbaijan.", "signed", "negated"),
        ("Spain will under no circumstances allow foreign warships into its ports.", "allow", "negated"),
        ("Peru would not raise the tariff or expel the envoy.", "expel", "negated"),
        # aimed at, planned, wished, hypothetical
        ("Negotiators held talks to release the hostages.", "release", "hypothetical"),
        ("Troops were deployed in order to protect the border.", "protect", "hypothetical"),
        ("The Red Cross launched an appeal to help the flood victims.", "help", "hypothetical"),
        ("The raids are aimed at arresting the militia leaders.", "arresting", "hypothetical"),
        ("The programme is designed to help the Liberian government.", "help", "hypothetical"),
        ("An Iranian withdrawal would mean defeat for the militias.", "withdrawal", "hypothetical"),
        ("I would expect the minister to urge Hanoi to release them.", "urge", "hypothetical"),
        ("The two leaders are due to meet on Friday to discuss the border.", "discuss", "future"),
        ("It is legal to detain the fighters.", "detain", "hypothetical"),
        ("Tokyo's demand that Seoul release the fishermen angered officials.", "release", "hypothetical"),
        # the writer's own doings
        ("I met the militia commander in Bunia.", "met", "first_person"),
        ("We visited the camp near the Syrian border.", "visited", "first_person"),
    ],
)
def test_modality_act_not_done(nlp, text, word, flag):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert getattr(modality(tok, FRAMES), flag), f"{word!r} in {text!r} is not {flag}"


@pytest.mark.parametrize(
    "text, word",
    [
        ("Ghana's president visited Togo on Monday.", "visited"),
        ("Portugal was the first country to recognise the new government.", "recognise"),
        ("\"We met the Saudi envoy,\" the Omani minister said.", "met"),
        ("The US imposed sanctions on Cuba.", "imposed"),
        ("France's refusal to extradite him would breach the treaty.", "refusal"),
        ("The Egyptian minister travelled to Khartoum to meet Sudan's leader.", "meet"),
        ("Reports that Chile recalled its ambassador were confirmed.", "recalled"),
    ],
)
def test_modality_act_done(nlp, text, word):
    m = modality(next(t for t in nlp(text) if t.text == word), FRAMES)
    assert not (m.denied or m.hypothetical or m.negated or m.first_person), m


def test_opinion_with_should_is_no_demand(nlp):
    doc = nlp("The retired judge believes that Britain should apologise to Kenya.")
    apologise = next(t for t in doc if t.text == "apologise")
    m = modality(apologise, FRAMES)
    assert m.obligation and m.speaker is None
    assert adjust_code("102", m, FRAMES) == (None, "obligation")
    said = nlp("The Kenyan minister said that Britain should apologise to Kenya.")
    m = modality(next(t for t in said if t.text == "apologise"), FRAMES)
    assert m.speaker is not None and adjust_code("102", m, FRAMES)[1] == "demand"


@pytest.mark.parametrize(
    ("text", "word", "quoted"),
    [
        ("'We stand with Warsaw,' the minister said.", "We", True),
        ("\u2018We stand with Warsaw,\u2019 the minister said.", "We", True),
        ("'We stand with Warsaw,' the minister said.", "minister", False),
        ("We visited the camp where the soldiers' families live.", "families", False),
        ("Egypt's envoy said we would be welcome.", "we", False),
    ],
)
def test_single_quotation_marks_are_told_from_apostrophes(nlp, text, word, quoted):
    from eventwire.coding.semantics import in_quote

    tok = next(t for t in nlp(text) if t.text == word)
    assert in_quote(tok) is quoted
