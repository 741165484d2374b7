"""The HTTP API in-process: endpoints, pagination, validation (422 with a message), read-only by default."""

from __future__ import annotations

import pytest
from api_client import make_client
from relations_store import PHONE, VISIT

TOKEN = "s3cret-token-for-tests-0123456789"


def test_summary_and_countries(client):
    summary = client.get("/api/summary").json()
    assert summary["events"] == 7 and summary["writable"] is False
    countries = {c["country"]: c for c in client.get("/api/countries").json()}
    assert countries["RUS"]["events"] == 5 and countries["CUB"]["name"] == "Cuba"


def test_events_are_paginated_with_a_total(client):
    first = client.get("/api/events", params={"limit": 4}).json()
    rest = client.get("/api/events", params={"limit": 4, "offset": 4}).json()
    assert (first["total"], first["limit"], first["offset"], len(first["items"])) == (7, 4, 0, 4)
    assert (rest["total"], len(rest["items"])) == (7, 3)
    assert not {e["event_id"] for e in first["items"]} & {e["event_id"] for e in rest["items"]}


def test_event_filters(client):
    body = client.get("/api/events", params={"source": "rus", "target": "CUB", "both_directions": "true",
                                             "since": "2023-06-01", "quad_class": 1}).json()
    assert sorted(e["cameo"] for e in body["items"]) == ["041", "051"]
    body = client.get("/api/events", params={"q": "havana", "cameo": "04"}).json()
    assert [e["evidence"]["text"] for e in body["items"]] == [VISIT]
    body = client.get("/api/events", params={"plover": "assault", "sector": "mil"}).json()
    assert body["total"] == 1 and body["items"][0]["location"]["name"] == "Kharkiv"
    body = client.get("/api/events", params={"actor": "CUB", "min_confidence": 0.85}).json()
    assert sorted(e["cameo"] for e in body["items"]) == ["041", "042", "051"]  # the 0.7 criticism is left out


@pytest.mark.parametrize(
    ("url", "params", "names"),
    [
        ("/api/events", {"since": "2023-13-01"}, "since"),
        ("/api/events", {"limit": 0}, "limit"),
        ("/api/events", {"limit": 5000}, "limit"),
        ("/api/events", {"offset": -1}, "offset"),
        ("/api/events", {"quad_class": 7}, "quad_class"),
        ("/api/events", {"min_confidence": 1.5}, "min_confidence"),
        ("/api/events", {"actor": "R;S"}, "actor"),
        ("/api/events", {"cameo": "abc"}, "cameo"),
        ("/api/events", {"order": "random"}, "order"),
        ("/api/dyads/RUS/CUB/series", {"by": "fortnight"}, "by"),
        ("/api/dyads/RUS/CUB/series", {"direction": "sideways"}, "direction"),
        ("/api/dyads/R%20S/CUB/series", {}, "a"),
        ("/api/network", {"level": "planet"}, "level"),
        ("/api/countries/RUSSIA/partners", {}, "country"),
    ],
)
def test_bad_parameters_get_422_naming_the_parameter(client, url, params, names):
    response = client.get(url, params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["detail"].startswith("invalid parameters: ") and names in body["detail"]
    assert [e["param"] for e in body["errors"]] == [names]


def test_semantic_errors_get_422_with_the_library_message(client):
    response = client.get("/api/events", params={"since": "2023-06-01", "until": "2023-01-01"})
    assert response.status_code == 422
    assert response.json() == {"detail": "since=2023-06-01 is after until=2023-01-01", "code": "E040"}
    response = client.get("/api/events", params={"source": "RUS", "both_directions": "true"})
    assert response.status_code == 422 and "both_directions" in response.json()["detail"]


def test_dyad_series(client):
    body = client.get("/api/dyads/RUS/CUB/series", params={"by": "month"}).json()
    june = next(p for p in body["points"] if p["period"] == "2023-06-01")
    assert (june["events"], june["a_to_b"], june["b_to_a"]) == (2, 1, 1)
    assert len(body["points"]) == 5
    one_way = client.get("/api/dyads/RUS/CUB/series", params={"direction": "one-way", "by": "year"}).json()
    assert [(p["period"], p["events"]) for p in one_way["points"]] == [("2023-01-01", 2)]


def test_dyad_profile(client):
    body = client.get("/api/dyads/RUS/CUB", params={"direction": "one-way"}).json()
    assert body["dominance"]["outlet"] == "TASS"
    sentences = {m["text"] for e in body["key_events"] for m in e["mentions"]}
    assert PHONE in sentences and VISIT in sentences


def test_partners_network_locations(client):
    partners = client.get("/api/countries/rus/partners").json()
    assert [p["partner"] for p in partners] == ["CUB", "UKR"]
    network = client.get("/api/network", params={"since": "2023-11-01"}).json()
    assert [(e["source"], e["target"]) for e in network["edges"]] == [("RUS", "UKR")]
    places = client.get("/api/locations", params={"actor": "CUB"}).json()
    assert [p["name"] for p in places] == ["Havana"]


def test_event_article_and_evidence(client):
    phone = client.get("/api/events", params={"cameo": "041"}).json()["items"][0]
    event = client.get(f"/api/events/{phone['event_id']}").json()
    assert len(event["mentions"]) == 2
    evidence = client.get("/api/evidence", params={"event_id": phone["event_id"]}).json()
    assert evidence["total"] == 2 and {m["title"] for m in evidence["items"]} == {
        "Medvedev phones Castro", "A birthday call"}
    article = client.get("/api/articles/rus-cub-call").json()
    span = article["evidence"][0]
    assert article["text"][span["start"]:span["end"]] == PHONE
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/nothing-here").status_code == 404


def test_openapi_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/dyads/{a}/{b}/series", "/api/network", "/api/evidence",
                 "/api/countries/{country}/partners", "/api/locations", "/api/articles/{article_id}"):
        assert path in paths
    assert "/api/ingest" not in paths  # read-only by default


def test_security_headers_and_dashboard(client):
    page = client.get("/")
    assert page.status_code == 200 and 'src="/static/app.js"' in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert "innerHTML" not in js.text.replace("never through innerHTML", "")


def test_read_only_server_has_no_write_endpoint(client):
    response = client.post("/api/ingest", json={"articles": [{"text": "x"}]})
    assert response.status_code in (404, 405)


def test_an_idle_server_lets_go_of_the_store(tmp_path):
    # Reads keep the file open only while requests come (and a moment after), so a writer gets in.
    import time

    from relations_store import build_store

    from eventwire.store import connect

    db = build_store(tmp_path / "events.duckdb")
    app_client = make_client(db)
    for _ in range(3):
        assert app_client.get("/api/events").status_code == 200
    time.sleep(1.0)  # the opener's linger is 0.3 s
    con = connect(db, read_only=False, wait=0)
    con.close()


def test_the_opener_keeps_the_instance_for_a_burst_only(tmp_path):
    import time

    import duckdb
    from relations_store import build_store

    from eventwire.api.opener import ReadOpener

    db = str(build_store(tmp_path / "events.duckdb"))
    opener = ReadOpener(db, linger=0.2)
    con = opener.open()
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 7
    opener.release(con)
    with pytest.raises(duckdb.Error):  # still anchored right after the request
        duckdb.connect(db, read_only=False).close()
    time.sleep(0.6)
    duckdb.connect(db, read_only=False).close()  # released once idle


def test_missing_store_is_503(tmp_path):
    response = make_client(tmp_path / "none.duckdb").get("/api/summary")
    assert response.status_code == 503 and "no such store" in response.json()["detail"]


def test_write_needs_a_token(api_store, tmp_path):
    with pytest.raises(ValueError):
        make_client(api_store, allow_write=True)
    writable = make_client(tmp_path / "w.duckdb", allow_write=True, token=TOKEN)
    body = {"articles": [{"text": "Russia and Cuba signed an agreement.", "date": "2023-06-05"}]}
    assert writable.post("/api/ingest", json=body).status_code == 401
    wrong = writable.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    empty = writable.post("/api/ingest", json={"articles": []}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert empty.status_code == 422


@pytest.mark.slow
def test_ingest_endpoint_codes_and_stores_articles(tmp_path):
    writable = make_client(tmp_path / "w.duckdb", allow_write=True, token=TOKEN)
    text = ("MOSCOW, June 5 - Russian Security Council Deputy Chairman Dmitry Medvedev spoke by phone with "
            "Raul Castro on Saturday, TASS reported.")
    body = {"articles": [{"text": text, "date": "2023-06-05", "publisher": "Test Wire", "title": "A call"}]}
    headers = {"Authorization": f"Bearer {TOKEN}"}
    result = writable.post("/api/ingest", json=body, headers=headers)
    assert result.status_code == 200, result.text
    assert result.json()["articles_new"] == 1 and result.json()["events_new"] >= 1
    again = writable.post("/api/ingest", json=body, headers=headers).json()
    assert again["articles_new"] == 0 and again["articles_skipped"] == 1  # idempotent
    events = writable.get("/api/events", params={"actor": "CUB"}).json()
    assert events["total"] >= 1 and events["items"][0]["evidence"]["text"].startswith("MOSCOW")


def test_a_store_changed_under_the_server_is_checked_again(tmp_path):
    import time

    import duckdb
    from relations_store import build_store

    db = build_store(tmp_path / "events.duckdb")
    app_client = make_client(db)
    assert app_client.get("/api/summary").status_code == 200
    time.sleep(1.0)  # the server lets go of an idle store (see the opener's linger)
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    response = app_client.get("/api/summary")
    assert response.status_code == 503 and "newer eventwire" in response.json()["detail"]


def test_serve_refuses_writes_without_a_token(tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli.app import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--allow-write"])
    assert result.exit_code != 0 and "--token" in result.output
    result = CliRunner().invoke(app, ["serve", "--allow-write", "--token", "short"])
    assert result.exit_code != 0 and "16 characters" in result.output


def test_every_endpoint_is_documented(client):
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    for path in client.get("/openapi.json").json()["paths"]:
        assert path in docs, f"{path} is not in docs/api.md"
    assert "/api/ingest" in docs
