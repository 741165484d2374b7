"""Whatever the text, mentions() returns non-overlapping spans inside the sentence, in order, and
resolve() never fails (issue 4: an unresolvable mention keeps its text)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["Russia", "Cuban", "officials", "in", "Havana", "the", "Kremlin", "said", "met", "Medvedev", "and",
         "protesters", "'s", ",", "former", "president", "of", "UN", "Hamas", "militants", "attacked", "a",
         "base", "Díaz-Canel", "pro-Russian", "separatists", "(", ")", ".", "Thom", "company", "minister"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=18))
def test_mentions_are_well_formed(nlp, resolver, words):
    doc = nlp(" ".join(words))
    actors = resolver.for_document(doc)
    for sent in doc.sents:
        found = actors.mentions(sent)
        last_end = -1
        for span, actor in found:
            assert sent.start <= span.start < span.end <= sent.end
            assert span.start >= last_end
            last_end = span.end
            assert actor.text == span.text and (actor.start, actor.end) == (span.start_char, span.end_char)
            assert actor.code is None or actor.country is not None
