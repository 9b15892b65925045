"""The exceptions multipolar raises.

    MultipolarError            everything below; the CLI turns it into one line on stderr
    ├── InputError             a document that cannot be analysed (empty, binary, not English...)
    │   └── DocumentTimeout    one that took longer than `Settings.doc_timeout`
    ├── DataFileError          an actors/patterns file that cannot be read
    ├── GoldFileError          a gold file for `multipolar eval` that is malformed
    └── StoreError             a store (DuckDB file) that cannot be opened, upgraded or written

Anything else a document raises inside the pipeline is a bug met on that document: `failure` turns it
into that document's one-line error (type and message), keeping the traceback for the log.
"""

import traceback


class MultipolarError(Exception):
    """Base class: its message is one line, fit to show a user as it is."""


class InputError(MultipolarError):
    """The input cannot be analysed; the message says why."""


class DocumentTimeout(InputError):
    """Analysing the document took longer than the per-document time limit."""


class DataFileError(MultipolarError):
    """A data file (shipped or the user's) is malformed."""


class GoldFileError(MultipolarError):
    """A gold file given to `multipolar eval` is malformed."""


class StoreError(MultipolarError):
    """The database file cannot be opened, upgraded or written."""


def failure(exc: BaseException) -> tuple[str, str | None]:
    """(one line, traceback or None) for an exception one document raised: a `MultipolarError`'s message
    as it is; for anything else, its type and first line, with the traceback."""
    if isinstance(exc, MultipolarError):
        return " ".join(str(exc).split()), None
    first = next((line.strip() for line in str(exc).splitlines() if line.strip()), "")
    line = f"{type(exc).__name__}: {first[:300]}" if first else type(exc).__name__
    return line, "".join(traceback.format_exception(exc))
