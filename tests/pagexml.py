"""PAGE-XML pages made by the tests: lines with word boxes, regions, a reading order."""

from __future__ import annotations

NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
BODY = ["When the council met on Tuesday the budget", "for next year was the only thing on the",
        "table, and members argued for three hours."]


def _line(text: str, x0: int, y0: int, words: bool = True) -> str:
    """A ``TextLine`` with its words' boxes (punctuation a word of its own, touching)."""
    out, x = [], x0
    for word in text.replace(",", " ,").replace(".", " .").split():
        width = 18 * len(word)
        gap = 0 if word in ",." else 18
        x += gap
        out.append(f'<Word><Coords points="{x},{y0} {x + width},{y0} {x + width},{y0 + 40} '
                   f'{x},{y0 + 40}"/><TextEquiv><Unicode>{word}</Unicode></TextEquiv></Word>')
        x += width
    inner = "".join(out) if words else ""
    return (f'<TextLine><Coords points="{x0},{y0} {x},{y0} {x},{y0 + 40} {x0},{y0 + 40}"/>'
            f'{inner}<TextEquiv><Unicode>{text}</Unicode></TextEquiv></TextLine>')


def _region(ident: str, lines: list[str], x0: int, top: int, kind: str = "paragraph") -> str:
    inner = "".join(_line(t, x0, top + 50 * i) for i, t in enumerate(lines))
    return (f'<TextRegion id="{ident}" type="{kind}"><Coords points="{x0},{top} {x0 + 900},{top} '
            f'{x0 + 900},{top + 50 * len(lines)} {x0},{top + 50 * len(lines)}"/>{inner}</TextRegion>')


def _page(*regions: str, order: list[str] | None = None) -> bytes:
    ro = ""
    if order:
        refs = "".join(f'<RegionRefIndexed index="{i}" regionRef="{r}"/>'
                       for i, r in reversed(list(enumerate(order))))  # (listed out of order)
        ro = f'<ReadingOrder><OrderedGroup id="ro">{refs}</OrderedGroup></ReadingOrder>'
    return (f'<?xml version="1.0" encoding="UTF-8"?><PcGts xmlns="{NS}"><Page imageWidth="2000" '
            f'imageHeight="3000">{ro}{"".join(regions)}</Page></PcGts>').encode()
