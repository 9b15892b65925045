"""The gazetteer a run uses: the shipped tables, the knowledge base's states and agents, then the user's
files. It sits above `gazetteer` (the tables) and `gazetteer_user` (the user's files), so neither imports
the other."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from multipolar.coding import kb
from multipolar.coding.gazetteer import Gazetteer, Tokenize, load_kb_agents, load_kb_states, load_shipped
from multipolar.coding.gazetteer_user import load_user_file


def build(tokenize: Tokenize, user_files: Iterable[Path] = (), knowledge_base: bool = True) -> Gazetteer:
    """The shipped tables, the knowledge base's historical and de facto states, then the user's files."""
    gaz = Gazetteer(_tokenize=tokenize)
    load_shipped(gaz)
    if knowledge_base:
        gaz.kb = kb.shipped()
        load_kb_states(gaz)
        load_kb_agents(gaz)
        for slug, qid in gaz.kb.curated_ids.items():
            if slug in gaz.actors:
                gaz.actors[slug] = dataclasses.replace(gaz.actors[slug], origin_id=qid)
    for path in user_files:
        load_user_file(gaz, path)
    return gaz
