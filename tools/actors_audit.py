#!/usr/bin/env python3
"""Precision audit of actor resolution on real text: a fixed, seeded sample of corpus documents, every
mention resolved in them, and the false resolutions a hand-judged list names.

    nice -n 10 python tools/actors_audit.py run --out /tmp/audit.jsonl      # resolve the documents (minutes)
    python tools/actors_audit.py count /tmp/audit.jsonl [--list]

`run` reads the two shared corpora (the White House statements with voice USA, the UN General Debate with
the voice in `iso3`), takes the records `tests/gold/actors-realtext-sample.txt` lists (or, with `--sample ''`,
leaves out every record a gold file of `tests/gold/` names and picks `--white-house` and `--un` records with
`random.Random(--seed)`), and writes every resolved mention with its origin, its
sentence and its resolution. `count` gives the resolved mentions per origin and how many of them
`tests/gold/actors-realtext-false.tsv` (judged by hand on what the text means) calls false; `--list` shows
the mentions of the knowledge base, the document and the rules that the list does not name, to judge
after a change: a new resolution is not right because no one has listed it yet.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = {"whitehouse-statements-2021-2026": ("whitehouse-statements-2021-2026/documents.jsonl.gz", "USA", None),
           "ungdc-2005-2024": ("ungdc-2005-2024/speeches.jsonl.gz", None, "iso3")}
FALSE = ROOT / "tests" / "gold" / "actors-realtext-false.tsv"
SAMPLE = ROOT / "tests" / "gold" / "actors-realtext-sample.txt"
_OUR_STAGES = ("multipolar_paragraphs", "multipolar_actors")


def origin_of(ref: Any, how: str) -> str:
    """Where a resolution came from: the knowledge base (person, organisation, place), the document, a generic
    word, another rule, the curated gazetteer, or `voice` for a voiced document's "we"."""
    if how == "voice":
        return "voice"
    if ref.origin == "knowledge_base":
        return {"person": "kb-person", "organization": "kb-organisation", "igo": "kb-organisation"}.get(
            ref.kind, "kb-place")
    if ref.origin == "rule":
        return "generic" if ref.category == "generic" else "rule"
    return "document" if ref.origin == "document" else "gazetteer"


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def gold_record_ids() -> set[str]:
    """Every corpus record a gold file names (documents, figures, quotes), to be left out of the sample."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "gold").glob("*.jsonl")))
    found: set[str] = set()
    for relative, _, _ in CORPORA.values():
        for record in _records(SHARED / "corpora" / relative):
            if f'"{record["id"]}"' in text:
                found.add(record["id"])
    return found


def listed_documents(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """The records a sample file lists, in corpus order."""
    wanted = {ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and ln[0] != "#"}
    return [(corpus, r) for corpus, (relative, _, _) in CORPORA.items()
            for r in _records(SHARED / "corpora" / relative) if r["id"] in wanted]


def sample_documents(seed: int, white_house: int, un: int) -> list[tuple[str, dict[str, Any]]]:
    excluded = gold_record_ids()
    chosen = []
    for corpus, count in (("whitehouse-statements-2021-2026", white_house), ("ungdc-2005-2024", un)):
        records = sorted((r for r in _records(SHARED / "corpora" / CORPORA[corpus][0]) if r["id"] not in excluded
                          and r.get("text", "").strip()), key=lambda r: r["id"])
        chosen += [(corpus, r) for r in random.Random(f"{seed}:{corpus}").sample(records, count)]
    return chosen


def run(args: argparse.Namespace) -> int:
    from multipolar.errors import InputError
    from multipolar.ingest.read import article_from_record
    from multipolar.nlp.spacy_pipeline import load_pipeline
    from multipolar.pipeline import _prepared_doc
    from multipolar.settings import DEFAULT_SETTINGS

    nlp = load_pipeline(DEFAULT_SETTINGS)
    keep = [n for n in nlp.pipe_names if not n.startswith("multipolar_") or n in _OUR_STAGES]
    written = skipped = 0
    with open(args.out, "w", encoding="utf-8") as out, nlp.select_pipes(enable=keep):
        chosen = listed_documents(Path(args.sample)) if args.sample else \
            sample_documents(args.seed, args.white_house, args.un)
        for corpus, record in chosen:
            _, voice, voice_field = CORPORA[corpus]
            settings = DEFAULT_SETTINGS.replace(voice=voice, voice_field=voice_field or "voice")
            try:
                article = article_from_record(record, name=record["id"], date=None, settings=settings)
            except InputError as exc:
                print(f"skipped {record['id']}: {exc}", file=sys.stderr)
                skipped += 1
                continue
            doc = nlp(_prepared_doc(nlp, article))
            for mention in doc._.mp_mentions or []:
                out.write(json.dumps(_mention_row(corpus, record["id"], article, doc, mention)) + "\n")
                written += 1
    print(f"{written} mentions written to {args.out}; {skipped} documents skipped", file=sys.stderr)
    return 0


def _mention_row(corpus: str, record_id: str, article: Any, doc: Any, mention: Any) -> dict[str, Any]:
    span = doc[mention.start : mention.end]
    sentence = span.sent
    ref = mention.actors[0]
    return {"corpus": corpus, "record": record_id, "date": article.date.isoformat() if article.date else None,
            "voice": article.voice, "start": span.start_char, "end": span.end_char, "mention": span.text,
            "origin": origin_of(ref, mention.how), "how": mention.how,
            "actors": [{"code": r.code, "name": r.name, "kind": r.kind, "country": r.country
                        if r.kind != "state" else r.code, "role": r.role, "origin": r.origin,
                        "origin_id": r.origin_id, "category": r.category} for r in mention.actors],
            "sentence": sentence.text, "sentence_start": sentence.start_char}


def load_false(path: Path = FALSE) -> dict[tuple[str, str], tuple[str, str]]:
    """(mention, code) -> (the origin it is false from, empty for any; why it is a false resolution)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip() and not line.startswith("#") and not line.startswith("mention\t"):
            mention, code, note, *origin = line.split("\t")
            found[(mention, code)] = (origin[0] if origin else "", note)
    return found


def count(args: argparse.Namespace) -> int:
    """Resolved mentions per origin, and the false ones by the hand-judged list."""
    rows = [json.loads(line) for line in Path(args.mentions).read_text(encoding="utf-8").splitlines() if line]
    false = load_false(Path(args.false))
    resolved: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        key = (row["mention"], row["actors"][0]["code"])
        resolved[row["origin"]] += 1
        if key in false and false[key][0] in ("", row["origin"]):
            wrong[row["origin"]] += 1
        elif row["origin"] not in ("gazetteer", "voice"):
            groups[(row["origin"], *key)].append(row)
    print(f"{len({r['record'] for r in rows})} documents, {len(rows)} resolved mentions")
    print(f"{'origin':16} {'resolved':>8} {'false':>6}")
    for origin in sorted(resolved):
        print(f"{origin:16} {resolved[origin]:8} {wrong[origin]:6}")
    print(f"{'all':16} {sum(resolved.values()):8} {sum(wrong.values()):6}")
    if args.list:
        for (origin, mention, code), found in sorted(groups.items()):
            row = found[0]
            at = row["start"] - row["sentence_start"]
            context = row["sentence"][max(0, at - 60) : at + len(mention) + 40].replace("\n", " ")
            print(f"{len(found):3} {origin:15} {mention!r} -> {code} {row['actors'][0]['country']} "
                  f"{row['actors'][0]['role']} | {context}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    runner = commands.add_parser("run", help="resolve the sampled documents, write every resolved mention")
    runner.add_argument("--out", required=True)
    runner.add_argument("--white-house", type=int, default=25)
    runner.add_argument("--un", type=int, default=15)
    runner.add_argument("--seed", type=int, default=14)
    runner.add_argument("--sample", default=str(SAMPLE),
                        help="a file of record ids to resolve (the audit's fixed sample); '' draws a new one")
    counter = commands.add_parser("count", help="resolved and false resolutions per origin")
    counter.add_argument("mentions")
    counter.add_argument("--false", default=str(FALSE), help="the hand-judged false resolutions (TSV)")
    counter.add_argument("--list", action="store_true", help="list the mentions the false list does not name "
                         "(knowledge base, rule, generic, document origins), to be judged")
    args = parser.parse_args(argv)
    return {"run": run, "count": count}[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
