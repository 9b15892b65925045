"""The store's events as PLOVER-style records: one JSON object a line (id, date, actors, event, mode, text)."""

from __future__ import annotations

import json
from pathlib import Path

from multipolar.corpus import store
from multipolar.corpus.export import ExportOptions


def write(db: Path, target: Path, options: ExportOptions) -> int:
    """The number of events written."""
    connection = store.connect(db, read_only=True)
    try:
        rows = connection.execute(
            """SELECT e.doc_id, e.idx, e.date, e.source, e.source_text, e.target, e.target_text, e.plover, e.mode,
                      e.cameo, e.modality, e.negated, e.evidence, d.source
               FROM events e JOIN documents d ON d.id = e.doc_id ORDER BY e.doc_id, e.idx""").fetchall()
    finally:
        connection.close()
    with target.open("w", encoding="utf-8") as out:
        for doc_id, idx, date, src, src_text, tgt, tgt_text, plover, mode, cameo, modality, negated, text, url \
                in rows:
            out.write(json.dumps({
                "id": f"{doc_id}:{idx}", "date": date, "event": plover, "mode": mode, "cameo": cameo,
                "actor": src, "actor_text": src_text, "recipient": tgt, "recipient_text": tgt_text,
                "context": [], "modality": modality, "negated": negated, "text": text, "source": url,
            }, ensure_ascii=False) + "\n")
    return len(rows)
