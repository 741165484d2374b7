"""The HTTP API: JSON over the library queries, OpenAPI at /openapi.json, the dashboard at /.

Read-only by default. Each request opens the store read-only and closes it when done, so an `eventwire
ingest` in another process can commit between requests. `POST /api/ingest` exists only when the app is
created with `allow_write=True` and a token, and needs `Authorization: Bearer <token>`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date as Date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from .. import __version__, query
from ..errors import QueryError, StoreBusyError, StoreError
from .guard import ReadWriteLock, SecurityHeaders, token_matches
from .opener import ReadOpener

WEB_DIR = Path(__file__).resolve().parent.parent / "web" / "static"
CODE_PATTERN = r"^[A-Za-z0-9]{2,24}$"


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class Direction(StrEnum):
    both = "both"
    one_way = "one-way"


class Level(StrEnum):
    country = "country"
    actor = "actor"


Code = Annotated[str, PathParam(pattern=CODE_PATTERN, description="Country (RUS) or actor code (RUSGOV).")]
Limit = Annotated[int, Query(ge=1, le=query.MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Since = Annotated[Date | None, Query(description="First day, inclusive (YYYY-MM-DD).")]
Until = Annotated[Date | None, Query(description="Last day, inclusive (YYYY-MM-DD).")]


def event_filter(
    actor: Annotated[str | None, Query(pattern=CODE_PATTERN, description="Either side.")] = None,
    source: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
    target: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
    both_directions: Annotated[bool, Query(description="With source and target: either way round.")] = False,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="Either side.")] = None,
    sector: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="e.g. GOV.")] = None,
    plover: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{2,32}$", description="PLOVER type.")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code or prefix.")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[str | None, Query(max_length=200, description="Text search.")] = None,
    publisher: Annotated[str | None, Query(max_length=200)] = None,
    attribution: Annotated[str | None, Query(max_length=200)] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="At least this confidence.")] = None,
) -> query.EventFilter:
    filt = query.EventFilter(
        actor=actor, source=source, target=target, both_directions=both_directions, country=country,
        sector=sector, plover=plover, cameo=cameo, quad_class=quad_class, since=since, until=until, text=q,
        publisher=publisher, attribution=attribution, min_confidence=min_confidence,
    )
    return filt.validated()


Filter = Annotated[query.EventFilter, Depends(event_filter)]


def open_request_store(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection for one request, closed when the response is ready."""
    opener = request.app.state.opener
    with request.app.state.lock.reading():
        con = opener.open()
        try:
            yield con
        finally:
            opener.release(con)


Store = Annotated[duckdb.DuckDBPyConnection, Depends(open_request_store)]


class IngestArticle(BaseModel):
    id: str | None = Field(default=None, max_length=200)
    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=1000)
    date: Date | None = None
    url: str | None = Field(default=None, max_length=2000)
    publisher: str | None = Field(default=None, max_length=200)


class IngestRequest(BaseModel):
    articles: list[IngestArticle] = Field(min_length=1, max_length=100)


def _validation_message(exc: RequestValidationError) -> JSONResponse:
    problems = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        param = ".".join(loc) or "request"
        given = err.get("input")
        shown = f" (got {given!r})" if isinstance(given, str | int | float) else ""
        problems.append({"param": param, "message": f"{err.get('msg', 'invalid')}{shown}"})
    text = "; ".join(f"{p['param']}: {p['message']}" for p in problems)
    content = {"detail": f"invalid parameters: {text}", "errors": problems}
    return JSONResponse(status_code=422, content=content)


def create_app(db: str | Path, *, allow_write: bool = False, token: str | None = None) -> FastAPI:
    """The API and dashboard over the store at `db`. `allow_write` needs a `token` for POST /api/ingest."""
    if allow_write and not token:
        raise ValueError("allow_write=True needs a token")
    db_path = str(db)
    lock = ReadWriteLock()
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Political event data (CAMEO/PLOVER) with its evidence: events, dyads, networks.",
        # Swagger UI and ReDoc load their code from a CDN: off, the schema stays at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(SecurityHeaders)
    app.state.db = db_path
    app.state.lock = lock
    app.state.opener = ReadOpener(db_path)
    app.state.allow_write = allow_write

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_message(exc)

    @app.exception_handler(QueryError)
    async def _bad_query(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": exc.message, "code": exc.code})

    @app.exception_handler(StoreBusyError)
    async def _busy(request: Request, exc: StoreBusyError) -> JSONResponse:
        return JSONResponse(
            status_code=503, content={"detail": exc.message, "code": exc.code}, headers={"Retry-After": "2"}
        )

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": exc.message, "code": exc.code})

    def found(value: Any, what: str) -> Any:
        if value is None:
            raise HTTPException(status_code=404, detail=f"no such {what}")
        return value

    @app.get("/api/summary", tags=["store"])
    def summary(con: Store) -> dict[str, Any]:
        """Counts and the event date range of the store."""
        return {**query.store_summary(con), "writable": allow_write, "version": __version__}

    @app.get("/api/countries", tags=["store"])
    def countries(con: Store) -> list[dict[str, Any]]:
        """Countries that appear in events, most active first."""
        return query.countries(con)

    @app.get("/api/events", tags=["events"])
    def events(
        con: Store, filt: Filter, limit: Limit = 50, offset: Offset = 0,
        order: Annotated[str, Query(pattern="^(" + "|".join(query.ORDERS) + ")$")] = "date",
    ) -> dict[str, Any]:
        """Deduplicated events matching the filters: {total, limit, offset, items}."""
        return query.find_events(con, filt, limit=limit, offset=offset, order=order).to_dict()

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(con: Store, event_id: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        """One event with every mention (report) of it."""
        return found(query.get_event(con, event_id), "event")

    @app.get("/api/evidence", tags=["events"])
    def evidence(
        con: Store, filt: Filter, limit: Limit = 50, offset: Offset = 0,
        event_id: Annotated[str | None, Query(max_length=64)] = None,
    ) -> dict[str, Any]:
        """The mentions behind any count: sentence, offsets, article title, publisher, url, attribution."""
        return query.evidence(con, filt, event_id=event_id, limit=limit, offset=offset).to_dict()

    @app.get("/api/articles/{article_id}", tags=["events"])
    def article(con: Store, article_id: Annotated[str, PathParam(max_length=300)]) -> dict[str, Any]:
        """An article's text with the evidence spans (character offsets) of its events."""
        return found(query.get_article(con, article_id), "article")

    @app.get("/api/dyads/{a}/{b}/series", tags=["relations"])
    def dyad_series(
        con: Store, a: Code, b: Code, since: Since = None, until: Until = None, by: Period = Period.month,
        direction: Direction = Direction.both,
    ) -> dict[str, Any]:
        """Counts by quad class and Goldstein sum/mean per period for the events between A and B."""
        return query.dyad_series(
            con, a, b, since=since, until=until, by=by.value, both_directions=direction is Direction.both
        ).to_dict()

    @app.get("/api/dyads/{a}/{b}", tags=["relations"])
    def dyad(
        con: Store, a: Code, b: Code, since: Since = None, until: Until = None, by: Period = Period.month,
        direction: Direction = Direction.both,
        key_events: Annotated[int, Query(ge=0, le=100)] = 10,
    ) -> dict[str, Any]:
        """The relationship report: series, totals, key events, speakers, outlets, dominance warning."""
        return query.dyad_profile(
            con, a, b, since=since, until=until, by=by.value, both_directions=direction is Direction.both,
            key_events=key_events,
        )

    @app.get("/api/countries/{country}/partners", tags=["relations"])
    def partners(
        con: Store, country: Annotated[str, PathParam(pattern=r"^[A-Za-z]{3}$")], since: Since = None,
        until: Until = None, limit: Annotated[int, Query(ge=1, le=200)] = 10,
    ) -> list[dict[str, Any]]:
        """The countries this one has most events with."""
        return query.top_partners(con, country, since=since, until=until, limit=limit)

    @app.get("/api/network", tags=["relations"])
    def network(
        con: Store, filt: Filter, level: Level = Level.country,
        min_events: Annotated[int, Query(ge=1)] = 1, limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    ) -> dict[str, Any]:
        """Directed edges (counts, cooperation, conflict, mean Goldstein) between countries or actors."""
        return query.actor_network(con, filt, level=level.value, min_events=min_events, limit=limit)

    @app.get("/api/locations", tags=["relations"])
    def locations(con: Store, filt: Filter, limit: Annotated[int, Query(ge=1, le=1000)] = 500) -> list[dict]:
        """Where the matching events happened: one point per place."""
        return query.locations(con, filt, limit=limit)

    if allow_write:

        @app.post("/api/ingest", tags=["store"])
        def ingest(
            body: IngestRequest, authorization: Annotated[str | None, Header()] = None
        ) -> dict[str, Any]:
            """Code and store articles (needs `Authorization: Bearer <token>`)."""
            if not token_matches(authorization, token):
                raise HTTPException(
                    status_code=401, detail="a valid bearer token is required",
                    headers={"WWW-Authenticate": "Bearer"},
                )
            return _ingest(db_path, body, lock, app.state.opener)

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown(rest: str) -> None:
        raise HTTPException(status_code=404, detail=f"no such endpoint /api/{rest}; see /openapi.json")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    return app


def _ingest(db_path: str, body: IngestRequest, lock: ReadWriteLock, opener: ReadOpener) -> dict[str, Any]:
    import hashlib

    from ..model import Article
    from ..store import ingest_articles

    articles = [
        Article(
            id=a.id or "api-" + hashlib.sha256(a.text.encode("utf-8")).hexdigest()[:16],
            text=a.text, title=a.title, date=a.date, url=a.url, publisher=a.publisher, source_path="api",
        )
        for a in body.articles
    ]
    with lock.writing():
        opener.close()  # DuckDB will not open a file read-write in a process that has it open read-only
        counts = ingest_articles(articles, db=db_path, workers=1)
    return {
        "articles_new": counts.articles_new,
        "articles_skipped": counts.articles_skipped,
        "mentions_new": counts.mentions_new,
        "events_new": counts.events_new,
        "errors": counts.errors,
    }
