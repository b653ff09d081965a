"""The ``html`` reader: a web page's article, with its metadata, figures and captions.

Main-content extraction is ``trafilatura``'s (its XML output: paragraphs, headings, lists,
block quotes, emphasis and links, and the page's title, author, date, site name, language
and URL). What trafilatura leaves out but readers of an article want is taken from the page
itself: each ``<figure>`` whose picture is in the article, or that stands between two of its
paragraphs and not in an aside (related stories, teasers), becomes a ``Figure`` with a ``Caption`` from its ``<figcaption>`` (and a paragraph
that only repeats the caption goes), the photo credit separated (an element whose class names a credit, or a credit pattern such as
``(Reuters)``, ``REUTERS/Name``, ``Photo: Name``). Mojibake is repaired (``ftfy``). Pages are
parsed without network access or entity expansion. Use: ``copydesk convert page.html -o
page.epub``.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from copydesk import (
    Article,
    BlockQuote,
    Boilerplate,
    Caption,
    Cell,
    Document,
    Figure,
    Heading,
    InputError,
    List,
    Mark,
    Metadata,
    Paragraph,
    Reader,
    Row,
    Source,
    Table,
    hookimpl,
    lazyre,
)
from copydesk.credits import clean_credit, picture_credit, split_credit
from copydesk.model.nodes import Block, Container
from copydesk.plugins.readers.web_text import is_furniture
from copydesk.sources import mend

KIND = "html"
_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_HTML = lxml.html.HTMLParser(no_network=True, remove_comments=True, recover=True)
_MARKS = {"#b": "strong", "#i": "emphasis", "#u": "emphasis", "#t": "emphasis"}
_CREDIT_CLASS = lazyre.compile(r"credit|copyright|source|byline|attribution|photographer", re.IGNORECASE)
_HEAD_LEVEL = lazyre.compile(r"h(\d)")
_SPACES = lazyre.compile(r"\s+")
INTERFACE_WORDS = 4  # a paragraph this short may be an interface string
PROMOTION_WORDS = 4  # a link in capitals this long, a paragraph of its own, is no article text
_ASIDE_CLASS = lazyre.compile(r"related|teaser|promo|sidebar|recommend|more-stories|newsletter", re.IGNORECASE)


def inline(element: etree._Element) -> tuple[str, list[Mark]]:
    """The element's text with emphasis, strong and link marks, whitespace folded."""
    pieces: list[str] = []
    marks: list[Mark] = []
    length = 0

    def add(text: str) -> None:
        nonlocal length
        pieces.append(text)
        length += len(text)

    def walk(el: etree._Element) -> None:
        add(el.text or "")
        for child in el:
            start = length
            if child.tag == "lb":
                add(" ")
            else:
                walk(child)
            kind = "link" if child.tag == "ref" else _MARKS.get(child.get("rend", ""))
            if kind:
                marks.append(Mark(kind=kind, start=start, end=length,
                                  target=child.get("target") if kind == "link" else None))
            add(child.tail or "")

    walk(element)
    return _fold("".join(pieces), marks)


def _fold(text: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    """Runs of white space made single spaces (and trimmed), marks moved to match."""
    folded = " ".join(text.split())
    if not marks:
        return folded, []
    # each run of white space: where it starts and ends, and where it lands in ``folded``
    starts, ends, lands, kept = [], [], [], []
    removed = 0
    for run in _SPACES.finditer(text):
        s, e = run.span()
        leading = s == 0
        starts.append(s)
        ends.append(e)
        lands.append(s - removed)
        kept.append(0 if leading else 1)
        removed += (e - s) - (0 if leading else 1)

    def moved(at: int) -> int:
        i = bisect.bisect_right(starts, at) - 1
        if i < 0:
            return at
        if at == starts[i]:
            return lands[i]
        if at <= ends[i]:
            return lands[i] + kept[i]
        return lands[i] + kept[i] + (at - ends[i])

    out = []
    for m in marks:
        start, end = min(moved(m.start), len(folded)), min(moved(m.end), len(folded))
        if start < end:
            out.append(Mark(kind=m.kind, start=start, end=end, target=m.target))
    return folded, out


def interface(text: str) -> bool:
    """Whether a short paragraph or heading is the page's interface, not the article: "less",
    "… more", "Read more", "Share", "More:", "Related stories" (``web_text.FURNITURE``)."""
    return len(text.split()) <= INTERFACE_WORDS and is_furniture(text)


def all_link(item: Paragraph) -> bool:
    """Whether the item's words are one link and nothing else (a headline linking to a
    story elsewhere), its punctuation aside."""
    text = item.text.rstrip(" .:;,")
    return any(m.kind == "link" and m.start <= len(item.text) - len(item.text.lstrip())
               and m.end >= len(text) for m in item.marks)


def promotion(item: Paragraph) -> bool:
    """Whether a paragraph is a link in capitals set into the article, to another story or
    a promotion ("CLICK HERE TO GET THE FOX NEWS APP", "SEAN SPICER ELIMINATED FROM …"):
    four words or more, all one link."""
    if len(item.text.split()) < PROMOTION_WORDS or not all_link(item):
        return False
    letters = [c for c in item.text if c.isalpha()]
    return sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def blocks_from(parent: etree._Element) -> Iterator[Block]:
    """Model blocks for trafilatura's XML elements under ``parent``."""
    for el in parent:
        tag = el.tag
        if tag in ("p", "code"):
            text, marks = inline(el)
            if text and interface(text):
                yield Boilerplate(text=text, reason="interface")
            elif text:
                paragraph = Paragraph(text=text, marks=marks)
                yield Boilerplate(text=text, marks=marks, reason="links") if promotion(
                    paragraph) else paragraph
        elif tag == "head":
            text, marks = inline(el)
            level = _HEAD_LEVEL.match(el.get("rend", "h2"))
            if text and interface(text):
                yield Boilerplate(text=text, reason="interface")
            elif text:
                yield Heading(text=text, marks=marks, level=int(level.group(1)) if level else 2)
        elif tag == "list":
            items = [Paragraph(text=t, marks=m) for t, m in (inline(i) for i in el) if t]
            if len(items) >= 2 and all(map(all_link, items)):
                # a list of links and nothing else: related stories, more from the site
                yield from (Boilerplate(text=i.text, marks=i.marks, reason="links")
                            for i in items)
            elif items:
                yield List(ordered=el.get("rend") == "ol", blocks=items)
        elif tag == "quote":
            inner = list(blocks_from(el)) if len(el) and el[0].tag == "p" else []
            text, marks = inline(el) if not inner else ("", [])
            paras = [b for b in inner if isinstance(b, Paragraph | List | BlockQuote)]
            if text:
                paras.append(Paragraph(text=text, marks=marks))
            if paras:
                yield BlockQuote(blocks=paras)
        elif tag == "graphic":
            yield Figure(src=el.get("src"), alt=el.get("alt") or None)
        elif tag == "table":
            rows = [Row(header=bool(cells) and all(c.get("role") == "head" for c in cells),
                        blocks=[Cell(text=t, marks=m) for t, m in map(inline, cells)])
                    for cells in ([c for c in row if c.tag == "cell"] for row in el.iter("row"))]
            rows = [r for r in rows if any(c.text for c in r.blocks)]  # type: ignore[attr-defined]
            if len(rows) == 1:  # a table of one row lays out the page, it holds no data
                yield from (Paragraph(text=c.text, marks=c.marks)  # type: ignore[attr-defined]
                            for c in rows[0].blocks if c.text)  # type: ignore[attr-defined]
            elif rows:
                yield Table(blocks=list(rows))
        else:
            yield from blocks_from(el)


@dataclass
class PageFigure:
    """A figure of the original page: its picture, caption, credit and neighbouring text."""

    src: str | None
    alt: str | None
    caption: str
    credit: str | None
    before: str  # the text of the paragraph before it, if any
    after: str


def page_figures(html: str | lxml.html.HtmlElement) -> list[PageFigure]:
    """The page's figures with captions (a page's text, or its parsed tree, which is only
    read)."""
    if isinstance(html, str):
        try:
            root = lxml.html.document_fromstring(html, parser=_HTML)
        except (etree.ParserError, ValueError):
            return []
    else:
        root = html
    figures = []
    for fig in root.iter("figure"):
        caption_el = next(fig.iter("figcaption"), None)
        if caption_el is None or _aside(fig):
            continue
        credit_el = next((e for e in caption_el.iter() if e is not caption_el
                          and _CREDIT_CLASS.search(e.get("class", ""))), None)
        credit = " ".join("".join(credit_el.itertext()).split()) if credit_el is not None else None
        text = " ".join("".join(caption_el.itertext()).split())
        if credit:
            text = " ".join(text.replace(credit, "").split())
            credit = clean_credit(credit)
        else:
            text, credit = split_credit(text)
        img = next(fig.iter("img"), None)
        src = (img.get("src") or img.get("data-src")) if img is not None else None
        figures.append(PageFigure(
            src=src, alt=img.get("alt") if img is not None else None, caption=text,
            credit=credit, before=_neighbour(fig, "preceding"), after=_neighbour(fig, "following")))
    return [f for f in figures if f.caption]


def _aside(el: etree._Element) -> bool:
    """Whether ``el`` sits in page furniture: an aside, navigation, header or footer, or a box
    of related stories, teasers or promotions."""
    for parent in el.iterancestors():
        if parent.tag in ("aside", "nav", "header", "footer") or _ASIDE_CLASS.search(
                f"{parent.get('class', '')} {parent.get('id', '')}"):
            return True
    return False


def _neighbour(el: etree._Element, axis: str) -> str:
    """The text of the nearest non-empty paragraph before or after ``el``."""
    found = el.xpath(f"{axis}::p[normalize-space()][1]")
    return " ".join("".join(found[0].itertext()).split()) if found else ""


def place_figures(blocks: list[Block], figures: list[PageFigure], base: str | None = None
                  ) -> list[Block]:
    """The article's blocks with each page figure's caption put where it belongs; picture
    addresses resolved against the page's (``base``), so a page's relative ``src`` and
    trafilatura's absolute one name one picture."""
    def resolved(src: str | None) -> str | None:
        return urljoin(base, src) if base and src else src

    figures = [dataclasses.replace(f, src=resolved(f.src)) for f in figures]
    by_src = {f.src: f for f in figures if f.src}
    used: set[int] = set()
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Figure) and resolved(block.src) in by_src:
            fig = by_src[resolved(block.src)]  # type: ignore[index]
            used.add(id(fig))
            block = Figure(src=block.src, alt=block.alt, blocks=[
                Caption(text=fig.caption, credit=fig.credit)])
        out.append(block)
    out = _credited_captions(_without_captions(out, figures))
    texts = [b.text if isinstance(b, Paragraph) else None for b in out]
    for fig in figures:
        if id(fig) in used:
            continue
        at = _find(texts, fig.before)
        if at is not None:
            at += 1
        else:
            at = _find(texts, fig.after)
        if at is None:
            continue  # not in the article (a teaser of another story, an advert)
        figure = Figure(src=fig.src, alt=fig.alt, blocks=[Caption(text=fig.caption, credit=fig.credit)])
        out.insert(at, figure)
        texts.insert(at, None)
    return out


def _without_captions(blocks: list[Block], figures: list[PageFigure]) -> list[Block]:
    """The blocks without the paragraphs, or list items, that only repeat a figure's caption,
    whole or cut into a few pieces at its italics (``Alien`` / ``(pictured) and`` / ``2001:
    A Space Odyssey, …``); a list left empty goes too."""
    out: list[Block] = []
    skip = 0
    for i, block in enumerate(blocks):
        if skip:
            skip -= 1
            continue
        if isinstance(block, Paragraph) and figures and (pieces := _caption_pieces(blocks, i, figures)):
            skip = pieces - 1
            continue
        if isinstance(block, Container) and not isinstance(block, Figure):
            inner = _without_captions(block.blocks, figures)
            if not inner and block.blocks:
                continue
            block = dataclasses.replace(block, blocks=inner) if inner != block.blocks else block
        out.append(block)
    return out


def _caption_pieces(blocks: list[Block], at: int, figures: list[PageFigure]) -> int:
    """How many paragraphs from ``at`` on (one to ``CAPTION_PIECES``) together repeat a
    figure's caption; 0 when none do."""
    texts: list[str] = []
    for block in blocks[at:at + CAPTION_PIECES]:
        if not isinstance(block, Paragraph):
            break
        texts.append(block.text)
        if _is_caption(" ".join(texts), figures):
            return len(texts)
    return 0


CAPTION_PIECES = 4  # the most paragraphs an extraction cuts one caption into


def _is_caption(text: str, figures: list[PageFigure]) -> bool:
    """Whether a paragraph of the article only repeats a figure's caption: the caption, then
    at most its credit, however the page words it ("Credit: ESA", "(Photo: AP)")."""
    key = _key(text)
    for fig in figures:
        caption = _key(fig.caption)
        if key == caption:
            return True
        credit = _key(fig.credit or "")
        if credit and key.startswith(caption + " ") and key.endswith(credit) and len(
                key) - len(caption) - len(credit) <= CREDIT_WORDING:
            return True
    return False


def _credited_captions(blocks: list[Block]) -> list[Block]:
    """The blocks with each short paragraph that ends in a picture's credit (``… Hialeah,
    Fla. (AP Photo/Alan Diaz, File)``) made a figure's caption: a caption the page set in
    no ``<figure>`` (a ``div class="caption"`` under a gallery's picture). A list whose
    items all are such captions is a gallery: its figures stand in its place."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, List):
            figures = [_credited(item) for item in block.blocks]
            if block.blocks and all(figures):
                out += figures  # type: ignore[arg-type]
                continue
        elif isinstance(block, Paragraph):
            block = _credited(block) or block
        elif isinstance(block, Container) and not isinstance(block, Figure):
            block = dataclasses.replace(block, blocks=_credited_captions(block.blocks))
        out.append(block)
    return out


def _credited(block: Block) -> Figure | None:
    """A short paragraph ending in a picture's credit as a figure's caption, else ``None``."""
    if not isinstance(block, Paragraph) or len(block.text.split()) > CAPTION_WORDS or not (
            match := picture_credit(block.text)):
        return None
    caption = " ".join(block.text[:match.start()].split())
    return Figure(blocks=[Caption(text=caption, credit=clean_credit(match.group(1)))]) if (
        caption) else None


CAPTION_WORDS = 60  # the most a caption set as a paragraph runs to
CREDIT_WORDING = 20  # letters between a caption and its credit ("image credit", "photo by")


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _find(texts: list[str | None], text: str) -> int | None:
    if len(text) < 20:
        return None
    key = text[:80]
    return next((i for i, t in enumerate(texts) if t and t[:80] == key), None)


_LANG = lazyre.compile(
    r"""<html\b[^>]*?\b(?:xml:)?lang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)"""
    r"""|<meta\b[^>]*?(?:http-equiv\s*=\s*["']?content-language["']?[^>]*?content|"""
    r"""property\s*=\s*["']og:locale["'][^>]*?content)\s*=\s*["']([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)""",
    re.IGNORECASE)


def page_language(html: str) -> str | None:
    """The page's language as it declares it (``<html lang>``, ``Content-Language``,
    ``og:locale``), as a BCP 47 tag."""
    match = _LANG.search(html[:65536])
    if not match:
        return None
    parts = (match.group(1) or match.group(2)).replace("_", "-").split("-")
    return "-".join([parts[0].lower()] + [p.upper() if len(p) == 2 else p.title() if len(p) == 4
                                          else p.lower() for p in parts[1:]])


_SEPARATOR = r"\s*(?:[|\-–—:·•»]|::)\s*"


def without_site(title: str | None, site: str | None) -> str | None:
    """The page title without the site's name the page set before or after it, joined by a
    bar, dash, colon or bullet (``Best gadgets of 2019 | ZDNet`` → ``Best gadgets of
    2019``); as it is when nothing is left but a word or two."""
    if not title or not site or not site.strip():
        return title
    name = re.escape(" ".join(site.split()))
    for pattern in (rf"^(.*?){_SEPARATOR}{name}$", rf"^{name}{_SEPARATOR}(.*)$"):
        match = re.match(pattern, " ".join(title.split()), re.IGNORECASE)
        if match and len(match.group(1).split()) >= 3:
            return match.group(1).strip()
    return title


def read_html(source: Source) -> Document:
    from trafilatura.utils import load_html  # (trafilatura: imported only for a web page)

    html = source.read_text()
    tree = load_html(html)  # one parse for the figures and trafilatura (which prunes it)
    if tree is None:
        raise InputError("no article text found in this page")
    figures = page_figures(tree)
    found = page_metadata(tree)
    xml = article_xml(tree, found.get("url") if found else None, with_metadata=found is None)
    if not xml:
        raise InputError("no article text found in this page")
    xml = mend(xml)  # mojibake mended in the article only: the whole page took twice as long
    try:
        root = etree.fromstring(xml.encode("utf-8"), parser=_XML)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"cannot read the extracted article: {exc}") from None
    main = root.find("main")
    blocks = list(blocks_from(main)) if main is not None else []
    if not any(isinstance(b, Paragraph | List | BlockQuote | Table) for b in blocks):
        raise InputError("no article text found in this page")
    blocks = place_figures(blocks, [dataclasses.replace(
        f, caption=mend(f.caption), credit=f.credit and mend(f.credit), alt=f.alt and mend(f.alt),
        before=mend(f.before), after=mend(f.after)) for f in figures],
        found.get("url") if found else None)
    field = (lambda key: found.get(key)) if found is not None else root.get
    meta = Metadata(
        title=without_site(field("title"), field("sitename")),
        authors=[a.strip() for a in (field("author") or "").split(";") if a.strip()],
        date=field("date"), site_name=field("sitename"), url=field("url"),
        description=field("description"), language=field("language") or page_language(html))
    first = next((b for b in blocks if isinstance(b, Heading)), None)
    if meta.title and not (first is not None and first.text == meta.title):
        blocks.insert(0, Heading(text=meta.title, level=1))
    return Document(metadata=meta, blocks=[Article(blocks=blocks)])


def article_xml(tree: lxml.html.HtmlElement, url: str | None, with_metadata: bool) -> str | None:
    """trafilatura's XML extraction of the page's article (paragraphs, headings, lists,
    quotes, tables, pictures, formatting and links), as its ``extract`` makes it but for the
    content fingerprint it adds, which nothing here reads (a twelfth of its time); its
    ``extract`` itself where its parts are not what this expects."""
    import trafilatura

    try:
        from trafilatura.core import bare_extraction, determine_returnstring
        from trafilatura.settings import Extractor

        options = Extractor(output_format="xml", comments=False, formatting=True, links=True,
                            images=True, tables=True, url=url, with_metadata=with_metadata)
    except (ImportError, TypeError):
        return trafilatura.extract(
            tree, url=url, output_format="xml", include_images=True, include_formatting=True,
            include_links=True, include_tables=True, include_comments=False,
            with_metadata=with_metadata)
    document = bare_extraction(tree, options=options, as_dict=False)
    return determine_returnstring(document, options) if document else None


def page_metadata(tree: lxml.html.HtmlElement) -> dict[str, str] | None:
    """The page's title, author, date, site, URL and description as trafilatura's
    ``extract_metadata`` finds them (its steps, in its order: they prune the tree as they go,
    and the extraction after them reads what they leave), mended as the article is; without
    the categories, tags and licence it seeks too, a third of its time. ``None`` where
    trafilatura's parts are not what this expects: then its extraction gives them."""
    try:
        from trafilatura import metadata as tm
        from trafilatura.settings import Extractor
        from trafilatura.xml import META_ATTRIBUTES

        date_config = dict(Extractor().date_params)
        meta = tm.examine_meta(tree)
        if meta.author and " " not in meta.author:
            meta.author = None
        with contextlib.suppress(Exception):  # (as trafilatura: its JSON-LD reading has bugs)
            meta = tm.extract_meta_json(tree, meta)
        meta.title = meta.title or tm.extract_title(tree)
        meta.author = meta.author or tm.extract_author(tree)
        meta.url = meta.url or tm.extract_url(tree, None)
        date_config["url"] = meta.url
        meta.date = tm.find_date(tree, **date_config)
        meta.sitename = meta.sitename or tm.extract_sitename(tree)
        if meta.sitename:
            meta.sitename = meta.sitename.lstrip("@")
            if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
                meta.sitename = meta.sitename.title()
        elif meta.url and (match := tm.META_URL.match(meta.url)):
            meta.sitename = match[1]
        meta.clean_and_trim()
    except (ImportError, AttributeError, TypeError):
        return None
    keys = ("title", "author", "date", "url", "sitename", "description", "language")
    values = {key: getattr(meta, key, None) for key in keys if key in META_ATTRIBUTES
              or key == "sitename"}
    return {key: mend(value if isinstance(value, str) else ";".join(value))
            for key, value in values.items() if value}


def sniff_html(head: bytes, name: str) -> float:
    start = head.lstrip()[:1024].lower()
    return 0.9 if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start else 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(Reader(
        name=KIND, read=read_html, extensions=("html", "htm", "xhtml"),
        media_types=("text/html",), sniff=sniff_html, kind=KIND,
        description="a web page: the article (trafilatura), figures with captions, metadata",
    ))
