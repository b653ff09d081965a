"""The ``mets`` reader: a newspaper issue as archives deliver it, a METS file tying together
the ALTO or PAGE-XML of its pages (and their images).

The pages come in the order of the physical structure map (``ORDER``), each page's ALTO read
by the ``alto`` reader (its PAGE-XML by the ``page`` reader where the page has no ALTO, as in
OCR-D, Transkribus and eScriptorium exports) and all of them laid out together (running heads are told by their
repetition across the issue's pages). Where the METS has a logical structure map, its
articles (and adverts, sections…) are the document's articles: each is linked to areas of the
pages, ranges of ALTO ids (``BEGIN``/``END``), either inside its own ``fptr`` or through the
``structLink`` section; every block goes to the article most of its lines belong to, blocks
no article claims stay with the one before them, and the articles come in the order the
issue's pages show them. An article's MODS title makes its opening line a heading where the
text has it. The issue's MODS gives the metadata: title, date, volume, number, language,
place. Files are looked for inside the issue's folder only (no absolute paths, no ``..``, no
URLs); a page's missing ALTO is an error naming it. Parsed without entity expansion or
network. Use: ``copydesk convert issue_mets.xml -o issue.epub``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from copydesk import (
    Article,
    Block,
    Boilerplate,
    Document,
    Heading,
    InputError,
    Metadata,
    PageBreak,
    Paragraph,
    Reader,
    Source,
    hookimpl,
    lazyre,
)
from copydesk.model.nodes import TextBlock
from copydesk.pagelayout import Page, document_from_pages
from copydesk.plugins.readers.alto import alto_pages, line_key
from copydesk.plugins.readers.page_xml import page_xml_pages
from copydesk.xmlinput import SAFE, parse_root
from copydesk.xmlinput import local as _local

PAGE_ROOT = lazyre.compile(rb"<(?:\w+:)?PcGts\b")  # a PAGE-XML file (else the page's text is ALTO)

KIND = "mets"
XLINK = "{http://www.w3.org/1999/xlink}"
ISSUE_LEVELS = {"issue", "newspaper", "periodical", "volume", "year", "month", "day",
                "physsequence", "title"}
TITLE_MATCH = 85  # an opening line this like the MODS title is the article's heading


def _all(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el.iter() if _local(c) == name]


def _text(el: etree._Element | None, *path: str) -> str | None:
    """The text of the first element down ``path`` (local names) from ``el``."""
    for name in path:
        if el is None:
            return None
        el = next((c for c in el.iter() if _local(c) == name and c is not el), None)
    text = " ".join((el.text or "").split()) if el is not None else ""
    return text or None


def _inside(folder: Path, href: str, what: str) -> Path:
    """A file the METS names, inside the issue's folder (else an error naming it)."""
    parts = urlsplit(href)
    if parts.scheme not in ("", "file") or parts.netloc:
        raise InputError(f"{what} is not a file in the issue's folder: {href}")
    path = (folder / unquote(parts.path)).resolve()
    if not path.is_relative_to(folder) or Path(unquote(parts.path)).is_absolute():
        raise InputError(f"{what} lies outside the issue's folder: {href}")
    if not path.is_file():
        raise InputError(f"{what} is missing: {href}")
    return path


def _image(folder: Path, hrefs: list[str]) -> Path | None:
    """The first of a page's image files that is there, inside the issue's folder (a page
    with none keeps its figures' captions alone)."""
    for href in hrefs:
        try:
            return _inside(folder, href, "a page image")
        except InputError:
            continue
    return None


def _files(root: etree._Element) -> dict[str, tuple[str, str]]:
    """``file ID -> (href, kind)``; kind ``text`` for ALTO, ``image`` for page images."""
    out = {}
    for file in _all(root, "file"):
        locat = next((c for c in file if _local(c) == "FLocat"), None)
        href = locat.get(f"{XLINK}href", "") if locat is not None else ""
        uses = " ".join(g.get("USE", "") for g in file.iterancestors()).lower()
        mime = (file.get("MIMETYPE") or "").lower()
        if mime.startswith("image/") or "image" in uses or "master" in uses:
            kind = "image"
        elif "xml" in mime or any(w in uses for w in ("fulltext", "alto", "ocr", "text")):
            kind = "text"
        else:
            kind = "other"
        out[file.get("ID", "")] = (href, kind)
    return out


def _structure(root: etree._Element, kind: str) -> etree._Element | None:
    return next((m for m in _all(root, "structMap") if (m.get("TYPE") or "").upper() == kind),
                None)


def _page_divs(root: etree._Element) -> list[etree._Element]:
    physical = _structure(root, "PHYSICAL")
    if physical is None:
        return []
    pages = [d for d in _all(physical, "div") if (d.get("TYPE") or "").lower() == "page"]
    return sorted(pages, key=lambda d: int(d.get("ORDER", "0")) if d.get("ORDER", "").isdigit()
                  else 0)


def _areas(div: etree._Element) -> list[tuple[str, str, str]]:
    """The (file ID, begin, end) of the ALTO areas a structure div points at itself."""
    return [(a.get("FILEID", ""), a.get("BEGIN", ""), a.get("END") or a.get("BEGIN", ""))
            for a in _all(div, "area") if a.get("BEGIN")]


def _article_areas(root: etree._Element) -> list[tuple[etree._Element, list[tuple[str, str, str]]]]:
    """The logical divisions that hold text (articles, adverts…) with the areas each covers:
    its own ``fptr`` areas, or the physical areas ``structLink`` ties it to."""
    logical = _structure(root, "LOGICAL")
    if logical is None:
        return []
    by_id = {d.get("ID"): d for d in _all(root, "div") if d.get("ID")}
    linked: dict[str, list[str]] = {}
    for group in _all(root, "smLinkGrp"):
        labels = {loc.get(f"{XLINK}label"): loc.get(f"{XLINK}href", "").lstrip("#")
                  for loc in group if _local(loc) == "smLocatorLink"}
        for arc in (a for a in group if _local(a) == "smArcLink"):
            source, target = labels.get(arc.get(f"{XLINK}from")), labels.get(arc.get(f"{XLINK}to"))
            if source and target:
                linked.setdefault(source, []).append(target)
    for link in _all(root, "smLink"):
        source, target = link.get(f"{XLINK}from"), link.get(f"{XLINK}to")
        if source and target:
            linked.setdefault(source, []).append(target)
    out = []
    for div in _all(logical, "div"):
        if (div.get("TYPE") or "").lower() in ISSUE_LEVELS:
            continue
        areas = _areas(div)
        for target in linked.get(div.get("ID", ""), []):
            if target in by_id:
                areas += _areas(by_id[target])
        if areas:
            out.append((div, areas))
    return out


def _mods(root: etree._Element, div: etree._Element | None) -> etree._Element | None:
    ids = (div.get("DMDID") or "").split() if div is not None else []
    for section in _all(root, "dmdSec"):
        if section.get("ID") in ids:
            return next((m for m in section.iter() if _local(m) == "mods"), None)
    return None


def _metadata(root: etree._Element) -> Metadata:
    logical = _structure(root, "LOGICAL")
    top = next((d for d in _all(logical, "div") if d.get("DMDID")), None) if logical is not None \
        else None
    mods = _mods(root, top)
    if mods is None:
        mods = next((m for m in root.iter() if _local(m) == "mods"), None)
    meta = Metadata()
    if mods is None:
        return meta
    title = _text(mods, "titleInfo", "title")
    meta.title = title.rstrip(".") if title else None
    if meta.title:  # an issue: of the paper its title names
        meta.extra["series"] = meta.title
    meta.date = _text(mods, "originInfo", "dateIssued")
    meta.language = _text(mods, "language", "languageTerm") or next(iter(Counter(
        t for m in _all(root, "languageTerm") if (t := " ".join((m.text or "").split()))
    ).most_common(1)), ("",))[0] or None  # (else the one its articles are in)
    meta.publisher = _text(mods, "originInfo", "publisher")
    for detail in _all(mods, "detail"):
        number = _text(detail, "number")
        unit = (detail.get("type") or "").lower()
        if number and unit in ("volume", "issue"):
            meta.extra["volume" if unit == "volume" else "number"] = number
    place = _text(mods, "originInfo", "placeTerm")
    if place:
        meta.extra["place"] = place
    return meta


def read_mets(source: Source) -> Document:
    if source.path is None:
        raise InputError("a METS issue is read from its folder: give the file's path, "
                         "not standard input")
    root = parse_root(source.read_bytes(), "mets", "METS")
    folder = source.path.resolve().parent
    files = _files(root)
    pages: list[Page] = []
    ids: dict[tuple[int | None, float, float, float, float], list[str]] = {}
    order_of: dict[str, list[str]] = {}  # ALTO file ID -> its element ids in order
    page_of_file: dict[str, int] = {}
    for div in _page_divs(root):
        texts = [i for f in div if _local(f) == "fptr"
                 if files.get(i := f.get("FILEID", ""), ("", ""))[1] == "text"]
        if not texts:
            continue
        label = div.get("ORDERLABEL") or div.get("ORDER") or str(len(pages) + 1)
        images = [files[i][0] for f in div if _local(f) == "fptr"
                  if files.get(i := f.get("FILEID", ""), ("", ""))[1] == "image"]
        image = _image(folder, images)
        read_as = {}
        for text in texts:  # ALTO where the page has it (articles point into it), else PAGE-XML
            data = _inside(folder, files[text][0], f"page {label}'s text").read_bytes()
            read_as.setdefault("page" if PAGE_ROOT.search(data[:4096]) else "alto", (text, data))
        alto, data = read_as.get("alto") or read_as["page"]
        try:
            if "alto" in read_as:
                read = alto_pages(data, len(pages) + 1, ids, image=image)
            else:
                read = page_xml_pages(data, len(pages) + 1, image=image)
        except InputError as exc:
            raise InputError(f"page {label} ({files[alto][0]}): {exc}") from None
        page_of_file[alto] = len(pages) + 1
        order_of[alto] = _ids_in_order(data)
        pages += read
    if not any(p.lines for p in pages):
        raise InputError("the METS issue names no ALTO or PAGE-XML page with text")
    articles = _article_areas(root)
    owner = _owners(articles, order_of, page_of_file)
    for page in pages:  # each line in the story most of its words belong to
        for line in page.lines:
            votes = Counter(owner[(line.page, i)] for i in ids.get(line_key(line), [])
                            if (line.page, i) in owner)
            if votes:
                line.story = articles[votes.most_common(1)[0][0]][0].get("ID") or str(
                    votes.most_common(1)[0][0])
    doc = document_from_pages(pages, _metadata(root))
    if articles:
        titles = {div.get("ID") or str(i): _text(_mods(root, div), "titleInfo", "title")
                  for i, (div, _) in enumerate(articles)}
        doc.blocks = _grouped(doc.blocks, titles)
    return doc


def _ids_in_order(data: bytes) -> list[str]:
    """Every id of an ALTO file, in the file's order."""
    root = etree.fromstring(data, parser=SAFE)
    return [el.get("ID", "") for el in root.iter() if isinstance(el.tag, str) and el.get("ID")]


def _owners(articles: list[tuple[etree._Element, list[tuple[str, str, str]]]],
            order_of: dict[str, list[str]], page_of_file: dict[str, int]
            ) -> dict[tuple[int, str], int]:
    """``(page, ALTO id) -> article index`` for every id inside an article's areas (ids are
    the page's own: every page's ALTO may count its words from one)."""
    owner: dict[tuple[int, str], int] = {}
    positions = {f: {ident: i for i, ident in enumerate(ids)} for f, ids in order_of.items()}
    for index, (_, areas) in enumerate(articles):
        for file_id, begin, end in areas:
            at = positions.get(file_id, {})
            if begin not in at:
                continue
            start, stop = at[begin], at.get(end, at[begin])
            for ident in order_of[file_id][start:stop + 1]:
                owner.setdefault((page_of_file[file_id], ident), index)
    return owner


def _story_of(block: Block) -> str | None:
    """The story most of a block's lines are in."""
    lines = block.lines if isinstance(block, TextBlock) else [
        ln for inner in getattr(block, "blocks", []) for ln in getattr(inner, "lines", [])]
    votes = Counter(ln.story for ln in lines if ln.story)
    return votes.most_common(1)[0][0] if votes else None


def _grouped(blocks: list[Block], titles: dict[str, str | None]) -> list[Block]:
    """The issue's blocks as the METS's articles, in the order the pages show them: each
    block in the article most of its lines belong to, blocks no article claims (furniture,
    page breaks, text the METS left out) with the article before them (or one of their own
    at the start); an article with no words to read joins the one before it."""
    top: list[Block] = []
    articles: dict[str, list[Block]] = {}
    current: str | None = None
    for block in blocks:
        story = _story_of(block) if not isinstance(block, PageBreak) else None
        if story is None:
            story = current
        if story is None:
            if isinstance(block, (PageBreak, Boilerplate)):
                top.append(block)
                continue
            story = ""  # text before any article the METS names
        articles.setdefault(story, []).append(block)
        current = story
    out = top
    for story, members in articles.items():
        members = _titled(members, titles.get(story))
        if out and isinstance(out[-1], Article) and not _has_words(members):
            out[-1].blocks += members
        else:
            out.append(Article(blocks=members))
    return out


def _has_words(blocks: list[Block]) -> bool:
    return sum(len(w) >= 3 and w.isalpha() for b in blocks if isinstance(b, (Paragraph, Heading))
               for w in b.text.split()) >= 3


def _titled(blocks: list[Block], title: str | None) -> list[Block]:
    """The article's opening line made its heading where it reads as its MODS title."""
    if not title:
        return blocks
    from rapidfuzz import fuzz  # (imported where used: start-up stays short)

    for i, block in enumerate(blocks[:3]):
        if isinstance(block, Heading):
            return blocks
        if isinstance(block, Paragraph) and fuzz.ratio(block.text.lower(), title.lower()) >= (
                TITLE_MATCH):
            return [*blocks[:i], Heading(text=block.text, lines=block.lines, level=1),
                    *blocks[i + 1:]]
    return blocks


def sniff_mets(head: bytes, name: str) -> float:
    start = head[:4096]
    return 0.96 if b"<mets:mets" in start or b"<mets " in start or b"<mets>" in start else 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(Reader(
        name=KIND, read=read_mets, extensions=("xml",), sniff=sniff_mets, kind="alto",
        description="a METS newspaper issue: its ALTO pages in order, its articles and metadata",
    ))
