"""docs/copydesk.schema.json: made from the model's classes, and every output validates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from strategies import documents

import copydesk
from copydesk.model.jsoncodec import dumps, loads
from copydesk.model.schema import json_schema

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "docs" / "copydesk.schema.json"
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def test_the_file_is_the_schema_of_the_classes():
    jsonschema.Draft202012Validator.check_schema(json_schema())
    assert json.loads(FILE.read_text(encoding="utf-8")) == json_schema(), (
        "docs/copydesk.schema.json is stale: python -m copydesk.model.schema > it")


@pytest.mark.parametrize("source", [*sorted(SEEDS.glob("*.txt")),
                                    ROOT / "tests" / "data" / "ocr" / "typeset-page.hocr",
                                    ROOT / "tests" / "data" / "news-page.html"],
                         ids=lambda p: p.name)
def test_real_outputs_validate(source):
    doc = copydesk.clean(copydesk.read(source))
    assert not [e.message for e in VALIDATOR.iter_errors(json.loads(dumps(doc)))]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_validates(doc):
    assert not [e.message for e in VALIDATOR.iter_errors(json.loads(dumps(doc)))]


BAD = {
    "an unknown field": {"type": "document", "version": 1, "blocks": [
        {"type": "paragraph", "text": "x", "colour": "red"}]},
    "a caption outside a figure": {"type": "document", "version": 1, "blocks": [
        {"type": "caption", "text": "x"}]},
    "text that is a number": {"type": "document", "version": 1, "blocks": [
        {"type": "paragraph", "text": 3}]},
    "no blocks": {"type": "document", "version": 1},
    "a line without text": {"type": "document", "version": 1, "blocks": [
        {"type": "paragraph", "text": "x", "lines": [{"number": 1}]}]},
}


@pytest.mark.parametrize("name", list(BAD))
def test_what_the_schema_refuses_the_reader_refuses_too(name):
    data = BAD[name]
    assert list(VALIDATOR.iter_errors(data)), name
    with pytest.raises(copydesk.CopydeskError) as caught:
        loads(json.dumps(data))
    assert "\n" not in str(caught.value)
