"""Hostile inputs for every reader, and the properties every conversion must keep.

A small valid input per reader (made here or taken from tests/data) is damaged the ways real
files are: cut short, bytes flipped, junk and control or bidi characters, markup fragments
(``<!DOCTYPE``, ``]]>``, ``&#0;``) and NUL bytes inserted, a stretch repeated. Each is read
with its reader forced and written by every writer; :func:`check` says what went wrong, if
anything: a crash (an exception that is not copydesk's), a message of several lines, or an
output that is not well-formed (JSON against the schema, TEI and every EPUB page as XML).
Used by ``tests/test_fuzz.py`` (a short run) and ``benchmarks/fuzz.py`` (a long one).
"""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree

import copydesk

DATA = Path(__file__).resolve().parent / "data"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "003_d60a862d48c27c24.txt"
WRITERS = ("json", "markdown", "tei", "epub")
SAFE = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def pdf_document(operators: bytes) -> bytes:
    """A one-page PDF whose page draws ``operators`` (its content stream, compressed)."""
    content = zlib.compress(operators, 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content
            + b"\nendstream", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref)


PAGE_XML = (b'<?xml version="1.0" encoding="UTF-8"?><PcGts xmlns="http://schema.primaresearch.org/'
            b'PAGE/gts/pagecontent/2019-07-15"><Page imageWidth="2000" imageHeight="3000">'
            b'<TextRegion id="r1" type="paragraph"><Coords points="100,100 900,100 900,300 '
            b'100,300"/><TextLine id="l1"><Coords points="100,100 900,100 900,150 100,150"/>'
            b'<TextEquiv><Unicode>The council met on Tuesday to</Unicode></TextEquiv></TextLine>'
            b'<TextLine id="l2"><Coords points="100,160 900,160 900,210 100,210"/><TextEquiv>'
            b'<Unicode>agree the new harbour wall.</Unicode></TextEquiv></TextLine></TextRegion>'
            b'</Page></PcGts>')
WEB_TEXT = (b"Home | News | Sport\n\nHarbour wall approved at last\n\nBy Ann Lee | 3 March 2025\n\n"
            b"The council met on Tuesday and agreed, after a long debate that went on into the "
            b"night, to build the new harbour wall before the winter storms.\n\nResidents said "
            b"they were glad the matter was settled at last, though some doubted the cost.\n")


def corpus() -> dict[str, bytes]:
    """A small valid input for each reader (scans and METS issues aside: they need Tesseract
    and a folder of files)."""
    from copydesk.model.jsoncodec import dump_bytes

    print_ocr = b"\n".join(SEED.read_bytes().splitlines()[:60])
    return {
        "text": b"A first paragraph.\n\nA second one, a little longer than the first.\n",
        "print-ocr": print_ocr,
        "web-text": WEB_TEXT,
        "html": (DATA / "news-page.html").read_bytes(),
        "hocr": (DATA / "ocr" / "typeset-page.hocr").read_bytes(),
        "alto": (DATA / "ocr" / "typeset-page.alto.xml").read_bytes(),
        "page": PAGE_XML,
        "json": dump_bytes(copydesk.clean(copydesk.read(print_ocr, "print-ocr"))),
        "pdf": pdf_document(b"BT /F1 12 Tf 72 400 Td (The council met on Tuesday.) Tj ET"),
    }


JUNK = [b"\x00", b"\xff\xfe", b"\x1b[31m", "\u202e".encode(), b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
        b"]]>", b"&#0;", b"&a;", b"<", b"\"", b"{", b"]", b"\r", b"\x0c", "\ufeff".encode()]


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` damaged by one to three cuts, flips, insertions or repeats."""
    for _ in range(draw(st.integers(1, 3))):
        size = len(data)
        kind = draw(st.sampled_from(["cut", "flip", "insert", "repeat"]))
        at = draw(st.integers(0, max(0, size - 1)))
        if kind == "cut":
            data = data[:at]
        elif kind == "flip" and size:
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
        elif kind == "insert":
            junk = draw(st.sampled_from(JUNK) | st.binary(min_size=1, max_size=16))
            data = data[:at] + junk + data[at:]
        else:
            length = draw(st.integers(1, 200))
            data = data[:at] + data[at:at + length] * draw(st.integers(2, 20)) + data[at:]
    return data


def check(data: bytes, reader: str, schema_validator: object, tei_schema: object = None,
          ) -> tuple[str, str]:
    """Convert ``data`` with ``reader`` to every writer: ``("refused", message)``,
    ``("converted", "")`` or ``("FAILED", what went wrong)``."""
    try:
        doc = copydesk.clean(copydesk.read(data, reader, name=f"input.{reader}"))
    except copydesk.CopydeskError as exc:
        text = str(exc)
        if not text.strip() or "\n" in text.strip():
            return "FAILED", f"a message that is not one line: {text!r}"
        return "refused", text
    except Exception as exc:  # noqa: BLE001 - what the fuzzing is for
        return "FAILED", f"read crashed: {type(exc).__name__}: {exc}"
    for writer in WRITERS:
        out = io.BytesIO()
        try:
            copydesk.write(doc, out, writer)
        except Exception as exc:  # noqa: BLE001
            return "FAILED", f"{writer} writer crashed: {type(exc).__name__}: {exc}"
        problem = _malformed(writer, out.getvalue(), schema_validator, tei_schema)
        if problem:
            return "FAILED", f"{writer}: {problem}"
    return "converted", ""


def _malformed(writer: str, data: bytes, validator: object, tei_schema: object) -> str | None:
    try:
        if writer == "json":
            errors = list(validator.iter_errors(json.loads(data)))  # type: ignore[attr-defined]
            return errors[0].message if errors else None
        if writer == "markdown":
            data.decode("utf-8")
        elif writer == "tei":
            tree = etree.fromstring(data, SAFE).getroottree()
            if tei_schema is not None and not tei_schema.validate(tree):  # type: ignore[attr-defined]
                return f"not valid TEI: {tei_schema.error_log.last_error}"  # type: ignore[attr-defined]
        else:
            with zipfile.ZipFile(io.BytesIO(data)) as book:
                if book.namelist()[0] != "mimetype":
                    return "mimetype is not the first entry"
                for name in book.namelist():
                    if name.endswith((".xhtml", ".opf", ".ncx")):
                        etree.fromstring(book.read(name), SAFE)
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {exc}"
    return None
