"""Library queries over a hand-coded store: filters, pagination, dyad series, partners, network, evidence."""

from __future__ import annotations

from datetime import date

import pytest
from relations_store import INJECTION_SENTENCE, PHONE, VISIT

from eventwire.errors import QueryError
from eventwire.query import (
    EventFilter,
    actor_network,
    countries,
    dyad_profile,
    dyad_series,
    evidence,
    find_events,
    get_article,
    get_event,
    locations,
    store_summary,
    top_partners,
)


def cameos(page):
    return sorted(e["cameo"] for e in page.items)


def test_summary_counts_what_was_written(con):
    s = store_summary(con)
    # Eight mentions: the two reports of the phone call became one event.
    assert (s["articles"], s["mentions"], s["events"]) == (7, 8, 7)
    assert (s["first_date"], s["last_date"]) == ("2023-02-20", "2023-11-12")


@pytest.mark.parametrize(
    ("filt", "expected"),
    [
        (EventFilter(actor="CUB"), ["041", "042", "051", "111"]),
        (EventFilter(actor="rusmil"), ["194"]),
        (EventFilter(source="RUS", target="CUB"), ["041", "042"]),
        (EventFilter(source="RUS", target="CUB", both_directions=True), ["041", "042", "051", "111"]),
        (EventFilter(country="UKR"), ["194"]),
        (EventFilter(sector="MIL"), ["194"]),
        (EventFilter(plover="consult"), ["036", "041", "042"]),
        (EventFilter(cameo="04"), ["041", "042"]),
        (EventFilter(cameo="111"), ["111"]),
        (EventFilter(quad_class=4), ["194"]),
        (EventFilter(since=date(2023, 6, 1), until=date(2023, 6, 30)), ["041", "051"]),
        (EventFilter(text="havana"), ["042", "051"]),
        (EventFilter(text="Díaz"), ["042", "111"]),  # actor names are searched too
        (EventFilter(text="100%"), []),  # LIKE wildcards are literal
        (EventFilter(attribution="TASS"), ["041", "042", "051"]),
        (EventFilter(publisher="Island Daily"), ["111"]),
        (EventFilter(actor="CUB", min_confidence=0.85), ["041", "042", "051"]),  # the criticism was coded at 0.7
        (EventFilter(actor="CUB", min_confidence=0.7), ["041", "042", "051", "111"]),
    ],
)
def test_filters(con, filt, expected):
    assert cameos(find_events(con, filt, limit=100)) == expected


def test_pagination_reports_the_total(con):
    first = find_events(con, limit=2, offset=0)
    second = find_events(con, limit=2, offset=2)
    rest = find_events(con, limit=50, offset=4)
    assert first.total == second.total == rest.total == 7
    ids = [e["event_id"] for p in (first, second, rest) for e in p.items]
    assert len(ids) == len(set(ids)) == 7
    assert first.items[0]["date"] == "2023-11-12"  # newest first, undated last
    assert rest.items[-1]["date"] is None


def test_events_keep_the_contract_shape(con):
    event = find_events(con, EventFilter(cameo="042")).items[0]
    assert event["source"]["code"] == "RUSGOV" and event["target"]["name"] == "Miguel Díaz-Canel"
    assert event["evidence"]["text"] == VISIT and event["location"]["name"] == "Havana"
    assert event["mention_count"] == 1


@pytest.mark.parametrize(
    "filt",
    [
        EventFilter(actor="R;S"),
        EventFilter(sector="GOVERNMENT"),
        EventFilter(cameo="04a"),
        EventFilter(quad_class=5),
        EventFilter(min_confidence=1.5),
        EventFilter(since=date(2023, 2, 1), until=date(2023, 1, 1)),
        EventFilter(source="RUS", both_directions=True),
    ],
)
def test_bad_filters_raise_query_error(con, filt):
    with pytest.raises(QueryError):
        find_events(con, filt)


def test_bad_pages_raise_query_error(con):
    with pytest.raises(QueryError):
        find_events(con, limit=0)
    with pytest.raises(QueryError):
        find_events(con, offset=-1)
    with pytest.raises(QueryError):
        find_events(con, order="random")


def test_dyad_series_by_month_fills_gaps_and_splits_directions(con):
    series = dyad_series(con, "RUS", "CUB", by="month")
    by_period = {p.period: p for p in series.points}
    assert list(by_period) == ["2023-02-01", "2023-03-01", "2023-04-01", "2023-05-01", "2023-06-01"]
    june = by_period["2023-06-01"]
    assert (june.events, june.mentions, june.verbal_cooperation) == (2, 3, 2)
    assert (june.a_to_b, june.b_to_a) == (1, 1)
    assert june.goldstein_sum == pytest.approx(4.4) and june.goldstein_mean == pytest.approx(2.2)
    march = by_period["2023-03-01"]
    assert (march.verbal_conflict, march.goldstein_sum, march.b_to_a) == (1, -2.0, 1)
    assert by_period["2023-04-01"].events == 0 and by_period["2023-04-01"].goldstein_mean is None


def test_dyad_series_one_way_and_by_week(con):
    one_way = dyad_series(con, "RUS", "CUB", by="week", both_directions=False)
    assert sum(p.events for p in one_way.points) == 2
    assert all(p.b_to_a == 0 for p in one_way.points)
    assert one_way.points[0].period == "2023-02-20"  # a Monday: weeks start on Monday
    assert date.fromisoformat(one_way.points[-1].period).weekday() == 0


def test_dyad_series_respects_the_date_range(con):
    series = dyad_series(con, "CUB", "RUS", since=date(2023, 6, 1), until=date(2023, 8, 31), by="month")
    assert [p.period for p in series.points] == ["2023-06-01", "2023-07-01", "2023-08-01"]
    assert [p.events for p in series.points] == [2, 0, 0]
    with pytest.raises(QueryError):
        dyad_series(con, "RUS", "CUB", by="fortnight")


def test_undated_events_are_counted_apart(con):
    series = dyad_series(con, "IRN", "ISR")
    assert series.points == [] and series.undated == 1
    dated = dyad_series(con, "IRN", "ISR", since=date(2023, 1, 1), until=date(2023, 2, 28))
    assert [p.events for p in dated.points] == [0, 0] and dated.undated == 0  # a date range drops them


def test_top_partners(con):
    partners = top_partners(con, "RUS")
    assert [p["partner"] for p in partners] == ["CUB", "UKR"]
    cub = partners[0]
    counts = (cub["events"], cub["outgoing"], cub["incoming"], cub["cooperation"], cub["conflict"])
    assert counts == (4, 2, 2, 3, 1)


def test_network_by_country_and_by_actor(con):
    net = actor_network(con)
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("RUS", "CUB")]["events"] == 2 and edges[("CUB", "RUS")]["events"] == 2
    assert edges[("RUS", "UKR")]["conflict"] == 1
    assert {n["id"] for n in net["nodes"]} == {"RUS", "CUB", "UKR", "USA", "CHN", "IRN", "ISR"}
    dated = actor_network(con, EventFilter(since=date(2023, 11, 1)))
    assert [(e["source"], e["target"]) for e in dated["edges"]] == [("RUS", "UKR")]
    actors = actor_network(con, level="actor")
    assert ("RUSMIL", "UKR") in {(e["source"], e["target"]) for e in actors["edges"]}
    with pytest.raises(QueryError):
        actor_network(con, level="planet")


def test_evidence_behind_a_series_bucket(con):
    # The June cooperation count of RUS<->CUB is 2; its evidence is the three reports of those two events.
    bucket = EventFilter(source="RUS", target="CUB", both_directions=True, since=date(2023, 6, 1),
                         until=date(2023, 6, 30), quad_class=1)
    page = evidence(con, bucket)
    assert page.total == 3
    assert {m["title"] for m in page.items} == {"Medvedev phones Castro", "A birthday call"}
    phone = next(m for m in page.items if m["text"] == PHONE)
    assert (phone["publisher"], phone["attribution"], phone["url"]) == (
        "Wire Sample", "TASS", "https://example.org/rus-cub-call")


def test_one_event_with_all_its_mentions(con):
    phone = find_events(con, EventFilter(cameo="041")).items[0]
    event = get_event(con, phone["event_id"])
    assert event["mention_count"] == 2 and len(event["mentions"]) == 2
    assert {m["publisher"] for m in event["mentions"]} == {"Wire Sample", "Other Wire"}
    assert get_event(con, "no-such-event") is None


def test_article_offsets_point_at_the_evidence(con):
    article = get_article(con, "usa-chn-injected")
    span = article["evidence"][0]
    # Stored verbatim; escaping is the output's job.
    assert article["text"][span["start"]:span["end"]] == INJECTION_SENTENCE
    assert article["text"][span["trigger_start"]:span["trigger_end"]] == "meet"
    assert get_article(con, "nope") is None


def test_locations_and_countries(con):
    points = {p["name"]: p for p in locations(con)}
    assert set(points) == {"Havana", "Kharkiv"}
    assert points["Kharkiv"]["conflict"] == 1 and points["Havana"]["lat"] == pytest.approx(23.13)
    assert [p["name"] for p in locations(con, EventFilter(actor="UKR"))] == ["Kharkiv"]
    codes = {c["country"]: c for c in countries(con)}
    assert codes["RUS"]["events"] == 5 and codes["CUB"]["name"] == "Cuba"


def test_profile_speakers_outlets_and_dominance(con):
    both = dyad_profile(con, "RUS", "CUB")
    assert both["totals"]["events"] == 4 and both["totals"]["mentions"] == 5
    names = {s["name"] for s in both["speakers"]["RUS"]}
    assert {"Dmitry Medvedev", "Nikolai Patrushev"} <= names
    assert {s["name"] for s in both["speakers"]["CUB"]} >= {"Raúl Castro", "Miguel Díaz-Canel"}
    assert both["outlets"]["attributions"][0] == {"name": "TASS", "mentions": 3}
    assert both["dominance"] is None  # TASS is 3 of 5 reports: 60%, not above the threshold
    assert both["key_events"][0]["cameo"] == "041"  # the most reported first

    one_way = dyad_profile(con, "RUS", "CUB", both_directions=False)
    assert one_way["dominance"]["outlet"] == "TASS"
    assert one_way["dominance"]["reports"] == 2 and one_way["dominance"]["total"] == 3
    strict = dyad_profile(con, "RUS", "CUB", both_directions=False, dominance_threshold=0.7)
    assert strict["dominance"] is None


def test_profile_of_a_pair_without_events(con):
    empty = dyad_profile(con, "CHN", "CUB")
    assert empty["totals"]["events"] == 0 and empty["key_events"] == [] and empty["dominance"] is None
    assert empty["series"]["points"] == []
