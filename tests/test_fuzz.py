"""Every reader, forced onto damaged input, gives a one-line error or an output every writer
writes well-formed (JSON valid against its schema, TEI valid against tei_all, EPUB pages XML).
A short run; ``benchmarks/fuzz.py`` runs it long."""

from __future__ import annotations

import jsonschema
import pytest
from hostile import check as convert_everywhere
from hostile import corpus, damaged
from hypothesis import HealthCheck, given, settings

from copydesk.model.schema import json_schema

CORPUS = corpus()
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


@pytest.mark.parametrize("reader", list(CORPUS))
def test_the_undamaged_input_converts(reader, tei_schema):
    assert convert_everywhere(CORPUS[reader], reader, VALIDATOR, tei_schema) == ("converted", "")


@pytest.mark.parametrize("reader", list(CORPUS))
def test_damaged_input_is_refused_in_one_line_or_converted_well(reader, tei_schema):
    @settings(max_examples=12, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(damaged(CORPUS[reader]))
    def run(data: bytes) -> None:
        outcome, detail = convert_everywhere(data, reader, VALIDATOR, tei_schema)
        assert outcome != "FAILED", detail

    run()
