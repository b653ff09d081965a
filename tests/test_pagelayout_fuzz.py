"""The page layout never fails, whatever the boxes: empty, zero-sized, overlapping, inverted,
far off the page, one letter or a thousand lines; every line's text comes out exactly once."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk import Document, TextBlock, iter_blocks
from copydesk.model.layout import Box, Line
from copydesk.pagelayout import Page, blocks_from_pages

coord = st.floats(-50, 900, allow_nan=False)
line = st.builds(
    lambda text, x, y, w, h, size, bold, italic: Line(
        text=text, box=Box(x0=x, y0=y, x1=x + w, y1=y + h), font_size=size, bold=bold,
        italic=italic),
    st.text(st.sampled_from("aB3 .-“”|Figure7:(AFP)"), min_size=1, max_size=30).filter(str.strip),
    coord, coord, st.floats(0, 600), st.floats(0, 80), st.none() | st.floats(0, 60),
    st.booleans(), st.booleans())
area = st.builds(lambda x, y, w, h: Box(x0=x, y0=y, x1=x + w, y1=y + h), coord, coord,
                 st.floats(0, 500), st.floats(0, 500))
page = st.builds(lambda n, lines, pictures, rules: Page(
    number=n, width=612, height=792, lines=lines, pictures=pictures, rules=rules),
    st.just(1), st.lists(line, max_size=60), st.lists(area, max_size=3), st.lists(area, max_size=3))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(page, min_size=1, max_size=3))
def test_any_page_lays_out(pages):
    for n, p in enumerate(pages, 1):
        p.number = n
    doc = Document(blocks=blocks_from_pages(pages))
    got = [w for b in iter_blocks(doc) if isinstance(b, TextBlock) for ln in b.lines
           for w in ln.text.split()]
    assert sorted(got) == sorted(w for p in pages for ln in p.lines for w in ln.text.split())


def test_a_line_far_off_the_page_costs_nothing_to_lay_out():
    """A damaged file's line a billion points to the right: the columns were sought in an
    array as wide as the distance (a MemoryError in the fuzzer's PAGE-XML); now by the lines."""
    body = [Line(text="The council met on Tuesday to discuss the budget", font_size=10,
                 box=Box(x0=72, y0=100 + 14 * i, x1=300, y1=110 + 14 * i)) for i in range(30)]
    far = Line(text="stray", font_size=10, box=Box(x0=1e12, y0=120, x1=1e12 + 40, y1=130))
    blocks = blocks_from_pages([Page(number=1, width=612, height=792, lines=[*body, far])])
    text = " ".join(b.text for b in iter_blocks(Document(blocks=blocks)) if isinstance(b, TextBlock))
    assert "stray" in text and text.count("The council met") == 30
