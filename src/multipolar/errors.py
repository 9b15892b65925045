"""The exceptions multipolar raises.

    MultipolarError            everything below; the CLI turns it into one line on stderr
    ├── InputError             a document that cannot be analysed (empty, binary, not English...)
    │   └── DocumentTimeout    one that took longer than `Settings.doc_timeout`
    ├── DataFileError          an actors/patterns file that cannot be read
    └── GoldFileError          a gold file for `multipolar eval` that is malformed
"""


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
