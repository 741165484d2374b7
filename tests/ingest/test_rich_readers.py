"""HTML, RSS, Atom and WARC inputs, written into tmp_path by the tests themselves."""

from __future__ import annotations

import gzip
import io
from datetime import date

import pytest

from eventwire.errors import EmptyInputError, InputError, MalformedInputError
from eventwire.ingest import read_inputs
from eventwire.model import Article

STORY = (
    "Russian Security Council Deputy Chairman Dmitry Medvedev spoke by phone with Raul Castro on Saturday "
    "to congratulate him on his birthday, the Kremlin said in a statement. The two men discussed trade, "
    "energy supplies and the visit of a Russian delegation to Havana planned for the autumn. "
)
SECOND = (
    "Officials in Havana said the conversation was warm and that Cuba valued its long friendship with "
    "Moscow. Diplomats in the region said the call signalled closer ties between the two governments."
)


def page(title: str = "Medvedev phones Castro", *, body: str = STORY + SECOND) -> str:
    return f"""<!DOCTYPE html><html><head><title>{title}</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2023-06-05T09:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>{title}</h1><p>{STORY}</p><p>{SECOND}</p></article>
<footer>Copyright Example Wire. All rights reserved. Subscribe to our newsletter.</footer>
<script>var tracking = "do not extract me";</script>
</body></html>"""


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(page(), encoding="utf-8")
    art = only(read_inputs([path]))
    assert isinstance(art, Article)
    assert art.id == "story"
    assert "Medvedev spoke by phone" in art.text and "closer ties" in art.text
    assert "tracking" not in art.text and "Subscribe" not in art.text
    assert art.title == "Medvedev phones Castro"
    assert art.date == date(2023, 6, 5)
    assert art.publisher == "Example Wire"


def test_htm_without_text_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "menu.htm"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    err = only(read_inputs([path]))
    assert isinstance(err, EmptyInputError) and str(path) in err.path


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire World</title><link>https://example.org/</link>
<item><title>Medvedev phones Castro</title><link>https://example.org/a</link><guid>urn:ex:a</guid>
<pubDate>Mon, 05 Jun 2023 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Medvedev spoke by phone with Raul Castro.&lt;/p&gt;
&lt;p&gt;Cuba welcomed it.&lt;/p&gt;</description>
</item>
<item><title>Empty</title><link>https://example.org/b</link><description></description></item>
<item><title>Lavrov in Havana</title><link>https://example.org/c</link>
<pubDate>Tue, 06 Jun 2023 10:00:00 GMT</pubDate><description>Lavrov visited Havana.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:feed</id>
<updated>2023-06-05T10:00:00Z</updated>
<entry><title>Talks in Beijing</title><id>urn:atom:1</id><link href="https://example.org/x"/>
<published>2023-06-04T08:00:00Z</published><updated>2023-06-05T08:00:00Z</updated>
<content type="html">&lt;p&gt;Putin met Xi Jinping in Beijing on Sunday.&lt;/p&gt;
&lt;script&gt;evil()&lt;/script&gt;</content>
<summary>Short summary.</summary></entry>
</feed>"""


def test_rss_entries_become_articles_and_empty_entries_errors(tmp_path):
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_inputs([path]))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert [a.id for a in arts] == ["urn:ex:a", "https://example.org/c"]
    assert arts[0].text == "Medvedev spoke by phone with Raul Castro.\nCuba welcomed it."
    assert arts[0].date == date(2023, 6, 5) and arts[0].publisher == "Example Wire World"
    assert arts[0].url == "https://example.org/a" and arts[0].title == "Medvedev phones Castro"
    assert len(errs) == 1 and errs[0].path.endswith("#2")


def test_atom_prefers_full_content_and_drops_scripts(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    art = only(read_inputs([path]))
    assert art.text == "Putin met Xi Jinping in Beijing on Sunday."
    assert art.date == date(2023, 6, 4) and art.publisher == "Atom Wire" and art.id == "urn:atom:1"


def test_xml_that_is_not_a_feed_is_reported(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><inventory><item>bolts</item></inventory>", encoding="utf-8")
    assert isinstance(only(read_inputs([path])), MalformedInputError)


def _warc_bytes(*, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)

    def response(uri: str, body: bytes, ctype: str, status: str = "200 OK"):
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
        )

    response("https://example.org/story", page().encode("utf-8"), "text/html; charset=utf-8")
    response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
    response("https://example.org/gone", b"<html>not found</html>", "text/html", status="404 Not Found")
    response("https://example.org/second", page("Second story").encode("utf-8"), "text/html")
    return out.getvalue()


@pytest.mark.parametrize("name,gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_become_articles(tmp_path, name, gz):
    path = tmp_path / name
    path.write_bytes(_warc_bytes(gz=gz))
    items = list(read_inputs([path]))
    assert all(isinstance(i, Article) for i in items), items
    assert [a.url for a in items] == ["https://example.org/story", "https://example.org/second"]
    assert "Medvedev spoke by phone" in items[0].text and items[1].title == "Second story"


def test_truncated_warc_keeps_what_was_read_and_reports_the_damage(tmp_path):
    data = _warc_bytes(gz=True)
    first_member = gzip.decompress(data)  # sanity: it is a valid multi-member gzip
    assert first_member
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 40])
    items = list(read_inputs([path]))
    assert isinstance(items[-1], MalformedInputError)
    assert any(isinstance(i, Article) for i in items)


def test_directory_mixes_kinds(tmp_path):
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    (tmp_path / "b.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "c.warc").write_bytes(_warc_bytes(gz=False))
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    arts = [i for i in read_inputs([tmp_path]) if isinstance(i, Article)]
    assert len(arts) == 1 + 2 + 2
