"""Hypothesis: any Event written to the store reads back identical (every field, unicode, tabs, NULLs)."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.model import Actor, Article, Event, Evidence, Location
from eventwire.store import StoreWriter, read_mentions

text = st.text(min_size=1, max_size=40)
maybe = st.none() | text
offset = st.none() | st.integers(min_value=0, max_value=10_000)
actors = st.builds(
    Actor,
    text=text,
    name=maybe,
    code=maybe,
    country=maybe,
    sector=maybe,
    start=offset,
    end=offset,
    basis=maybe,
)
coords = st.none() | st.floats(min_value=-90, max_value=90, allow_nan=False)
locations = st.none() | st.builds(
    Location,
    name=text,
    country=maybe,
    admin1=maybe,
    lat=coords,
    lon=coords,
    geonameid=st.none() | st.integers(min_value=1, max_value=2**40),
)
days = st.none() | st.dates().map(lambda d: d.isoformat())
counter = itertools.count()
writers: dict = {}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    source=actors,
    target=st.none() | actors,
    location=locations,
    day=days,
    trigger=text,
    evidence=text,
    cameo=st.from_regex(r"\A[0-2][0-9]{1,3}\Z"),
    context=st.lists(text, max_size=3),
    maybe_text=maybe,
    goldstein=st.floats(min_value=-10, max_value=10, allow_nan=False),
    confidence=st.floats(0, 1),
)
def test_event_round_trips_through_the_store(
    tmp_path,
    source,
    target,
    location,
    day,
    trigger,
    evidence,
    cameo,
    context,
    maybe_text,
    goldstein,
    confidence,
):
    db = tmp_path / "rt.duckdb"
    art = Article(id=f"a{next(counter)}", text=f"article {next(counter)}")
    ev = Event(
        article_id=art.id,
        sentence=3,
        source=source,
        target=target,
        cameo=cameo,
        plover=maybe_text,
        plover_mode=maybe_text,
        plover_context=context,
        quad_class=2,
        goldstein=goldstein,
        evidence=Evidence(
            start=0, end=len(evidence), text=evidence, trigger=trigger, trigger_start=1, trigger_end=None
        ),
        rule="r",
        confidence=confidence,
        date=day,
        date_basis="text",
        date_precision="day",
        location=location,
        location_basis=maybe_text,
        attribution=maybe_text,
        publisher=maybe_text,
        url=maybe_text,
        cameo_name=maybe_text,
    )
    if db not in writers:  # one store and run for all examples of a test call (tmp_path is shared by them)
        writers[db] = StoreWriter(db)
        writers[db].start_run(inputs=[], engine="local", workers=1)
    writer = writers[db]
    writer.add_article(art, [ev])
    writer.flush()
    (back,) = read_mentions(db, article_id=art.id)
    assert back.to_dict() == ev.to_dict()
