from __future__ import annotations

import pytest

from copydesk import Cleaner, Document, Paragraph, PluginError, UsageError
from copydesk.pipeline import order_cleaners, run_cleaners, select_cleaners


def noop(doc):
    return doc


def registry(*specs):
    """Cleaners from (name, after, before, default_for) tuples, in registration order."""
    return {name: Cleaner(name=name, clean=noop, after=after, before=before,
                          default_for=default_for, plugin=f"p-{name}")
            for name, after, before, default_for in specs}


def names(order):
    return [c.name for c in order]


def test_constraints_override_registration_order():
    cleaners = registry(
        ("reflow", ("dehyphenate",), (), ()),
        ("pullquotes", ("reflow",), (), ()),
        ("dehyphenate", (), (), ()),
        ("dropcap", (), ("reflow",), ()),
    )
    order = names(order_cleaners(cleaners, cleaners))
    assert order.index("dehyphenate") < order.index("reflow") < order.index("pullquotes")
    assert order.index("dropcap") < order.index("reflow")


def test_ties_keep_registration_order():
    cleaners = registry(("c", (), (), ()), ("a", (), (), ()), ("b", (), (), ()))
    assert names(order_cleaners(cleaners, ["b", "a", "c"])) == ["c", "a", "b"]


def test_constraints_on_unselected_cleaners_are_ignored():
    cleaners = registry(("a", ("b",), (), ()), ("b", (), (), ()))
    assert names(order_cleaners(cleaners, ["a"])) == ["a"]


def test_a_cycle_is_an_error_naming_the_cleaners():
    cleaners = registry(("a", ("b",), (), ()), ("b", ("c",), (), ()), ("c", ("a",), (), ()),
                        ("d", (), (), ()))
    with pytest.raises(PluginError, match="a, b, c form an ordering cycle"):
        order_cleaners(cleaners, cleaners)


def test_a_constraint_naming_an_unknown_cleaner_is_an_error():
    cleaners = registry(("a", ("nonesuch",), (), ()))
    with pytest.raises(PluginError, match="'a' is ordered against 'nonesuch'"):
        order_cleaners(cleaners, ["a"])


def test_selection_by_kind_with_additions_and_removals():
    cleaners = registry(("ocr", (), (), ("print-ocr",)), ("every", (), (), ("*",)),
                        ("web", (), (), ("web-text",)), ("extra", (), (), ()))
    assert select_cleaners(cleaners, "print-ocr") == ["ocr", "every"]
    assert select_cleaners(cleaners, "web-text", add=["extra"], remove=["every"]) == ["web", "extra"]
    assert select_cleaners(cleaners, "web-text", add=["extra"], remove=["all"]) == ["extra"]
    with pytest.raises(UsageError, match="unknown cleaner 'nope'"):
        select_cleaners(cleaners, "text", add=["nope"])


def test_run_records_which_cleaners_ran_and_leaves_the_input_alone():
    def add_paragraph(doc):
        return Document(blocks=[*doc.blocks, Paragraph(text="added")], cleaners=doc.cleaners)

    cleaners = {"add": Cleaner(name="add", clean=add_paragraph, plugin="p")}
    original = Document(blocks=[Paragraph(text="x")])
    out = run_cleaners(original, order_cleaners(cleaners, ["add", "add"]))
    assert out.cleaners == ["add"] and len(out.blocks) == 2
    assert original.cleaners == [] and len(original.blocks) == 1


def test_a_cleaner_that_raises_or_returns_garbage_is_named():
    def boom(doc):
        raise ValueError("bad\nthings")

    for fn, message in ((boom, "'boom' failed: ValueError: bad"),
                        (lambda d: "nope", "'boom' returned a bad document")):
        cleaners = {"boom": Cleaner(name="boom", clean=fn, plugin="my-plugin")}
        with pytest.raises(PluginError) as info:
            run_cleaners(Document(), order_cleaners(cleaners, ["boom"]), path="in.txt")
        assert message in str(info.value)
        assert str(info.value).startswith("in.txt: plugin my-plugin:")
