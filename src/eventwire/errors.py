"""Every error eventwire raises, each with a code and a message that says what to do.

The library raises these; only the CLI and the HTTP API turn them into text for people.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class: `code` is stable (scripts may match on it); `str(err)` is for people."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ModelNotInstalledError(EventwireError):
    code = "E001"


class ModelMismatchError(EventwireError):
    code = "E002"


class DataFileError(EventwireError):
    """A bundled or user-supplied data file (ontology, actors, patterns, gazetteer) is invalid."""

    code = "E003"

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InputError(EventwireError):
    """One input (file, line, record) could not be read. The batch goes on without it."""

    code = "E010"

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class EmptyInputError(InputError):
    code = "E011"


class BinaryInputError(InputError):
    code = "E012"


class EncodingInputError(InputError):
    code = "E013"


class MalformedInputError(InputError):
    code = "E014"


class TooLargeInputError(InputError):
    code = "E015"


class UnsupportedInputError(InputError):
    code = "E016"


class GoldFileError(EventwireError):
    code = "E020"


class StoreError(EventwireError):
    code = "E030"


class StoreVersionError(StoreError):
    code = "E031"


class QueryError(EventwireError):
    code = "E040"


class EngineError(EventwireError):
    code = "E050"


class EngineNotInstalledError(EngineError):
    code = "E051"


class DateError(EventwireError):
    code = "E060"


class UnknownCodeError(EventwireError, KeyError):
    """A CAMEO code, PLOVER type, mode or context that the ontology does not hold.

    Also a KeyError, so that ontology lookups behave like the mappings they wrap.
    """

    code = "E004"

    def __init__(self, kind: str, value: str):
        super().__init__(f"unknown {kind} {value!r}: see docs/ontology.md for the codes eventwire knows")
        self.kind = kind
        self.value = value

    def __reduce__(self):  # errors cross process boundaries in the engines
        return (type(self), (self.kind, self.value))


class EventSchemaError(EventwireError):
    """An event dict does not match the event JSON Schema (src/eventwire/schema/event.schema.json)."""

    code = "E005"

    def __init__(self, problems: list[str]):
        super().__init__("event does not match the event schema: " + "; ".join(problems))
        self.problems = list(problems)

    def __reduce__(self):
        return (type(self), (self.problems,))


class StoreBusyError(StoreError):
    """Another process holds the store (DuckDB allows one writing process, or readers while none writes)."""

    code = "E032"


class CodingFailedError(InputError):
    """Coding one article raised (a bug, or text the NLP could not handle); the run goes on without it."""

    code = "E017"

    def __reduce__(self):  # crosses process boundaries in the engines
        return (type(self), (self.path, self.reason))


class ExportError(EventwireError):
    """An export was asked for in an unknown format, or a binary format without a file to write."""

    code = "E070"
