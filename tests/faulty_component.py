"""A spaCy component for fault-injection tests: it raises (or stalls) on documents that carry a marker.

Named in `Settings.components` as "tests.faulty_component:multipolar_test_faults", so every worker
process (a process pool, a Dask cluster) adds it to its own pipeline."""

from __future__ import annotations

import os
import signal
import time

from spacy.language import Language
from spacy.tokens import Doc

FAULT_MARKER = "Zarkovia"
"""A fictional name: a document that mentions it makes the component raise."""
STALL_MARKER = "Quellmoor"
"""Another: a document that mentions it makes the component sleep (to watch output arrive before it)."""
KILL_MARKER = "Vestrania"
"""A third: a document that mentions it makes the component kill its own process (a crash, or the
kernel's out-of-memory killer, looks the same from outside)."""
SPEC = "tests.faulty_component:multipolar_test_faults"


class InjectedFault(RuntimeError):
    """What the component raises: an ordinary exception, as a bug in any component would be."""


@Language.component("multipolar_test_faults")
def faulty(doc: Doc) -> Doc:
    if FAULT_MARKER in doc.text:
        raise InjectedFault(f"injected fault on a document that mentions {FAULT_MARKER}")
    if KILL_MARKER in doc.text:
        os.kill(os.getpid(), signal.SIGKILL)
    if STALL_MARKER in doc.text:
        time.sleep(60)
    return doc
