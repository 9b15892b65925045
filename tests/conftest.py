from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = Path(__file__).resolve().parent / "gold"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = SHARED / "seed" / "article.txt"
    if not path.exists():
        pytest.skip("../shared/seed/article.txt is not beside the project")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_analysis(seed_text: str):
    import multipolar

    return multipolar.analyze(seed_text, date="2023-10-20")
