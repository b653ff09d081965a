"""The ``pdf`` reader: born-digital PDFs through pdfminer.six's layout analysis.

Every text line keeps its page, box (points, origin top-left), font name and size, and
whether the font is bold or italic. The shared page layout analysis (``copydesk.pagelayout``)
then puts columns in reading order, sets running heads, folios and margin notes apart as
boilerplate, and groups lines into provisional paragraphs; the print cleaners do the rest
(``reflow``, ``dehyphenate`` and ``articles`` are on by default for PDF input; captions and
pull quotes from type and picture areas are still to come). Use: ``copydesk convert report.pdf -o report.epub``.

A PDF with no text layer (a scan) gets a message suggesting OCR first (e.g. OCRmyPDF);
encrypted, truncated and malformed files get a clear error, and a file that keeps pdfminer
busy longer than ``TIME_LIMIT`` seconds is stopped.
"""

from __future__ import annotations

import contextlib
import io
import signal
import threading
from collections.abc import Callable, Iterator

from copydesk import Box, Document, InputError, Line, Reader, Source, hookimpl
from copydesk.model.nodes import Metadata
from copydesk.pagelayout import Page, blocks_from_pages

KIND = "pdf"
TIME_LIMIT = 300  # seconds a single PDF may take
MOST = 0.6  # share of a line's characters in bold (italic) type for the line to count as bold


class _TimeUp(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Stop the body after ``seconds`` (where signals can be used: the main thread)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
            signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def pages_of(data: bytes) -> Iterator[Page]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine

    params = LAParams(line_margin=0.5, char_margin=2.0, word_margin=0.1, boxes_flow=None)
    for number, layout in enumerate(extract_pages(io.BytesIO(data), laparams=params), 1):
        lines = []
        for box in layout:
            if not isinstance(box, LTTextContainer):
                continue
            for item in box:
                if not isinstance(item, LTTextLine) or not item.get_text().strip():
                    continue
                chars = [c for c in item if isinstance(c, LTChar) and c.get_text().strip()]
                char = max(chars, key=lambda c: c.size) if chars else None
                font = char.fontname if char is not None else None
                lines.append(Line(
                    text=item.get_text().rstrip("\n"), page=number,
                    box=Box(x0=round(item.x0, 2), y0=round(layout.height - item.y1, 2),
                            x1=round(item.x1, 2), y1=round(layout.height - item.y0, 2)),
                    font=font, font_size=round(char.size, 2) if char is not None else None,
                    bold=_share(chars, ("bold", "black", "heavy")) >= MOST,
                    italic=_share(chars, ("italic", "oblique")) >= MOST))
        yield Page(number=number, width=layout.width, height=layout.height, lines=lines)


def _share(chars: list, words: tuple[str, ...]) -> float:
    """The share of ``chars`` whose font name says one of ``words`` (bold, italic)."""
    if not chars:
        return 0.0
    return sum(any(w in c.fontname.lower() for w in words) for c in chars) / len(chars)


def read_pdf(source: Source) -> Document:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    data = source.read_bytes()
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError("not a PDF file")
    try:
        with time_limit(TIME_LIMIT):
            pages = list(pages_of(data))
    except _TimeUp:
        raise InputError(f"stopped after {TIME_LIMIT} s: pdfminer could not lay this PDF "
                         "out in time") from None
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError("the PDF is encrypted; decrypt it first (e.g. qpdf --decrypt)") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise InputError(f"a damaged or truncated PDF ({type(exc).__name__})") from None
    if not any(page.lines for page in pages):
        raise InputError("the PDF has no text layer (a scan?); run OCR on it first, "
                         "e.g. ocrmypdf in.pdf out.pdf")
    return Document(metadata=Metadata(), blocks=blocks_from_pages(pages))


def sniff_pdf(head: bytes, name: str) -> float:
    return 0.99 if head.lstrip()[:5].startswith(b"%PDF") else 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(Reader(
        name=KIND, read=read_pdf, extensions=("pdf",), media_types=("application/pdf",),
        sniff=sniff_pdf, kind=KIND,
        description="a born-digital PDF: columns in reading order, running heads set apart",
    ))
