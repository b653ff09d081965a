"""Changing text while keeping marks in place."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from copydesk import Mark
from copydesk.textedit import splice, splice_many


@st.composite
def text_marks_changes(draw):
    text = draw(st.text(alphabet="ab- ", min_size=0, max_size=30))
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    changes, last = [], 0
    for a, b in zip(points[::2], points[1::2], strict=False):
        if a >= last:
            changes.append((a, b, draw(st.text(alphabet="xy", max_size=4))))
            last = b if b > a else a + 1
    marks = []
    for _ in range(draw(st.integers(0, 5))):
        s = draw(st.integers(0, len(text)))
        marks.append(Mark(kind="break", start=s, end=draw(st.integers(s, len(text)))))
    return text, marks, changes


@given(text_marks_changes())
def test_many_changes_in_one_pass_equal_one_change_at_a_time(case):
    text, marks, changes = case
    expected_text, expected_marks = text, marks
    for start, end, new in reversed(changes):  # right to left keeps offsets valid
        expected_text, expected_marks = splice(expected_text, expected_marks, start, end, new)
    got_text, got_marks, starts = splice_many(text, marks, changes)
    assert got_text == expected_text
    assert [(m.start, m.end) for m in got_marks] == [(m.start, m.end) for m in expected_marks]
    for (_, _, new), at in zip(changes, starts, strict=True):
        assert got_text[at : at + len(new)] == new


def test_marks_after_a_change_shift_and_marks_inside_shrink():
    text, marks = splice("fight- ing on", [Mark(kind="break", start=6, end=6),
                                           Mark(kind="edit", start=11, end=13)], 0, 10, "fighting")
    assert text == "fighting on"
    assert [(m.start, m.end) for m in marks] == [(6, 6), (9, 11)]
