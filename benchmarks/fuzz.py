"""The fuzz suite's long run: every reader forced onto many damaged inputs, each converted to
every writer (``tests/hostile.py`` says how inputs are damaged and what counts as a failure).

Prints, per reader, how many inputs were refused with a one-line error, converted into
well-formed outputs, or FAILED (with the first failures), and the time taken.
Use: ``python benchmarks/fuzz.py [--examples N] [--tei]`` (``--tei``: validate TEI against
tei_all too, slower).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

import jsonschema
from hostile import check, corpus, damaged
from hypothesis import HealthCheck, given, settings
from lxml import etree

from copydesk.model.schema import json_schema


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=200, help="damaged inputs per reader")
    parser.add_argument("--tei", action="store_true", help="validate TEI against tei_all")
    args = parser.parse_args()
    validator = jsonschema.Draft202012Validator(json_schema())
    tei = etree.RelaxNG(etree.parse(str(TESTS / "data" / "tei" / "tei_all.rng"))) if args.tei else None
    failed = 0
    for reader, data in corpus().items():
        outcomes: Counter[str] = Counter()
        failures: list[str] = []
        start = time.perf_counter()

        @settings(max_examples=args.examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(damaged(data))
        def run(sample: bytes) -> None:
            outcome, detail = check(sample, reader, validator, tei)  # noqa: B023
            outcomes[outcome] += 1  # noqa: B023
            if outcome == "FAILED":
                failures.append(detail)  # noqa: B023

        run()
        failed += outcomes["FAILED"]
        print(f"{reader:10} {sum(outcomes.values()):5} inputs: {outcomes['refused']:4} refused, "
              f"{outcomes['converted']:4} converted, {outcomes['FAILED']:3} FAILED "
              f"({time.perf_counter() - start:.1f} s)")
        for detail in dict.fromkeys(failures[:3]):
            print(f"    {detail[:200]}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
