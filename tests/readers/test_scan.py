"""The ``scan`` reader: page images OCRed with Tesseract and read as hOCR; a clear line when
Tesseract is missing or cannot read them. Tests that run Tesseract skip without it."""

from __future__ import annotations

import io
import shutil

import pytest

import copydesk
from copydesk import Heading, InputError, Paragraph, iter_blocks

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="needs Tesseract (apt-get install tesseract-ocr)")

HEADLINE = "Harbour wall approved"
BODY = [
    "The council met on Tuesday evening and agreed to build",
    "the new harbour wall before the winter storms arrive.",
    "Work on the foundations will start early in March.",
]


def page_image(fmt: str = "PNG") -> bytes:
    """A page set in type and scanned at about 300 dpi: a headline and a paragraph."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 700), 255)
    draw = ImageDraw.Draw(image)
    draw.text((100, 80), HEADLINE, font=ImageFont.load_default(size=72), fill=0)
    body = ImageFont.load_default(size=40)
    for n, line in enumerate(BODY):
        draw.text((100, 260 + n * 60), line, font=body, fill=0)
    out = io.BytesIO()
    image.save(out, fmt, dpi=(300, 300))
    return out.getvalue()


@needs_tesseract
@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "TIFF"])
def test_a_page_image_is_read_with_its_headline_and_paragraph(fmt, tmp_path):
    path = tmp_path / f"page.{fmt.lower()}"
    path.write_bytes(page_image(fmt))
    doc = copydesk.clean(copydesk.read(path))
    assert doc.kind == "hocr"
    blocks = list(iter_blocks(doc))
    assert [b.text for b in blocks if isinstance(b, Heading)] == [HEADLINE]
    body = " ".join(b.text for b in blocks if isinstance(b, Paragraph))
    assert body == " ".join(BODY)
    assert all(line.box is not None for b in blocks if isinstance(b, Paragraph) for line in b.lines)


@needs_tesseract
def test_the_command_line_converts_a_scan_and_names_what_tesseract_lacks(tmp_path, cli):
    page = tmp_path / "page.png"
    page.write_bytes(page_image())
    out = tmp_path / "page.md"
    result = cli("convert", str(page), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith(f"# {HEADLINE}\n")
    missing = cli("convert", str(page), "-t", "json", env={"COPYDESK_OCR_LANGUAGES": "xyz"})
    assert missing.returncode == 1
    assert missing.stderr.decode().strip() == (
        f"copydesk: {page}: Tesseract has no data for 'xyz' (install tesseract-ocr-<language>)")
    bad = cli("convert", str(page), "-t", "json", env={"COPYDESK_OCR_LANGUAGES": "eng;rm"})
    assert bad.returncode == 1 and b"no Tesseract language list" in bad.stderr


def test_without_tesseract_the_error_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    page = tmp_path / "page.png"
    page.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with pytest.raises(InputError, match="needs Tesseract, which is not installed"):
        copydesk.read(page)


@needs_tesseract
def test_a_scanned_pdf_is_rendered_and_read(tmp_path):
    from PIL import Image

    first = Image.open(io.BytesIO(page_image()))
    second = Image.new("L", first.size, 255)
    from PIL import ImageDraw, ImageFont
    ImageDraw.Draw(second).text((100, 100), "The second page says little more.",
                                font=ImageFont.load_default(size=40), fill=0)
    scan = tmp_path / "scan.pdf"
    first.save(scan, "PDF", resolution=300, save_all=True, append_images=[second])
    doc = copydesk.clean(copydesk.read(scan))
    text = " ".join(b.text for b in iter_blocks(doc) if isinstance(b, Paragraph | Heading))
    assert HEADLINE in text and " ".join(BODY) in text
    assert "The second page says little more." in text
    assert {line.page for b in iter_blocks(doc) if isinstance(b, Paragraph) for line in b.lines} == {1, 2}
    # OCR text, so the cleaners of OCR run on it (misreadings among them), not those of a
    # born-digital PDF
    assert doc.kind == "hocr" and "misreadings" in doc.cleaners


def test_a_scanned_pdf_without_tesseract_says_so(tmp_path, monkeypatch):
    from PIL import Image

    monkeypatch.setattr(shutil, "which", lambda name: None)
    scan = tmp_path / "scan.pdf"
    Image.open(io.BytesIO(page_image())).save(scan, "PDF", resolution=300)
    with pytest.raises(InputError, match="no text layer .a scan., and reading a scan needs Tesseract"):
        copydesk.read(scan)


@needs_tesseract
def test_an_image_without_text_is_refused(tmp_path):
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("L", (600, 400), 255).save(blank)
    with pytest.raises(InputError, match="found no text"):
        copydesk.read(blank)
