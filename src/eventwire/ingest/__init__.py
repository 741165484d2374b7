"""Input readers: one per input kind. Bad input is reported (an InputError in the stream), never fatal."""

from .readers import SUPPORTED_SUFFIXES, read_inputs, read_path, read_text_file

__all__ = ["SUPPORTED_SUFFIXES", "read_inputs", "read_path", "read_text_file"]
