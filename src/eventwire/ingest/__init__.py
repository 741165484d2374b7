"""Input readers: one per input kind. Bad input is reported (an InputError in the stream), never fatal."""

from .feeds import read_feed_file
from .html import read_html_file
from .readers import SUPPORTED_SUFFIXES, read_inputs, read_path, read_text_file, register_reader
from .warc import read_warc_file

# Richer kinds, registered on the core readers (each imports its parser library on first use).
register_reader(".html", read_html_file)
register_reader(".htm", read_html_file)
register_reader(".rss", read_feed_file)
register_reader(".atom", read_feed_file)
register_reader(".xml", read_feed_file)
register_reader(".warc", read_warc_file)
register_reader(".warc.gz", read_warc_file)

__all__ = ["SUPPORTED_SUFFIXES", "read_inputs", "read_path", "read_text_file", "register_reader"]
