#!/usr/bin/env python3
"""Build src/multipolar/data/coding/cameo.tsv from the reference tables.

Usage:
    python tools/build_cameo_table.py [REFERENCE_DIR] [--out PATH] [--check]

REFERENCE_DIR defaults to ../shared/reference relative to the repository
root.  It must contain:

    icews-cameo-codes.utf8.csv   CAMEO codes, names, Goldstein values (ICEWS, MIT)
    CAMEO.goldsteinscale.txt     GDELT's CAMEO -> Goldstein lookup
    CAMEO2PLOVER-2021.txt        CAMEO -> PLOVER category/mode (CC BY-SA 4.0)
    plover_ontology_v2draft.json the 16 PLOVER v2 categories and their modes

Only facts are taken from these files (codes, names, numbers, category
labels); the output carries the attribution lines below.  Standard library
only.  ``--check`` rebuilds in memory and fails if the file on disk differs.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REF = REPO_ROOT.parent / "shared" / "reference"
DEFAULT_OUT = REPO_ROOT / "src" / "multipolar" / "data" / "coding" / "cameo.tsv"

VERSION = 1

# PLOVER draft-0.8 names used in CAMEO2PLOVER-2021.txt -> PLOVER v2 names.
OLD_TO_V2 = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

# CAMEO "make public statement" codes have no CAMEO2PLOVER row.  Pure
# statements stay uncoded (empty); three are given the nearest v2 category
# after reading the v2 definitions:
#   016 Deny responsibility  -> REJECT  ("all rejections and refusals": the
#                               source rejects a charge made against it)
#   018 Empathetic comment   -> SUPPORT ("express support for")
#   019 Express accord       -> SUPPORT ("approve policy, action, or actor";
#                               no commitment to cooperate, so not AGREE)
STATEMENT_PLOVER = {
    "01": "",
    "010": "",
    "011": "",
    "012": "",
    "013": "",
    "014": "",
    "015": "",
    "016": "REJECT",
    "017": "",
    "018": "SUPPORT",
    "019": "SUPPORT",
}

# Documented departures from CAMEO2PLOVER-2021 (draft 0.8) after reading the v2 definitions:
#   163 Impose embargo, boycott, or sanctions: CAMEO2PLOVER says COERCE/restrict, but v2 COERCE is
#       "repression, restrictions on rights" while v2 SANCTION is "all reductions in existing, routine,
#       or cooperative relations" (CAMEO root 16 REDUCE RELATIONS); the NGEC v2 codebook's
#       SANCTION/discontinue covers curtailing "commercial, or material exchanges".
#   0813 Ease curfew, 0814 Ease state of emergency, 085 Ease economic sanctions: CAMEO2PLOVER says RETREAT, but the
#       v2 CONCEDE definition covers "easing of administrative or legal restrictions ..., removing curfews" as a
#       verbal concession "even though sometimes they have material consequences"; RETREAT is for releases,
#       withdrawals, access and ceasefires.
#   116 Find guilty or liable (legally): CAMEO2PLOVER says DISAPPROVE; v2 SANCTION has the mode convict ("find an
#       entity or behavior guilty ... in a court of law").
OVERRIDES = {"163": ("SANCTION", "discontinue"), "0813": ("CONCEDE", ""), "0814": ("CONCEDE", ""),
             "085": ("CONCEDE", ""), "116": ("SANCTION", "convict")}

# AID has no modes in v2; our gold (tests/gold/README.md) and data/coding/modes.tsv give it CAMEO's 07x split:
# 071 economic, 072 military, 073 humanitarian, 074 military protection/peacekeeping, 075 asylum.
AID_MODES = {"071": "economic", "072": "military", "073": "humanitarian", "074": "military", "075": "humanitarian"}

# Codes found only in CAMEO2PLOVER (no name/Goldstein in either CAMEO table)
# are not CAMEO codes of record and are left out (currently: 1214).


def quad_class(code: str) -> int:
    """GDELT QuadClass by CAMEO root code."""
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1  # verbal cooperation
    if 6 <= root <= 8:
        return 2  # material cooperation
    if 9 <= root <= 14:
        return 3  # verbal conflict
    if 15 <= root <= 20:
        return 4  # material conflict
    raise ValueError(f"bad CAMEO root in {code!r}")


def code_key(code: str) -> tuple:
    """Sort like the CAMEO manual: root, then its sub-codes in order."""
    return (code[:2], code[2:3], code[3:])


def read_icews(path: Path) -> dict[str, dict]:
    out = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["code"].strip()
            name = " ".join(row["name"].split())
            if name and name[0].islower():
                name = name[0].upper() + name[1:]
            out[code] = {"name": name, "goldstein": float(row["goldstein"])}
    return out


def read_gdelt(path: Path) -> dict[str, float]:
    out = {}
    with path.open(encoding="utf-8") as fh:
        header = fh.readline()
        if "GOLDSTEIN" not in header.upper():
            raise ValueError(f"unexpected header in {path}: {header!r}")
        for line in fh:
            line = line.strip()
            if not line:
                continue
            code, value = line.split("\t")
            out[code.strip()] = float(value)
    return out


def read_cameo2plover(path: Path) -> dict[str, tuple[str, str]]:
    """code -> (category, mode) as written in the file (first row wins)."""
    out: dict[str, tuple[str, str]] = {}
    pat = re.compile(r"^(\d{2,4}):\s*(.*)$")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            m = pat.match(line.strip())
            if not m:
                continue
            code, rest = m.group(1), m.group(2).split("#", 1)[0]
            fields = [f.strip() for f in rest.split(",")]
            category = fields[0].upper()
            mode = fields[1] if len(fields) > 1 else ""
            out.setdefault(code, (category, mode))
    return out


def read_ontology(path: Path) -> dict[str, set[str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {c["name"]: set(c["modes"]) for c in data["categories"]}


def plover_for(code: str, c2p: dict, modes: dict) -> tuple[str, str]:
    if code in STATEMENT_PLOVER:
        return STATEMENT_PLOVER[code], ""
    if code in OVERRIDES:
        return OVERRIDES[code]
    src = code
    if code.startswith("02"):
        # APPEAL 02x has no CAMEO2PLOVER row; v2 REQUEST covers requests
        # and demands alike, so take the parallel DEMAND code 10x.
        src = "10" + code[2:]
    if src not in c2p:
        raise KeyError(f"no CAMEO2PLOVER mapping for {code} (looked up {src})")
    category, mode = c2p[src]
    category = OLD_TO_V2.get(category, category)
    if category not in modes:
        raise ValueError(f"{code}: {category!r} is not a PLOVER v2 category")
    if category == "AID":
        return category, AID_MODES.get(code[:3], "")
    if mode not in modes[category]:
        mode = ""
    return category, mode


def fmt_goldstein(value: float) -> str:
    if round(value, 1) != value:
        raise ValueError(f"unexpected Goldstein precision: {value}")
    return f"{value:.1f}"


HEADER_COMMENTS = [
    "# CAMEO event codes with Goldstein value, GDELT quad class and PLOVER v2 category/mode.",
    "# Built by tools/build_cameo_table.py from the tables in ../shared/reference; do not edit by hand.",
    "# Sources (facts derived from; no text copied beyond code names):",
    "#  - CAMEO codes and names: icews-cameo-codes.utf8.csv from andybega/icews @ 3746c72 data-raw/cameo-codes.csv",
    "#    (MIT License, Copyright (c) 2022 Andreas Beger); codes per the CAMEO manual (Gerner, Schrodt, Yilmaz).",
    "#  - goldstein: GDELT's CAMEO.goldsteinscale.txt lookup values (GDELT open data);",
    "#    where GDELT lacks a code the ICEWS table's value is used (currently: {fallback}).",
    "#    GDELT and ICEWS differ on 016, 022, 164, 165; the GDELT values are used.",
    "#  - quad_class: GDELT QuadClass by CAMEO root: 01-05=1 verbal coop, 06-08=2 material coop,",
    "#    09-14=3 verbal conflict, 15-20=4 material conflict.",
    "#  - plover, mode: facts derived from CAMEO2PLOVER-2021.txt (openeventdata/PLOVER @ 5e0c24f, ed. P. Schrodt,",
    "#    CC BY-SA 4.0) and the PLOVER v2 draft manual (PLOVER_MANUAL.tex, CC BY-SA 4.0),",
    "#    via plover_ontology_v2draft.json (the 16 v2 categories and their modes).",
    "#    This table is shared under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).",
    "#    Draft-0.8 names mapped to v2: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT.",
    "#    mode is kept only where it is a v2 mode of that category, else empty; AID (no v2 modes) takes",
    "#    economic/military/humanitarian from CAMEO's 071/072-074/073-075 split (see data/coding/modes.tsv).",
    "#    01x statements: empty except 016->REJECT, 018->SUPPORT, 019->SUPPORT (nearest v2 category).",
    "#    02x APPEAL (no CAMEO2PLOVER row): category/mode of the parallel DEMAND code 10x (v2 REQUEST).",
    "#    163 (sanctions, embargo, boycott) -> SANCTION/discontinue, not CAMEO2PLOVER's COERCE/restrict: v2 SANCTION",
    "#    covers reductions of relations incl. commercial exchange; v2 COERCE is repression (see the build script).",
    "#    0813, 0814, 085 (easing curfews, emergencies, sanctions) -> CONCEDE, not CAMEO2PLOVER's RETREAT: the v2",
    "#    CONCEDE definition names the easing of legal and administrative restrictions and removing curfews.",
    "#    116 (find guilty) -> SANCTION/convict (the v2 mode), not CAMEO2PLOVER's DISAPPROVE.",
    "#    Root 08 is listed twice in CAMEO2PLOVER (CONCEDE, RETREAT); the first (CONCEDE, as 080) is used.",
    "#    1214 appears only in CAMEO2PLOVER (no CAMEO name/Goldstein) and is omitted.",
    f"# version: {VERSION}",
]


def build(ref: Path) -> str:
    icews = read_icews(ref / "icews-cameo-codes.utf8.csv")
    gdelt = read_gdelt(ref / "CAMEO.goldsteinscale.txt")
    c2p = read_cameo2plover(ref / "CAMEO2PLOVER-2021.txt")
    modes = read_ontology(ref / "plover_ontology_v2draft.json")
    if len(modes) != 16:
        raise ValueError(f"expected 16 PLOVER v2 categories, got {len(modes)}")

    codes = sorted(set(icews) | set(gdelt), key=code_key)
    fallback = []
    rows = []
    for code in codes:
        if not re.fullmatch(r"\d{2,4}", code):
            raise ValueError(f"bad code {code!r}")
        if code not in icews:
            raise KeyError(f"{code} has a GDELT value but no CAMEO name")
        if code in gdelt:
            goldstein = gdelt[code]
        else:
            goldstein = icews[code]["goldstein"]
            fallback.append(code)
        plover, mode = plover_for(code, c2p, modes)
        rows.append([code, icews[code]["name"], fmt_goldstein(goldstein), str(quad_class(code)), plover, mode])

    lines = [c.replace("{fallback}", ", ".join(fallback) or "none") for c in HEADER_COMMENTS]
    lines.append("\t".join(["code", "name", "goldstein", "quad_class", "plover", "mode"]))
    for row in rows:
        if any("\t" in f or "\n" in f for f in row):
            raise ValueError(f"field with tab/newline in {row}")
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "reference",
        nargs="?",
        default=str(DEFAULT_REF),
        help="directory with the reference tables (default: ../shared/reference)",
    )
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output TSV path")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the output file is out of date")
    args = ap.parse_args(argv)

    text = build(Path(args.reference))
    out = Path(args.out)
    if args.check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != text:
            print(f"{out} is out of date; run tools/build_cameo_table.py", file=sys.stderr)
            return 1
        print(f"{out} is up to date")
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    n = sum(1 for line in text.splitlines() if line and not line.startswith("#")) - 1
    print(f"wrote {out} ({n} codes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
