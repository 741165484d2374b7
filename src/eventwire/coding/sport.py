"""Reports of games: a sentence about sport holds no political event, whatever its verbs ('Celtic's forwards
tore the Rangers back line apart in a 3-0 win', 'Leeds raided a rival's youth academy', 'players surrounded the
referee after the penalty'). Clubs carry the names of cities, and players' names are people's names, so the
actor dictionaries cannot tell them from states and leaders; the sentence's words can.

The words and names are data (`patterns/non_actors.json`, 'sports_words' and 'sports_names'); a score next to a
result ('a 4-1 win', 'a 2-2 draw') is told here.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from .word_lists import non_actor_names, non_actor_words

# A score before the result it gives: 'a 4-1 win', 'their 0-3 defeat', 'a 4-0 home defeat', 'a 2-2 draw'; or
# after the side a result verb names: 'crushed Marseille 4-0', 'beat Real Madrid 2-1'; or right after the result.
SCORE = re.compile(
    r"\b\d{1,2}-\d{1,2} (?:(?:home|away) )?(?:win|victory|defeat|loss|draw|thrashing|rout|triumph)\b"
    # a name, capitalised ('the Senate defeated the bill 52-48' is a vote, not a game)
    r"|\b(?:beat|crushed|thrashed|hammered|routed|edged|drew with|lost to) (?:(?-i:[A-Z])[\w'.-]* ?){1,3}"
    r"\d{1,2}-\d{1,2}\b"
    # a one-digit score right after the result ('the visitors winning 2-0'; a vote is told 'voted 52-48')
    r"|\b(?:winning|won|losing|lost) \d-\d\b",
    re.IGNORECASE)


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted(non_actor_words("sports_words"), key=len, reverse=True)
    names = sorted(non_actor_names("sports_names"), key=len, reverse=True)
    # words in any case, names as written; an empty list adds no alternative (it would match every sentence)
    parts = ([r"(?i:" + "|".join(map(re.escape, words)) + ")"] if words else []) + [re.escape(n) for n in names]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b" if parts else r"(?!)")


def sports_report(sent: Span) -> bool:
    """Whether the sentence reports a game: one of the words or names only sport uses, or a score."""
    text = sent.text
    return bool(SCORE.search(text) or _pattern().search(text))
