"""When an event happened: its date from the text, relative to the article's publication date (issue 5).

`event_date(sent, trigger, published)` picks the date expressions attached to the trigger's clause
(spaCy DATE entities and temporal modifiers), closest first, and resolves them with
`resolve_expression(text, published)`: our own rules for the relative expressions news uses ("on
Saturday", "last month", "earlier this year", "the previous day", "March 3" without a year), then
dateparser (English only, relative to publication, preferring the past) for absolute dates. Anything
vague, in the future, impossible or nonsense resolves to nothing and the event falls back to the
publication date, with `basis` saying so. Nothing here raises on bad text.

Dates are ISO strings; for month and year precision the date is the first day of that month or year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import MutableMapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# An event reported as past may be dated a little after publication only through time zones
# (an article stamped in UTC about a Pacific evening): one day of tolerance, no more.
FUTURE_TOLERANCE = dt.timedelta(days=1)
# Dates before this are not plausible event dates in news (and catch "the 1990s"-style misparses).
EARLIEST_YEAR = 1900
MAX_EXPRESSION_CHARS = 80

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
MONTH_NUM = {m: i + 1 for i, m in enumerate(MONTHS)} | MONTH_ABBR
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Prepositions that place an event in time ("on Saturday", "in March"); others make the expression a
# duration or a bound ("for two days", "since March", "by next year") and it is not the event's date.
# The preposition is kept in the reported expression ("on Saturday") when it is one of these.
EXPRESSION_PREPOSITIONS = frozenset({"on", "in", "during", "earlier", "late", "early"})
NON_DATE_PREPOSITIONS = frozenset(
    {
        "for",
        "since",
        "until",
        "till",
        "by",
        "within",
        "after",
        "before",
        "from",
        "to",
        "through",
        "throughout",
        "between",
        "of",
        "than",
    }
)
# Dependency labels that start a clause: the clause of a token is found by climbing to one of these.
# xcomp is left out on purpose: "agreed on Monday to meet" dates the meeting's clause too.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "csubj", "acl", "parataxis", "pcomp"})
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo"})
# Date words the small NER model often leaves untagged.
BARE_DATE_WORDS = frozenset(WEEKDAYS) | {"yesterday", "today", "tonight"}

_MONTH_RE = "|".join(sorted(MONTH_NUM, key=len, reverse=True))
_WEEKDAY_RE = "|".join(WEEKDAYS)
_NUM_RE = r"\d{1,2}|" + "|".join(NUMBER_WORDS)
_PARTS_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
# Words that hedge or position within a period without changing the period itself.
_HEDGES = re.compile(r"^(?:(?:on|in|at|during|over|earlier|early|late|mid|the|around|about|as of)[\s-]+)+")
_FUTURE = re.compile(r"\b(?:next|tomorrow|coming|upcoming|later this|later in|hence|from now)\b")
_DECADE = re.compile(r"\b\d{2,4}'?s\b|\b(?:decade|century|centuries|millennium)\b")
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b")


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None  # ISO 'YYYY-MM-DD'; the first day of the month or year for coarser precision
    basis: str  # 'text' | 'publication' | 'unknown'
    precision: str | None  # 'day' | 'month' | 'year' | None
    expression: str | None = None  # the date words used, e.g. 'on Saturday'


def fallback_date(published: dt.date | None) -> EventDate:
    """No usable date in the text: the publication date if there is one, else nothing."""
    if published is None:
        return EventDate(None, "unknown", None)
    return EventDate(_as_date(published).isoformat(), "publication", "day")


def resolve_expression(text: str, published: dt.date | None) -> EventDate | None:
    """Resolve one date expression against the publication date; None when it gives no past date.

    Pure and cached. None means: not a date, too vague ("the 1990s"), in the future ("next year"),
    impossible ("February 30") or nonsense; the caller falls back to publication.
    """
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_EXPRESSION_CHARS:
        return None
    pub = _as_date(published) if published is not None else None
    try:
        return _resolve_cached(_normalise(text), pub, text.strip())
    except (ValueError, OverflowError, TypeError):  # a rule computed an impossible date: no date
        return None


def event_date(
    sent: Any,
    trigger: Any,
    published: dt.date | None,
    *,
    doc_date_cache: MutableMapping[Any, EventDate | None] | None = None,
) -> EventDate:
    """The event's date: the closest resolvable date expression in the trigger's clause, else publication."""
    try:
        # A future or scheduled event ("will meet on Friday", "is due to end Friday") has no past date
        # to resolve to; it is dated by publication rather than by the last Friday.
        candidates = [] if future_clause(trigger) else date_candidates(sent, trigger)
    except (AttributeError, IndexError, ValueError):  # a span from another doc or an odd parse
        candidates = []
    for expression in candidates:
        key = (expression, published)
        if doc_date_cache is not None and key in doc_date_cache:
            resolved = doc_date_cache[key]
        else:
            resolved = resolve_expression(expression, published)
            if doc_date_cache is not None:
                doc_date_cache[key] = resolved
        if resolved is not None:
            return resolved
    return fallback_date(published)


# --- finding the expressions -------------------------------------------------------------------------


def trigger_anchor(trigger: Any) -> tuple[Any, frozenset[int], Any] | None:
    """(root token, token indices, clause head) of a trigger given as a Span or a single Token."""
    tokens = list(trigger) if hasattr(trigger, "root") else [trigger]
    if not tokens:
        return None
    root = trigger.root if hasattr(trigger, "root") else tokens[0]
    return root, frozenset(t.i for t in tokens), clause_head(root)


def date_candidates(sent: Any, trigger: Any) -> list[str]:
    """Date expressions tied to the trigger's clause, the syntactically closest first."""
    anchor = trigger_anchor(trigger)
    if anchor is None:
        return []
    trig_root, trig_ids, trig_clause = anchor
    occasion = occasion_clause(trig_clause)
    one_clause = sum(1 for t in sent if t.dep_ in CLAUSE_DEPS and t.pos_ in ("VERB", "AUX")) <= 1

    spans = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    covered = {t.i for e in spans for t in e}
    # Temporal words the NER missed ("Saturday" tagged as nothing, "yesterday" as a plain adverb).
    for tok in sent:
        if (
            tok.i not in covered
            and tok.lower_ in BARE_DATE_WORDS
            and tok.dep_ in ("npadvmod", "tmod", "pobj", "advmod")
        ):
            spans.append(tok.doc[tok.i : tok.i + 1])

    ranked = []
    for span in spans:
        attach, prep = _attachment(span)
        if prep is not None and prep.lower_ in NON_DATE_PREPOSITIONS:
            continue
        if (
            span.root.dep_ in ("compound", "nmod", "poss")
            and attach.pos_ in ("NOUN", "PROPN")
            and attach != trig_root
        ):
            # "condemned the March 3 test" (or a trigger phrase "quit the December agreement"): the date
            # belongs to the test or the agreement, not to the condemning or quitting.
            continue
        if attach.i in trig_ids or any(t.i in trig_ids for t in span):
            rank = 0
        elif clause_head(attach) == trig_clause:
            rank = 1
        elif one_clause or (occasion is not None and clause_head(attach) == occasion):
            rank = 2
        else:
            continue
        distance = min(abs(span.start - trig_root.i), abs(span.end - 1 - trig_root.i))
        text = " ".join(span.text.split())  # wire copy breaks lines inside expressions ("last\nmonth")
        if prep is not None and prep.lower_ in EXPRESSION_PREPOSITIONS:
            text = f"{prep.text} {text}"
        ranked.append((rank, distance, text))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return [text for _, _, text in ranked]


def future_clause(trigger: Any) -> bool:
    """Whether the trigger's verb is in the future: 'will'/'shall' on it, or 'due to'/'going to' above it."""
    token = trigger.root if hasattr(trigger, "root") else trigger
    for _ in range(4):
        if any(
            (c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES) or (c.dep_ == "acomp" and c.lower_ == "due")
            for c in token.children
        ):
            return True
        if token.dep_ != "xcomp":
            return False
        token = token.head
        if token.lower_ in ("due", "going", "scheduled", "set"):
            return True
    return False


OCCASION_MARKERS = frozenset({"when", "while", "as"})


def occasion_clause(clause: Any) -> Any | None:
    """For a when-clause ("a visit to Havana when Patrushev met Diaz-Canel"), the governing clause: it
    names the same occasion, so its time (and a visit's destination) applies to the events in the clause."""
    if clause.dep_ == "advcl" and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in OCCASION_MARKERS for c in clause.children
    ):
        return clause_head(clause.head)
    return None


def clause_head(token: Any) -> Any:
    """The head of the clause a token belongs to: climb until a clause-starting dependency."""
    seen = 0
    while token.dep_ not in CLAUSE_DEPS and token.head is not token and seen < 50:
        token = token.head
        seen += 1
    return token


def _attachment(span: Any) -> tuple[Any, Any]:
    """What the expression modifies, and the preposition that links them (if any)."""
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ in ("prep", "agent", "advmod"):
        prep = root.head
        return prep.head, prep
    return root.head, None


# --- resolving one expression -------------------------------------------------------------------------


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _normalise(text: str) -> str:
    text = text.strip().lower().replace("\u2019", "'")
    text = _ORDINAL.sub(r"\1", text)
    text = re.sub(r"[,\u2013\u2014]", " ", text)
    text = re.sub(r"\b(" + "|".join(MONTH_ABBR) + r")\.", r"\1", text)
    return " ".join(text.split())


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _day(d: dt.date, expression: str) -> EventDate:
    return EventDate(d.isoformat(), "text", "day", expression)


def _month(year: int, month: int, expression: str) -> EventDate:
    return EventDate(dt.date(year, month, 1).isoformat(), "text", "month", expression)


def _year(year: int, expression: str) -> EventDate:
    return EventDate(dt.date(year, 1, 1).isoformat(), "text", "year", expression)


def _months_back(d: dt.date, n: int) -> tuple[int, int]:
    index = d.year * 12 + (d.month - 1) - n
    return index // 12, index % 12 + 1


@lru_cache(maxsize=8192)
def _resolve_cached(norm: str, pub: dt.date | None, original: str) -> EventDate | None:
    if _FUTURE.search(norm) or _DECADE.search(norm):
        return None
    core = _HEDGES.sub("", norm).strip()
    # "Tuesday, March 5": the weekday adds nothing once the month and day are there.
    core = re.sub(rf"^(?:{_WEEKDAY_RE}) (?=(?:{_MONTH_RE}|\d))", "", core)
    if not core:
        return None
    result = _relative_rule(core, pub, original) if pub is not None else None
    if result is None:
        result = _absolute_rule(core, pub, original)
    if result is None:
        result = _dateparser(core, pub, original)
    if result is None or result.date is None:
        return None
    resolved = dt.date.fromisoformat(result.date)
    if resolved.year < EARLIEST_YEAR:
        return None
    # Without a publication date the only bound on "the past" is today.
    latest = (pub + FUTURE_TOLERANCE) if pub is not None else dt.date.today()
    if resolved > latest:
        return None
    return result


def _relative_rule(core: str, pub: dt.date, original: str) -> EventDate | None:
    """Expressions relative to publication that dateparser misses or resolves in the future."""
    if re.fullmatch(r"(?:today|this (?:morning|afternoon|evening)|tonight)", core):
        return _day(pub, original)
    if re.fullmatch(r"(?:yesterday|last night)" + _PARTS_OF_DAY, core):
        return _day(pub - dt.timedelta(days=1), original)
    if re.fullmatch(
        r"(?:the )?(?:previous|prior|preceding) (?:day|night)|(?:the )?day before|a day (?:earlier|before)",
        core,
    ):
        return _day(pub - dt.timedelta(days=1), original)
    m = re.fullmatch(rf"({_NUM_RE}) (day|week|month|year)s? (?:ago|earlier|before)", core)
    if m:
        n, unit = _number(m.group(1)), m.group(2)
        if unit == "day":
            return _day(pub - dt.timedelta(days=n), original)
        if unit == "week":
            return _day(pub - dt.timedelta(days=7 * n), original)
        if unit == "month":
            return _month(*_months_back(pub, n), original)
        return _year(pub.year - n, original)
    # A week has no precision of its own in the schema: a point estimate a week back, at day precision.
    if re.fullmatch(r"(?:last|past|previous|prior|a) week|the (?:previous|prior|past) week|week ago", core):
        return _day(pub - dt.timedelta(days=7), original)
    if re.fullmatch(r"this week", core):
        return _day(pub, original)
    if re.fullmatch(r"(?:last|previous|past) weekend|(?:the )?weekend|this weekend", core):
        return _day(_weekday_on_or_before(pub, 5, strict=False), original)
    if re.fullmatch(r"(?:last|previous|the previous|prior) month|a month ago|month ago", core):
        return _month(*_months_back(pub, 1), original)
    # "earlier in the month/year": the hedges are stripped, leaving the bare unit of the current period.
    if re.fullmatch(r"this month|month", core):
        return _month(pub.year, pub.month, original)
    if re.fullmatch(r"(?:last|previous|the previous|prior) year|a year ago|year ago", core):
        return _year(pub.year - 1, original)
    if re.fullmatch(r"this year|year", core):
        return _year(pub.year, original)
    m = re.fullmatch(rf"(last |this |past )?({_WEEKDAY_RE})" + _PARTS_OF_DAY, core)
    if m:
        # "last Saturday" said on a Saturday means a week ago; a bare "Saturday" may be today.
        return _day(
            _weekday_on_or_before(pub, WEEKDAYS.index(m.group(2)), strict=m.group(1) == "last "), original
        )
    m = re.fullmatch(rf"(last |this |past )?({_MONTH_RE})", core)
    if m:
        month = MONTH_NUM[m.group(2)]
        year = pub.year if month <= pub.month else pub.year - 1
        if m.group(1) == "last " and month == pub.month:
            year -= 1
        return _month(year, month, original)
    m = _MONTH_DAY.fullmatch(core)
    if m:
        month = MONTH_NUM[m.group(1) or m.group(4)]
        day = int(m.group(2) or m.group(3))
        # The most recent such day not after publication (plus the time-zone tolerance).
        # Feb 29 may need up to eight years back (1896 -> 1904 skips a leap year).
        for year in range(pub.year + 1, pub.year - 9, -1):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                if month == 2 and day == 29:
                    continue  # Feb 29 exists only in leap years: look at the year before
                return None
            if candidate <= pub + FUTURE_TOLERANCE:
                return _day(candidate, original)
        return None
    return None


def _absolute_rule(core: str, pub: dt.date | None, original: str) -> EventDate | None:
    """Years and month-years, which need no base date; dateparser moves them to the base's month."""
    m = re.fullmatch(r"(\d{4})", core)
    if m:
        return _year(int(m.group(1)), original)
    m = re.fullmatch(rf"({_MONTH_RE}) (?:of )?(\d{{4}})", core)
    if m:
        return _month(int(m.group(2)), MONTH_NUM[m.group(1)], original)
    return None


# dateparser is only worth its cost on text that looks like an absolute date; relative phrases it
# handles loosely ("2 weeks" -> a date two weeks back, "5" -> May) and our rules cover them.
_DATEPARSER_CANDIDATE = re.compile(
    rf"\b(?:{_MONTH_RE})\b.*\d|\d.*\b(?:{_MONTH_RE})\b|^\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}$"
)


_MONTH_DAY = re.compile(rf"({_MONTH_RE}) (\d{{1,2}})|(\d{{1,2}}) ({_MONTH_RE})")


def _dateparser(core: str, pub: dt.date | None, original: str) -> EventDate | None:
    if not _DATEPARSER_CANDIDATE.search(core):
        return None
    month_day = _MONTH_DAY.fullmatch(core)
    # Our rule owns "March 3" when there is a base date; and dateparser reads "March 32" as March 1932.
    if month_day and (pub is not None or int(month_day.group(2) or month_day.group(3)) > 31):
        return None
    parser = _date_parser(pub)
    try:
        data = parser.get_date_data(core)
    except Exception:  # dateparser raises assorted errors on odd input; bad text must never crash us
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "year":
        return _year(d.year, original)
    if data.period == "month":
        return _month(d.year, d.month, original)
    if data.period == "day":
        return _day(d, original)
    return None


@lru_cache(maxsize=256)
def _date_parser(pub: dt.date | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": False,
    }
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    return DateDataParser(languages=["en"], settings=settings)


def _weekday_on_or_before(pub: dt.date, weekday: int, *, strict: bool) -> dt.date:
    back = (pub.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return pub - dt.timedelta(days=back)
