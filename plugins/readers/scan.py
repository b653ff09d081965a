"""The ``scan`` reader: a page image (PNG, JPEG, TIFF, also multi-page) OCRed with Tesseract;
also the OCR of scanned PDFs (pages without a text layer) for the ``pdf`` reader.

Tesseract writes hOCR (its blocks, lines, words and their boxes), which the ``hocr`` reader
reads: the document is of kind ``hocr``, so the same layout analysis and cleaners apply
(columns and reading order from the engine's blocks, furniture, headlines by type size).

Tesseract is an optional system program (Debian/Ubuntu: ``apt-get install tesseract-ocr``, and
``tesseract-ocr-deu`` and so on for other languages); without it the reader says so in one
line. ``COPYDESK_OCR_LANGUAGES`` chooses Tesseract's languages (``eng`` by default;
``deu+eng``, ``frk`` for black letter), ``COPYDESK_OCR_DPI`` the resolution of images that do
not give theirs. Use: ``copydesk convert page.png -o page.epub``; a folder of scans with
``--output-dir`` (several at once with ``--jobs``).
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from copydesk import Document, InputError, Reader, Source, hookimpl, lazyre
from copydesk.pagelayout import Page, document_from_pages
from copydesk.pictures import PDF_DPI
from copydesk.plugins.readers.hocr import hocr_pages

KIND = "hocr"
RENDER_DPI = PDF_DPI  # a scanned PDF's pages are rendered at this resolution for OCR
TIME_LIMIT = 600  # seconds for one image (a large multi-page TIFF takes minutes)
IMAGES = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"II*\x00", "tiff"),
          (b"MM\x00*", "tiff"))
LANGUAGES = lazyre.compile(r"^[A-Za-z_]+(?:\+[A-Za-z_]+)*$")


def tesseract_command(languages: str | None = None, dpi: str | None = None) -> list[str]:
    """The Tesseract command that reads an image on stdin and writes hOCR on stdout."""
    program = shutil.which("tesseract")
    if program is None:
        raise InputError("reading a scan needs Tesseract, which is not installed "
                         "(Debian/Ubuntu: apt-get install tesseract-ocr)")
    languages = languages or os.environ.get("COPYDESK_OCR_LANGUAGES") or "eng"
    if not LANGUAGES.match(languages):
        raise InputError(f"COPYDESK_OCR_LANGUAGES={languages!r} is no Tesseract language list "
                         "(e.g. eng, deu+eng)")
    command = [program, "stdin", "stdout", "-l", languages, "--psm", "3"]
    dpi = dpi or os.environ.get("COPYDESK_OCR_DPI")
    if dpi:
        if not dpi.isdigit():
            raise InputError(f"COPYDESK_OCR_DPI={dpi!r} is no whole number")
        command += ["--dpi", dpi]
    return [*command, "hocr"]


def ocr(data: bytes, name: str) -> bytes:
    """Tesseract's hOCR for an image."""
    import subprocess  # (imported where used: start-up stays short)

    command = tesseract_command()
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one page per process: --jobs runs several
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=TIME_LIMIT,
                              env=env, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(f"stopped after {TIME_LIMIT} s: Tesseract did not finish") from None
    if done.returncode != 0 or not done.stdout.strip():
        message = " ".join(done.stderr.decode("utf-8", "replace").split())[-300:]
        if "Failed loading language" in message or "Error opening data file" in message:
            raise InputError(f"Tesseract has no data for {command[command.index('-l') + 1]!r} "
                             "(install tesseract-ocr-<language>)")
        raise InputError(f"Tesseract could not read the image: {message or 'no output'}")
    return done.stdout


def read_scan(source: Source) -> Document:
    data = source.read_bytes()
    if not sniff_scan(data[:16], source.name):
        raise InputError("not a PNG, JPEG or TIFF image")
    pages = hocr_pages(ocr(data, source.name))
    if not any(page.lines for page in pages):
        raise InputError("Tesseract found no text on the page")
    if source.path is not None:  # its pictures are cut from the image
        for page in pages:
            page.image = source.path.resolve()
            page.image_page = page.number if len(pages) > 1 else None
    return document_from_pages(pages)


def scanned_pdf_pages(data: bytes, name: str, path: Path | None = None) -> list[Page]:
    """The pages of a PDF without a text layer (at ``path``, where it is a file), each
    rendered at ``RENDER_DPI`` (PDFium) and OCRed with Tesseract."""
    tesseract_command()  # say at once when Tesseract is missing
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise InputError(f"PDFium could not open the PDF: {exc}") from None
    pages: list[Page] = []
    try:
        for number in range(len(pdf)):
            image = pdf[number].render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
            out = io.BytesIO()
            image.save(out, "PNG", dpi=(RENDER_DPI, RENDER_DPI))
            read = hocr_pages(ocr(out.getvalue(), name), first=number + 1)
            for page in read:  # its pictures are cut from the PDF's page
                page.image, page.image_page = (path.resolve(), number + 1) if path else (None, None)
            pages += read
    finally:
        pdf.close()
    return pages


def sniff_scan(head: bytes, name: str) -> float:
    return 0.9 if head.startswith(tuple(magic for magic, _ in IMAGES)) else 0.0


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    register(Reader(
        name="scan", read=read_scan, extensions=("png", "jpg", "jpeg", "tif", "tiff"),
        media_types=("image/png", "image/jpeg", "image/tiff"), sniff=sniff_scan, kind=KIND,
        binary=True,
        description="a page image (PNG, JPEG, TIFF) OCRed with Tesseract, then read as hOCR",
    ))
