"""Every error realpolitik raises, with a stable code that users, logs and the failures table can rely on.

    RealpolitikError
    ├── InputError                  a source could not be read into articles (recorded as a Failure)
    │   ├── UnreadableInput   RP-E101
    │   ├── EmptyInput        RP-E102
    │   ├── BinaryInput       RP-E103
    │   ├── EncodingError     RP-E104
    │   ├── OversizedInput    RP-E105
    │   ├── MalformedRecord   RP-E106   (a JSONL line, a field of the wrong type)
    │   ├── UnsupportedInput  RP-E107
    │   │   └── UnsupportedLanguage  RP-E108   (not English: detected, or a ``lang`` given)
    │   ├── SpecialFile       RP-E109   (a FIFO, socket or device found in a folder or glob)
    │   ├── MalformedFeed     RP-E110
    │   ├── HTTPStatusError   RP-E111
    │   ├── FetchTimeout      RP-E112
    │   ├── NoContent         RP-E113   (a page with no extractable article text)
    │   ├── FetchError        RP-E114   (connection refused, DNS, TLS ...)
    │   └── ConflictingId     RP-E115   (an id already used for another text; ``--update`` replaces)
    ├── PipelineError         RP-E201   a stage failed on one article
    │   └── AnalysisTimeout   RP-E202   an article ran past ``article_time_budget`` (not stored)
    ├── KnowledgeBaseError    RP-E301   a knowledge-base file is invalid (names file, line, field)
    ├── StoreError            RP-E401   the store cannot be opened or written
    │   ├── StoreLocked       RP-E402   another process owns the store
    │   └── QueryError        RP-E403   a query of the store has a bad parameter (cursor, period, dyad, ...)
    │       └── UnknownActor  RP-E404   no actor by that code, name or demonym (store or knowledge base)
    ├── EvalDataError         RP-E501   a gold set is missing or unreadable
    ├── ConfigError           RP-E601   a setting has a bad value
    ├── APIError              RP-E701   bad request to the REST API (carries an HTTP status)
    └── PluginError           RP-E801   a plugin (entry point group ``realpolitik.plugins``) failed to load

The CLI prints ``error[RP-E104] path: message`` on stderr; the API returns ``{"error": {"code", "message"}}``.
"""

from __future__ import annotations


class RealpolitikError(Exception):
    code = "RP-E000"

    def __init__(self, message: str, *, ref: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.ref = ref

    def __str__(self) -> str:
        return f"{self.ref}: {self.message}" if self.ref else self.message

    def one_line(self) -> str:
        return f"error[{self.code}] {self}"


class InputError(RealpolitikError):
    code = "RP-E100"


class UnreadableInput(InputError):
    code = "RP-E101"


class EmptyInput(InputError):
    code = "RP-E102"


class BinaryInput(InputError):
    code = "RP-E103"


class EncodingError(InputError):
    code = "RP-E104"


class OversizedInput(InputError):
    code = "RP-E105"


class MalformedRecord(InputError):
    code = "RP-E106"


class UnsupportedInput(InputError):
    code = "RP-E107"


class UnsupportedLanguage(UnsupportedInput):
    code = "RP-E108"


class SpecialFile(InputError):
    code = "RP-E109"


class MalformedFeed(InputError):
    code = "RP-E110"


class HTTPStatusError(InputError):
    code = "RP-E111"


class FetchTimeout(InputError):
    code = "RP-E112"


class NoContent(InputError):
    code = "RP-E113"


class FetchError(InputError):
    code = "RP-E114"


class ConflictingId(InputError):
    code = "RP-E115"


class PipelineError(RealpolitikError):
    code = "RP-E201"


class AnalysisTimeout(PipelineError):
    code = "RP-E202"


class KnowledgeBaseError(RealpolitikError):
    code = "RP-E301"

    def __init__(self, message: str, *, file: str, line: int | None = None, field: str | None = None) -> None:
        where = file if line is None else f"{file}:{line}"
        if field:
            where = f"{where}: field {field!r}"
        super().__init__(message, ref=where)
        self.file, self.line, self.field = file, line, field


class StoreError(RealpolitikError):
    code = "RP-E401"


class StoreLocked(StoreError):
    code = "RP-E402"


class QueryError(StoreError):
    code = "RP-E403"


class UnknownActor(QueryError):
    code = "RP-E404"


class EvalDataError(RealpolitikError):
    code = "RP-E501"


class ConfigError(RealpolitikError):
    code = "RP-E601"


class APIError(RealpolitikError):
    code = "RP-E701"

    def __init__(self, message: str, *, status: int = 400, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        if code:
            self.code = code


class PluginError(RealpolitikError):
    code = "RP-E801"


def all_error_classes() -> list[type[RealpolitikError]]:
    seen: list[type[RealpolitikError]] = []
    stack: list[type[RealpolitikError]] = [RealpolitikError]
    while stack:
        cls = stack.pop()
        seen.append(cls)
        stack.extend(cls.__subclasses__())
    return seen
