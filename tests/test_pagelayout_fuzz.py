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
