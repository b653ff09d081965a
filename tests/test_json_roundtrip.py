from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import documents

from copydesk import InputError
from copydesk.model.jsoncodec import dump_bytes, dumps, loads, to_data


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_survives_the_json_round_trip(doc):
    data = dump_bytes(doc)
    data.decode("utf-8")  # always valid UTF-8, even with lone surrogates in the text
    back = loads(data)
    assert back == doc
    assert dump_bytes(back) == data


def test_every_node_carries_its_type_and_text_or_blocks():
    from conftest import SEEDS

    from copydesk import read
    doc = read(SEEDS / "003_d60a862d48c27c24.txt", "text")
    data = json.loads(dumps(doc))
    assert data["type"] == "document" and "metadata" in data and "edits" in data
    for block in data["blocks"]:
        assert block["type"] in ("paragraph", "pagebreak")
        assert isinstance(block["text"], str)


@pytest.mark.parametrize("text, problem", [
    ("{", "not valid JSON"),
    ('{"type": "paragraph"}', "not a copydesk document"),
    ('{"type": "document", "version": 1, "blocks": [{"type": "poem", "text": "x"}]}', "unknown node type 'poem'"),
    ('{"type": "document", "version": 1, "blocks": [{"type": "paragraph"}]}', "text"),
    ('{"type": "document", "version": 1, "blocks": [{"type": "paragraph", "text": 3}]}', "expected str"),
    ('{"type": "document", "version": 1, "blocks": [{"type": "paragraph", "text": "", "colour": 1}]}',
     "unknown field 'colour'"),
    ('{"type": "document", "version": 1, "blocks": [{"type": "caption", "text": "loose"}]}',
     "may not stand in a document"),
    ('{"type": "document", "version": 99}', "unsupported copydesk JSON version"),
])
def test_malformed_json_is_refused_with_the_place_named(text, problem):
    with pytest.raises(Exception) as info:
        loads(text)
    assert isinstance(info.value, InputError) or type(info.value).__name__ == "ModelError"
    assert problem in str(info.value)


def test_defaults_are_left_out_of_the_json():
    from copydesk import Document, Paragraph
    data = to_data(Document(blocks=[Paragraph(text="x")]))
    assert data["blocks"] == [{"type": "paragraph", "text": "x"}]
