"""Pictures cut from page images: where a figure's picture is, and the cut itself.

A reader that knows a page's image (hOCR's ``image``, ALTO's ``sourceImageInformation``,
PAGE-XML's ``imageFilename``, a METS page's image file, a scan) and where a picture stands on
it gives the picture's figure an address: the image's ``file:`` URI with a Media Fragments
region, ``file:///issue/0001.png#xywh=120,840,960,700`` (pixels: left, top, width, height);
in a file of several pages (a multi-page TIFF, a scanned PDF, rendered at ``PDF_DPI``) the
page comes first, ``file:///scan.pdf#page=3&xywh=…``.
The address is the model's (JSON and TEI keep it as it is); the EPUB and Markdown writers cut
the picture out of the image when they write (:func:`cut`), and leave the figure its caption
alone where the image cannot be read.

Only images inside the input's own folder (or the one the user names with ``--images DIR``)
are read: a file that names ``/etc/passwd`` as its page image gets no picture.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from copydesk import lazyre
from copydesk.model.layout import Box

REGION = lazyre.compile(r"xywh=(?:pixel:)?(\d+),(\d+),(\d+),(\d+)$")
PAGE = lazyre.compile(r"(?:^|&)page=(\d+)(?:&|$)")
PDF_DPI = 300  # a PDF page is rendered at this resolution (for OCR, and to cut its pictures)
PAGE_PICTURE = lazyre.compile(r"^file:.*#xywh=")  # an address of a picture on a page image
MAX_PIXELS = 200_000_000  # a larger page image is not opened (a decompression bomb)
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".jp2", ".gif", ".bmp", ".webp")


def image_folders(source: Path | None) -> list[Path]:
    """Where a source's page images are looked for: its own folder, and the one
    ``COPYDESK_IMAGES`` names (``--images DIR``)."""
    folders = [source.resolve().parent] if source is not None else []
    named = os.environ.get("COPYDESK_IMAGES")
    if named:
        folders.append(Path(named))
    return folders


def page_image(name: str | None, folders: list[Path]) -> Path | None:
    """The page image a source names (``name``, as the file gives it), found in one of
    ``folders`` (the input's own first): as named, relative to the folder, or by its file
    name alone (an engine often writes the path it was run with). None when it is not there
    or would lie outside the folders."""
    if not name or "\x00" in name:
        return None
    if name.startswith("file:"):
        name = unquote(urlsplit(name).path)
    given = Path(name)
    if given.suffix.lower() not in IMAGE_TYPES:
        return None
    for folder in folders:
        root = folder.resolve()
        for candidate in (given if given.is_absolute() else root / given, root / given.name):
            try:
                path = candidate.resolve()
            except (OSError, RuntimeError):
                continue
            if path.is_relative_to(root) and path.is_file():
                return path
    return None


def address(image: Path, box: Box, to_pixels: float, page: int | None = None) -> str:
    """A picture's address: ``image`` (a found page image; ``page``: which of its pages, from
    1) with the region of ``box`` (in the page's units, ``to_pixels`` image pixels each)."""
    x, y = max(0, round(box.x0 * to_pixels)), max(0, round(box.y0 * to_pixels))
    w, h = max(1, round(box.width * to_pixels)), max(1, round(box.height * to_pixels))
    return f"{image.as_uri()}#{f'page={page}&' if page else ''}xywh={x},{y},{w},{h}"


def image_dpi(path: Path, default: float = 300.0) -> float:
    """The resolution a page image states (its header only is read), else ``default``."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            dpi = image.info.get("dpi")
    except (OSError, ValueError, SyntaxError):
        return default
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        return default
    return value if 30 <= value <= 2400 else default


@dataclass(frozen=True)
class Cut:
    """A picture cut out of its page image: the encoded bytes and their type."""

    data: bytes
    media_type: str
    extension: str


def cut(src: str | None) -> Cut | None:
    """The picture an address (:func:`address`) points to, cut out of its image (JPEG for
    photographs, PNG for black-and-white and paletted images); None where ``src`` is no such
    address or the image cannot be read."""
    if not src or not src.startswith("file:"):
        return None
    parts = urlsplit(src)
    region = REGION.search(parts.fragment)
    if region is None:
        return None
    x, y, w, h = (int(v) for v in region.groups())
    page = int(found.group(1)) if (found := PAGE.search(parts.fragment)) else 1
    path = Path(unquote(parts.path))
    from PIL import Image  # (only here: most conversions have no picture)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with _opened(path, page) as image:
                if image.width * image.height > MAX_PIXELS:
                    return None
                right, bottom = min(image.width, x + w), min(image.height, y + h)
                if right - x < 2 or bottom - y < 2:
                    return None
                piece = image.crop((x, y, right, bottom))
                piece.load()
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError,
            Image.DecompressionBombWarning, MemoryError):
        return None
    out = io.BytesIO()
    if piece.mode in ("1", "P", "PA", "LA", "RGBA"):
        piece.save(out, "PNG", optimize=True)
        return Cut(out.getvalue(), "image/png", "png")
    piece.convert("L" if piece.mode.startswith(("L", "I", "F")) else "RGB").save(
        out, "JPEG", quality=85)
    return Cut(out.getvalue(), "image/jpeg", "jpg")


def _opened(path: Path, page: int) -> Any:
    """Page ``page`` (from 1) of an image file, or of a PDF rendered at ``PDF_DPI``."""
    from PIL import Image

    if path.suffix.lower() != ".pdf":
        image = Image.open(path)
        if page > 1:
            image.seek(page - 1)  # (EOFError past the last frame)
        return image
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as exc:
        raise OSError(str(exc)) from None
    try:
        if not 1 <= page <= len(pdf):
            raise ValueError("no such page")
        width, height = pdf[page - 1].get_size()
        if width * height * (PDF_DPI / 72) ** 2 > MAX_PIXELS:
            raise ValueError("too large a page")
        return pdf[page - 1].render(scale=PDF_DPI / 72).to_pil()  # (in colour)
    finally:
        pdf.close()
