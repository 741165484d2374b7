"""Reports of games are left uncoded (coding/sport.py); political news that names sport is not."""

from __future__ import annotations

import pytest

from eventwire.coding.sport import sports_report


@pytest.mark.parametrize(
    "text",
    [
        "Celtic's attack tore Rangers apart in a 3-0 win at Parkhead.",
        "The players surrounded the referee after the penalty was given.",
        "The Spanish champion withdrew from the US Open with a wrist injury.",
        "Their midfielder was sent off in the second half.",
    ],
)
def test_game_reports_are_told(nlp, text):
    assert sports_report(next(nlp(text).sents))


@pytest.mark.parametrize(
    "text",
    [
        # words of politics that sport also uses, and sport as political news
        "Iran's players refused to sing the anthem at the World Cup in protest against the crackdown.",
        "FIFA suspended Russia from international football after the invasion of Ukraine.",
        "Hunger striker Alaa Abd El-Fattah urged Britain to secure his release.",
        "Let us open talks with Moscow, the chancellor said.",
        "The vote ended 4-1 in favour of the motion.",
    ],
)
def test_political_news_is_not_sport(nlp, text):
    assert not sports_report(next(nlp(text).sents))
