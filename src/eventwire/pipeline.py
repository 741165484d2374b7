"""`code_article`: the per-article work every engine runs, composing nlp -> actors -> coding -> dates/places.

`Resources` holds what loads once per worker (the spaCy pipeline, ontology, actor dictionaries, event
patterns, gazetteer). `code_article` holds no open handles, so it and its arguments pickle cleanly for
process pools and Ray.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

from .collector import collector_paused
from .model import Article, Event, Evidence


@dataclass
class Resources:
    nlp: Any
    ontology: Any
    actors: Any
    coder: Any
    gazetteer: Any
    model: str | None = None
    actor_files: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def load(cls, *, model: str | None = None, actor_files: Sequence[str] = ()) -> Resources:
        from .nlp import DEFAULT_MODEL, load_nlp, model_name

        # Before the imports below: some of them import spaCy.
        if model_name(model) == DEFAULT_MODEL and multiprocessing.parent_process() is not None:
            _import_spacy_without_torch()
        from .actors import ActorResolver
        from .coding import EventCoder
        from .ontology import load_ontology
        from .places import Gazetteer

        nlp = load_nlp(model)
        # After the spaCy pipeline: its loader (srsly) turns the collector back on whatever it was.
        with collector_paused():
            return cls(
                nlp=nlp,
                ontology=load_ontology(),
                actors=ActorResolver.load(extra_files=tuple(actor_files)),
                coder=EventCoder.load(),
                gazetteer=Gazetteer.load(),
                model=model,
                actor_files=tuple(actor_files),
            )

    def __reduce__(self):
        # Ship the recipe, not the loaded models: a worker rebuilds (and caches) its own copy.
        return (cached_resources, (self.model, self.actor_files))


def _import_spacy_without_torch() -> None:
    """Import spaCy in a pool worker without PyTorch (issue 6: ~240 MB of RSS per worker).

    thinc imports torch whenever it is installed (the optional `learned` extra), only to support torch
    models; the pinned pipeline has none, and a default install has no torch at all. Only worker processes
    do this, and only for the pinned pipeline: they load one pipeline and nothing else, whereas the main
    process may later load a transformer pipeline or the learned stage, which need thinc's torch support.
    torch stays importable afterwards; only thinc's view of it ("not installed") is fixed."""
    if "spacy" in sys.modules or "thinc" in sys.modules or "torch" in sys.modules:
        return  # too late, or something here wants torch: leave it be
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError
    try:
        import spacy  # noqa: F401
    finally:
        del sys.modules["torch"]


_RESOURCE_CACHE: dict[tuple[str | None, tuple[str, ...]], Resources] = {}


def cached_resources(model: str | None, actor_files: tuple[str, ...]) -> Resources:
    """One Resources per (model, actor files) per process: workers and repeated runs reuse it."""
    key = (model, actor_files)
    if key not in _RESOURCE_CACHE:
        _RESOURCE_CACHE[key] = Resources.load(model=model, actor_files=actor_files)
    return _RESOURCE_CACHE[key]


def default_resources() -> Resources:
    return cached_resources(None, ())


def code_doc(article: Article, doc: Any, resources: Resources) -> list[Event]:
    """Turn one parsed article into events. The doc must have been parsed by `resources.nlp` (which marks the
    dateline) from `article.text` unchanged, so that every character offset points into the article."""
    from .coding.parties import thing_acted_on
    from .dates import event_date
    from .places import parse_dateline, place_target, site_target

    actors = resources.actors.for_document(doc, published=article.date, title=article.title)
    candidates = resources.coder.code(doc, actors)
    if not candidates:
        return []
    # The place needs the dateline match's groups, not only its length (doc._.dateline_chars): matched here.
    dateline = parse_dateline(article.dateline) if article.dateline else parse_dateline(article.text[:200])
    lead = _dateline_sentence(doc)
    article_countries = sorted(
        {a.country for c in candidates for a in (c.source, c.target) if a is not None and a.country}
    )
    events: list[Event] = []
    for cand in candidates:
        cand.target, target_place = place_target(
            cand.target, cand.cameo, doc, resources.gazetteer, article_countries=article_countries,
            source=cand.source,
        )
        if target_place is not None and cand.cameo in resources.gazetteer.place_seizure_codes:
            cand.cameo = resources.gazetteer.place_seizure_codes[cand.cameo]
            cand.rule += ":place"
        code = resources.ontology.for_cameo(cand.cameo)
        when = event_date(cand.sent, cand.trigger, article.date)
        actor_countries = [a.country for a in (cand.source, cand.target) if a is not None and a.country]
        location, location_basis = resources.gazetteer.event_location(
            cand.sent,
            cand.trigger,
            actor_countries=actor_countries,
            article_countries=article_countries,
            dateline=dateline,
        )
        if target_place is not None and location_basis != "text":
            # 'struck the town of Khan Younis': the place acted on is where the act happened.
            location, location_basis = target_place.to_location(), "text"
        elif location_basis == "text":
            cand.target = site_target(cand.target, cand.cameo, doc, resources.gazetteer, location, cand.source)
        if thing_acted_on(cand.target, doc, actors):
            # 'Iraq attacked shipping', 'shelled an oil platform': force used on a thing no one is named as
            # owning keeps its event, but a thing is no party; the evidence still says what was hit.
            cand.target = None
        # The dateline is parsed as a sentence of its own (nlp._mark_dateline) but reported, as written, as
        # part of the lead: the sentence numbers and the evidence stay those of the article's sentences.
        sentence, start = cand.sentence, cand.sent.start_char
        if lead is not None:
            sentence = max(sentence - 1, 0)
            start = lead.start_char if cand.sentence == 1 else start
        events.append(
            Event(
                article_id=article.id,
                sentence=sentence,
                source=cand.source,
                target=cand.target,
                cameo=code.code,
                cameo_name=code.name,
                plover=code.plover,
                plover_mode=code.plover_mode,
                plover_context=list(code.plover_context),
                quad_class=code.quad_class,
                goldstein=code.goldstein,
                evidence=Evidence(
                    start=start,
                    end=cand.sent.end_char,
                    text=doc.text[start : cand.sent.end_char],
                    trigger=cand.trigger.text,
                    trigger_start=cand.trigger.start_char,
                    trigger_end=cand.trigger.end_char,
                ),
                rule=cand.rule,
                confidence=round(float(cand.confidence), 3),
                date=when.date,
                date_basis=when.basis,
                date_precision=when.precision,
                location=location,
                location_basis=location_basis,
                attribution=cand.attribution,
                publisher=article.publisher,
                url=article.url,
            )
        )
    return events


def _dateline_sentence(doc: Any) -> Any:
    """The wire dateline that opens the doc as a sentence of its own ('NAIROBI, March 14 (Reuters) -'), or None."""
    end = doc._.dateline_chars  # measured once, at parse time, by nlp._mark_dateline
    first = next(iter(doc.sents), None) if end else None
    return first if first is not None and first.end_char <= end and first.end < len(doc) else None


def code_article(article: Article, resources: Resources | None = None) -> list[Event]:
    """Code one article. Pure: same article and resources -> same events."""
    res = resources or default_resources()
    return code_doc(article, res.nlp(article.text), res)


def code_articles(
    articles: Iterable[Article], resources: Resources | None = None, *, batch_size: int = 32
) -> Iterator[tuple[Article, list[Event]]]:
    """Code many articles, parsing them in batches; yields (article, events) in input order."""
    res = resources or default_resources()
    stream = ((a.text, a) for a in articles)
    for doc, article in res.nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield article, code_doc(article, doc, res)


def code_text(
    text: str, *, date: Date | str | None = None, article_id: str = "text", resources: Resources | None = None
) -> list[Event]:
    """Code a piece of text as one article published on `date` (a date or 'YYYY-MM-DD')."""
    from .ingest.normalise import parse_date

    published = parse_date(date) if date is not None else None
    return code_article(Article(id=article_id, text=text, date=published), resources)
