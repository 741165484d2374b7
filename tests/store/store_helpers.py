"""Hand-built articles and events for store tests that are not about the NLP."""

from __future__ import annotations

from datetime import date

from eventwire.model import Actor, Article, Event, Evidence, Location


def article(
    art_id: str, text: str, *, publisher: str | None = "Wire", day: date | None = date(2023, 6, 5)
) -> Article:
    return Article(id=art_id, text=text, date=day, publisher=publisher, url=f"https://example.org/{art_id}")


def event(
    art: Article,
    *,
    source: str = "RUSGOV",
    target: str | None = "CUBGOV",
    cameo: str = "042",
    day: str | None = "2023-06-03",
    sentence: int = 0,
    trigger_start: int = 10,
) -> Event:
    tgt = (
        Actor(
            text=target.lower(),
            name=target,
            code=target,
            country=target[:3],
            sector=target[3:] or None,
            start=20,
            end=25,
            basis="test",
        )
        if target
        else None
    )
    return Event(
        article_id=art.id,
        sentence=sentence,
        source=Actor(
            text=source.lower(),
            name=source,
            code=source,
            country=source[:3],
            sector=source[3:] or None,
            start=0,
            end=5,
            basis="test",
        ),
        target=tgt,
        cameo=cameo,
        cameo_name="Make a visit",
        plover="CONSULT",
        plover_mode="visit",
        plover_context=["diplomatic"],
        quad_class=1,
        goldstein=1.9,
        evidence=Evidence(
            start=0,
            end=len(art.text),
            text=art.text,
            trigger="visited",
            trigger_start=trigger_start,
            trigger_end=trigger_start + 7,
        ),
        rule="test-rule",
        confidence=0.9,
        date=day,
        date_basis="text",
        date_precision="day",
        location=Location(
            name="Havana", country="CUB", admin1="La Habana", lat=23.13, lon=-82.38, geonameid=3553478
        ),
        location_basis="text",
        attribution="TASS",
        publisher=art.publisher,
        url=art.url,
    )
