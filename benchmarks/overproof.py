"""The overProof sets (``../shared/eval-data/ocr-text-gt/overproof/``): real newspaper OCR
(Sydney Morning Herald 1842–1954, ABBYY FineReader; Chronicling America 1871–1921) line by line
beside its human correction. Eval-only: nothing of it is copied into the project.

Each article is split into ``dev`` (rules and the misreadings model were made from these) and
``held`` (never looked at; the figures to report) by a hash of its id.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

OVERPROOF = (Path(__file__).resolve().parent.parent.parent
             / "shared" / "eval-data" / "ocr-text-gt" / "overproof")
SETS = {"smh": "dataset2", "ca": "dataset3"}
SEPARATOR = "||@@||"


@dataclass
class Article:
    set: str
    id: str
    ocr: list[str]
    truth: list[str]

    @property
    def half(self) -> str:
        return "dev" if hashlib.sha1(self.id.encode()).digest()[0] % 2 == 0 else "held"


def articles(name: str) -> list[Article]:
    """The articles of one set (``smh`` or ``ca``), raw OCR and truth line by line."""
    out: list[Article] = []
    path = OVERPROOF / SETS[name] / "allArticles.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("*$*OVERPROOF*$*"):
            out.append(Article(name, line.split()[1], [], []))
        elif SEPARATOR in line and out:
            ocr, truth, *_ = line.split(SEPARATOR)
            out[-1].ocr.append(ocr)
            out[-1].truth.append(truth)
    return out
