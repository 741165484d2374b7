"""Event locations on sentences parsed by the real pinned spaCy pipeline (issue 5)."""

from __future__ import annotations

import pytest

from eventwire.places import Gazetteer, fold


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def _location(nlp, gazetteer, text, word, **kwargs):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return gazetteer.event_location(token.sent, doc[token.i : token.i + 1], **kwargs)


# (sentence, trigger word, expected (name, ISO3 country) or None, keyword options)
TIED = [
    ("Putin met Castro in Havana on Monday.", "met", ("Havana", "CUB"), {}),
    (
        "Moscow reported a visit to Havana when Patrushev met with Diaz-Canel.",
        "met",
        ("Havana", "CUB"),
        {},
    ),
    ("Russian and Ukrainian troops fought fierce clashes near Bakhmut.", "clashes", ("Bakhmut", "UKR"), {}),
    ("Thousands of people staged protests in Tbilisi on Sunday.", "protests", ("Tbilisi", "GEO"), {}),
    ("Turkish jets carried out strikes in northern Iraq.", "strikes", ("Iraq", "IRQ"), {}),
    ("The Chinese premier made a visit to Havana last year.", "visit", ("Havana", "CUB"), {}),
    ("Xi visited Beijing after the summit.", "visited", ("Beijing", "CHN"), {}),
    ("Xi visited Moscow in March.", "visited", ("Moscow", "RUS"), {}),
    ("Blinken met his counterpart in Paris.", "met", ("Paris", "FRA"), {"actor_countries": ["USA"]}),
    (
        "Russian troops clashed with soldiers in Georgia.",
        "clashed",
        ("Georgia", "GEO"),
        {"actor_countries": ["RUS"]},
    ),
    (
        "Police arrested the suspect in Georgia.",
        "arrested",
        ("Georgia", "USA"),
        {"article_countries": ["USA"]},
    ),
    ("Rebels attacked a convoy in Georgia.", "attacked", ("Georgia", "GEO"), {}),
    ("The ministers held talks in Kiev.", "talks", ("Kyiv", "UKR"), {}),
    ("Israeli aircraft struck targets in the Gaza Strip.", "struck", ("Gaza Strip", "PSE"), {}),
    ("Settlers attacked Palestinians in the West Bank.", "attacked", ("West Bank", "PSE"), {}),
    ("Russia annexed territory in Crimea in 2014.", "annexed", ("Crimea", "UKR"), {}),
    ("Separatists shelled villages in the Donbas.", "shelled", ("Donbas", "UKR"), {}),
    ("The leaders met at the White House on Friday.", "met", ("White House", "USA"), {}),
    ("Protesters gathered outside the Kremlin.", "gathered", ("Kremlin", "RUS"), {}),
    ("Iranian boats harassed a tanker in the Strait of Hormuz.", "harassed", ("Strait of Hormuz", None), {}),
    (
        "Chinese vessels blocked a Philippine ship in the South China Sea.",
        "blocked",
        ("South China Sea", None),
        {},
    ),
    ("Demonstrators rallied across Iran on Friday.", "rallied", ("Iran", "IRN"), {}),
    ("Gunmen killed five people in Mogadishu.", "killed", ("Mogadishu", "SOM"), {}),
    ("Fighting erupted around Khartoum overnight.", "Fighting", ("Khartoum", "SDN"), {}),
    ("Soldiers opened fire on protesters inside Caracas.", "opened", ("Caracas", "VEN"), {}),
    ("The two presidents signed a deal in Washington.", "signed", ("Washington", "USA"), {}),
    ("Police clashed with protesters in Paris, Texas.", "clashed", ("Paris", "USA"), {}),
    ("The minister met refugees in Odessa.", "met", ("Odesa", "UKR"), {}),
    ("The minister met students in Odessa.", "met", ("Odesa", "UKR"), {"actor_countries": ["USA"]}),
    ("Troops were deployed to Kyiv.", "deployed", ("Kyiv", "UKR"), {}),
    ("Delegates gathered in Geneva for peace talks.", "gathered", ("Geneva", "CHE"), {}),
    ("Hamas fighters attacked an army post near Rafah.", "attacked", ("Rafah", "PSE"), {}),
    ("Egyptian officials met in Rafah.", "met", ("Rafah", "EGY"), {"actor_countries": ["EGY"]}),
    ("Ukraine's forces struck a base in Sevastopol.", "struck", ("Sevastopol", "UKR"), {}),
    ("The opposition held a rally in Moscow.", "rally", ("Moscow", "RUS"), {}),
    ("Bombs exploded in the city of Aleppo.", "exploded", ("Aleppo", "SYR"), {}),
    ("Drones attacked targets on the outskirts of Kyiv.", "attacked", ("Kyiv", "UKR"), {}),
    ("The envoy arrived in Tehran on Tuesday.", "arrived", ("Tehran", "IRN"), {}),
    ("Biden travelled to Israel last week.", "travelled", ("Israel", "ISR"), {}),
    ("Troops crossed into Ukraine.", "crossed", ("Ukraine", "UKR"), {}),
    ("Militants attacked a police station in southern Afghanistan.", "attacked", ("Afghanistan", "AFG"), {}),
    ("The U.N. chief spoke at a conference in New York.", "spoke", ("New York City", "USA"), {}),
    ("Police fired tear gas at protesters in Nairobi.", "fired", ("Nairobi", "KEN"), {}),
    ("Farmers blocked roads in Brussels.", "blocked", ("Brussels", "BEL"), {}),
    ("The talks took place in Doha.", "took", ("Doha", "QAT"), {}),
    ("The summit was held in New Delhi.", "held", ("New Delhi", "IND"), {}),
    (
        "The oil minister is in the United Arab Emirates to discuss prices.",
        "discuss",
        ("United Arab Emirates", "ARE"),
        {},
    ),
    ("The airline expanded its service in Florida.", "expanded", ("Florida", "USA"), {}),
    ("North Korea fired a missile off its east coast.", "fired", None, {}),
]

# The place is only mentioned (an actor, a possessive, a target): not the event's location.
MENTIONED_ONLY = [
    ("Moscow said it would respond.", "said", None, {}),
    ("Havana endorsed Moscow's actions in the Ukraine situation.", "endorsed", None, {}),
    ("Putin met the president as Russian forces attacked towns in Ukraine.", "met", None, {}),
    ("Moscow's actions were condemned by the European Union.", "condemned", None, {}),
    ("Officials in Moscow said Ukrainian drones attacked an airfield.", "attacked", None, {}),
    ("France criticised China over trade.", "criticised", None, {}),
    ("Germany accused Russia of lying.", "accused", None, {}),
    ("The president of Brazil praised the agreement.", "praised", None, {}),
    ("Iran rejected the demands of the United States.", "rejected", None, {}),
    ("Japan's prime minister apologised.", "apologised", None, {}),
    ("Washington imposed sanctions on Tehran.", "imposed", None, {}),
    ("Egypt condemned the Israeli strike.", "condemned", None, {}),
    ("The Syrian government denounced Turkey.", "denounced", None, {}),
    ("The talks stalled, diplomats said.", "stalled", None, {}),
]

# No place in the text: the dateline is the fallback.
DATELINE = [
    (
        "The central bank raised interest rates.",
        "raised",
        ("Moscow", "RUS"),
        {"dateline": "MOSCOW, March 3 (Reuters) -"},
    ),
    (
        "The talks stalled, diplomats said.",
        "stalled",
        ("Salvador", "BRA"),
        {"dateline": "SALVADOR, Feb 26 -"},
    ),
    ("Moscow said it would respond.", "said", ("Washington", "USA"), {"dateline": "WASHINGTON (Reuters) -"}),
    (
        "Officials announced a curfew.",
        "announced",
        ("Kyiv", "UKR"),
        {"dateline": "KYIV, Ukraine, March 3 (Reuters) -"},
    ),
    (
        "Officials announced a curfew.",
        "announced",
        ("Paris", "USA"),
        {"dateline": "PARIS, Texas, March 3 (AP) -"},
    ),
]


@pytest.mark.parametrize(("text", "word", "want", "kwargs"), TIED)
def test_place_tied_to_the_event(nlp, gazetteer, text, word, want, kwargs):
    location, basis = _location(nlp, gazetteer, text, word, **kwargs)
    if want is None:
        assert (location, basis) == (None, None)
        return
    assert location is not None, text
    assert (fold(location.name), location.country) == (fold(want[0]), want[1])
    assert basis == "text"
    assert location.lat is not None and location.lon is not None


@pytest.mark.parametrize(("text", "word", "want", "kwargs"), MENTIONED_ONLY)
def test_place_only_mentioned_is_not_the_location(nlp, gazetteer, text, word, want, kwargs):
    assert _location(nlp, gazetteer, text, word, **kwargs) == (None, None)


@pytest.mark.parametrize(("text", "word", "want", "kwargs"), DATELINE)
def test_dateline_is_the_fallback(nlp, gazetteer, text, word, want, kwargs):
    location, basis = _location(nlp, gazetteer, text, word, **kwargs)
    assert (location.name, location.country, basis) == (*want, "dateline")


def test_text_beats_dateline(nlp, gazetteer):
    location, basis = _location(
        nlp, gazetteer, "Putin met Castro in Havana on Monday.", "met", dateline="MOSCOW, March 3 (Reuters) -"
    )
    assert (location.name, basis) == ("Havana", "text")


def test_location_fields(nlp, gazetteer):
    location, _ = _location(nlp, gazetteer, "Putin met Castro in Havana on Monday.", "met")
    assert location.country == "CUB" and location.admin1 == "CU.02" and location.geonameid == 3553478
    assert location.lat == pytest.approx(23.13, abs=0.05) and location.lon == pytest.approx(-82.38, abs=0.05)


def test_country_as_location_has_capital_coordinates_and_no_admin1(nlp, gazetteer):
    location, _ = _location(nlp, gazetteer, "Turkish jets carried out strikes in northern Iraq.", "strikes")
    assert location.name == "Iraq" and location.admin1 is None
    baghdad = gazetteer.lookup("Baghdad")[0]
    assert (location.lat, location.lon) == (baghdad.lat, baghdad.lon)


def test_garbage_never_raises(nlp, gazetteer):
    doc = nlp("\x00\ufffd in in near ??? $$$ at")
    sent = next(iter(doc.sents))
    assert gazetteer.event_location(sent, sent[0:1], dateline="not a dateline at all, really -") == (
        None,
        None,
    )


def test_a_token_trigger_works_too(nlp, gazetteer):
    doc = nlp("Putin met Castro in Havana on Monday.")
    token = next(t for t in doc if t.text == "met")
    location, basis = gazetteer.event_location(token.sent, token)
    assert (location.name, basis) == ("Havana", "text")
