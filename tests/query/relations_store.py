"""A small store of hand-coded events, written through the real StoreWriter (real DuckDB, real dedup).

The articles and their events are made up for these tests (wording ours). Offsets are computed from the
text, so every evidence span points at its sentence. Shared by tests/query, tests/api and tests/web.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from eventwire.model import Actor, Article, Event, Evidence, Location
from eventwire.store import StoreWriter

INJECTION_TITLE = 'Talks <img src=x onerror="window.__pwned=1"> resume'
INJECTION_SENTENCE = (
    "<script>window.__pwned=2</script>The United States said it would meet China "
    '<img src=x onerror="window.__pwned=3"> next month.'
)

MEDVEDEV = ("Dmitry Medvedev", "Dmitry Medvedev", "RUSGOV", "RUS", "GOV")
PATRUSHEV = ("Nikolai Patrushev", "Nikolai Patrushev", "RUSGOV", "RUS", "GOV")
CASTRO = ("Raul Castro", "Raúl Castro", "CUBGOV", "CUB", "GOV")
DIAZ_CANEL = ("Miguel Diaz-Canel", "Miguel Díaz-Canel", "CUBGOV", "CUB", "GOV")
HAVANA_OFFICIALS = ("Officials in Havana", "Cuba", "CUBGOV", "CUB", "GOV")
MOSCOW = ("Moscow", "Russia", "RUSGOV", "RUS", "GOV")
RUSSIAN_FORCES = ("Russian forces", "Russia", "RUSMIL", "RUS", "MIL")
KHARKIV = ("Kharkiv", "Ukraine", "UKR", "UKR", None)
USA = ("The United States", "United States", "USA", "USA", None)
CHINA = ("China", "China", "CHN", "CHN", None)

HAVANA = Location(name="Havana", country="CUB", lat=23.13, lon=-82.38)
KHARKIV_PLACE = Location(name="Kharkiv", country="UKR", lat=49.99, lon=36.23)


@dataclass
class Coded:
    sentence: str
    trigger: str
    source: tuple
    target: tuple | None
    cameo: str
    cameo_name: str
    plover: str
    quad_class: int
    goldstein: float
    date: str | None
    attribution: str | None = None
    location: Location | None = None
    mode: str | None = None
    confidence: float = 1.0


def _actor(spec: tuple | None, text: str, offset: int) -> Actor | None:
    if spec is None:
        return None
    mention, name, code, country, sector = spec
    start = text.find(mention)
    start = offset if start < 0 else start
    return Actor(text=mention, name=name, code=code, country=country, sector=sector, start=start,
                 end=start + len(mention), basis="test")


def article_with_events(article: Article, coded: list[Coded]) -> tuple[Article, list[Event]]:
    events = []
    for c in coded:
        start = article.text.index(c.sentence)
        trigger_start = article.text.index(c.trigger, start)
        index = article.text[:start].count(". ")  # a sentence index good enough for tests
        events.append(
            Event(
                article_id=article.id,
                sentence=index,
                source=_actor(c.source, article.text, start),
                target=_actor(c.target, article.text, start),
                cameo=c.cameo,
                cameo_name=c.cameo_name,
                plover=c.plover,
                plover_mode=c.mode,
                plover_context=[],
                quad_class=c.quad_class,
                goldstein=c.goldstein,
                evidence=Evidence(start=start, end=start + len(c.sentence), text=c.sentence,
                                  trigger=c.trigger,
                                  trigger_start=trigger_start, trigger_end=trigger_start + len(c.trigger)),
                rule="tests/hand-coded",
                confidence=c.confidence,
                date=c.date,
                date_basis="text" if c.date else "unknown",
                date_precision="day" if c.date else None,
                location=c.location,
                location_basis="text" if c.location else None,
                attribution=c.attribution,
                publisher=article.publisher,
                url=article.url,
            )
        )
    return article, events


PHONE = "Dmitry Medvedev spoke by phone with Raul Castro on Saturday, TASS reported."
ENDORSE = "Officials in Havana responded by endorsing Moscow's actions, TASS said."
VISIT = "Nikolai Patrushev met Miguel Diaz-Canel in Havana, according to TASS."
CRITICISE = "Miguel Diaz-Canel criticised Russia over late fuel deliveries."
PHONE_AGAIN = "Medvedev and Raul Castro spoke by phone, the Kremlin said."
SHELLING = "Russian forces shelled Kharkiv overnight, Ukraine's military said."
THREAT = "Iran once threatened Israel with a strike, an analyst recalled."


def corpus() -> list[tuple[Article, list[Event]]]:
    """The articles and their hand-coded events."""
    call = Article(
        id="rus-cub-call", date=Date(2023, 6, 5), publisher="Wire Sample", title="Medvedev phones Castro",
        url="https://example.org/rus-cub-call",
        text=f"MOSCOW, June 5 - {PHONE} {ENDORSE} Nothing else happened.",
    )
    call_again = Article(
        id="rus-cub-call-2", date=Date(2023, 6, 4), publisher="Other Wire", title="A birthday call",
        url="https://example.org/rus-cub-call-2", text=f"MOSCOW - {PHONE_AGAIN} The call was short.",
    )
    visit = Article(
        id="rus-cub-visit", date=Date(2023, 2, 20), publisher="Wire Sample", title="Patrushev in Havana",
        url="https://example.org/rus-cub-visit", text=f"HAVANA, Feb 20 - {VISIT}",
    )
    spat = Article(
        id="cub-rus-fuel", date=Date(2023, 3, 10), publisher="Island Daily", title="Fuel row",
        url="https://example.org/cub-rus-fuel", text=f"HAVANA - {CRITICISE}",
    )
    shelling = Article(
        id="rus-ukr-shelling", date=Date(2023, 11, 12), publisher="Wire Sample", title="Shelling",
        url="https://example.org/rus-ukr-shelling", text=f"KYIV - {SHELLING}",
    )
    injected = Article(
        id="usa-chn-injected", date=Date(2023, 7, 1), publisher="<b>Evil</b> Press", title=INJECTION_TITLE,
        url="javascript:alert(1)", text=f"WASHINGTON - {INJECTION_SENTENCE} More text.",
    )
    undated = Article(
        id="irn-isr-undated", date=None, publisher="Archive Weekly", title="Old threats",
        url="https://example.org/irn-isr-undated", text=f"{THREAT}",
    )
    return [
        article_with_events(undated, [
            Coded(THREAT, "threatened", ("Iran", "Iran", "IRN", "IRN", None),
                  ("Israel", "Israel", "ISR", "ISR", None), "138", "Threaten with military force", "THREATEN",
                  3, -7.0, None),
        ]),
        article_with_events(call, [
            Coded(PHONE, "spoke by phone", MEDVEDEV, CASTRO, "041", "Discuss by telephone", "CONSULT", 1, 1.0,
                  "2023-06-03", attribution="TASS", mode="phone"),
            Coded(ENDORSE, "endorsing", HAVANA_OFFICIALS, MOSCOW, "051",
                  "Praise or endorse", "SUPPORT", 1, 3.4, "2023-06-05", attribution="TASS"),
        ]),
        article_with_events(call_again, [
            Coded(PHONE_AGAIN, "spoke by phone", MEDVEDEV, CASTRO, "041", "Discuss by telephone", "CONSULT",
                  1,
                  1.0, "2023-06-04", attribution="Kremlin", mode="phone"),
        ]),
        article_with_events(visit, [
            Coded(VISIT, "met", PATRUSHEV, DIAZ_CANEL, "042", "Make a visit", "CONSULT", 1, 1.9, "2023-02-20",
                  attribution="TASS", location=HAVANA, mode="visit"),
        ]),
        article_with_events(spat, [
            Coded(CRITICISE, "criticised", DIAZ_CANEL, ("Russia", "Russia", "RUS", "RUS", None), "111",
                  "Criticize or denounce", "ACCUSE", 3, -2.0, "2023-03-10", confidence=0.7),
        ]),
        article_with_events(shelling, [
            Coded(SHELLING, "shelled", RUSSIAN_FORCES, KHARKIV, "194", "Fight with artillery and tanks",
                  "ASSAULT", 4, -10.0, "2023-11-12", attribution="Ukraine's military",
                  location=KHARKIV_PLACE),
        ]),
        article_with_events(injected, [
            Coded(INJECTION_SENTENCE, "meet", USA, CHINA, "036", "Express intent to meet or negotiate",
                  "CONSULT", 1, 4.0, "2023-07-01", attribution="<i>Anon</i>"),
        ]),
    ]


def build_store(path: Path) -> Path:
    """Write the corpus into a new store at `path` through the real writer."""
    writer = StoreWriter(path)
    writer.start_run(inputs=["tests/query/relations_store.py"], engine="local", workers=1)
    for article, events in corpus():
        writer.add_article(article, events)
    writer.flush()
    writer.finish_run(status="done")
    return path
