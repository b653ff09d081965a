"""Dehyphenation decisions on line-end splits made from the Standard Ebooks texts in the
shared folder (eval-only data; exits without it): every closed word of five letters or
more split at each point TeX's patterns (``pyphen``) allow should be joined, and every
compound the texts print with one hyphen, split there, should keep it. Token-weighted;
the figures the thresholds of ``dehyphenate`` were chosen by.

Use: ``python benchmarks/fit_dehyphenation.py [-v]`` (``-v``: the commonest errors).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pyphen
from lxml import html

from copydesk.plugins.cleaners.dehyphenate import decide

SE = Path(__file__).resolve().parent.parent.parent / "shared" / "eval-data" / "standard-ebooks"


def main() -> None:
    files = sorted(SE.glob("*/src/epub/text/*.xhtml"))
    if not files:
        sys.exit(f"needs the Standard Ebooks texts in {SE}")
    words: Counter[str] = Counter()
    for path in files:
        words.update(re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", html.fromstring(
            path.read_bytes()).text_content()))
    hyphenator = pyphen.Pyphen(lang="en_US")
    kept, joined = Counter(), Counter()  # the errors: closed words kept apart, compounds joined
    splits = compounds = 0
    for word, n in words.items():
        if not word.islower():
            continue
        if "-" not in word and len(word) >= 5:
            for at in hyphenator.positions(word):
                splits += n
                if not decide(word[:at], word[at:], Counter())[0]:
                    kept[f"{word[:at]}-{word[at:]}"] += n
        elif word.count("-") == 1:
            compounds += n
            if decide(*word.split("-"), Counter())[0]:
                joined[word] += n
    print(f"closed words kept apart {sum(kept.values())}/{splits} = "
          f"{sum(kept.values()) / splits:.4f}; compounds joined {sum(joined.values())}/"
          f"{compounds} = {sum(joined.values()) / compounds:.4f}")
    if "-v" in sys.argv:
        print("kept apart:", ", ".join(w for w, _ in kept.most_common(30)))
        print("joined:", ", ".join(w for w, _ in joined.most_common(30)))


if __name__ == "__main__":
    main()
