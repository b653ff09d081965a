"""Pictures cut from page images into figures: the address a reader gives a captioned picture
(hOCR, ALTO, PAGE-XML, METS), the cut the EPUB and Markdown writers make of it, and the
images they refuse to read."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from pictured import BODY, CAPTION, hocr_page, scan
from PIL import Image

import copydesk
from copydesk import Figure, iter_blocks
from copydesk.pictures import cut, page_image


def _figure(doc: copydesk.Document) -> Figure:
    (figure,) = [b for b in iter_blocks(doc) if isinstance(b, Figure)]
    return figure


def test_a_captioned_picture_on_an_hocr_page_is_cut_into_the_epub(tmp_path, epubcheck):
    """The hOCR names its page image (as Tesseract ran, a path from elsewhere: found by its
    name beside the hOCR); the caption under the engine's picture area gets the picture."""
    scan(tmp_path / "page.png")
    source = tmp_path / "page.hocr"
    source.write_text(hocr_page("/scans/2024/page.png"), encoding="utf-8")
    doc = copydesk.clean(copydesk.read(source))
    figure = _figure(doc)
    assert figure.src == (tmp_path / "page.png").resolve().as_uri() + "#xywh=300,400,1000,700"
    assert figure.alt == CAPTION
    picture = cut(figure.src)
    assert picture is not None and picture.media_type == "image/jpeg"
    assert Image.open(io.BytesIO(picture.data)).size == (1000, 700)

    out = tmp_path / "page.epub"
    copydesk.convert(source, out)
    with zipfile.ZipFile(out) as book:
        names = book.namelist()
        chapter = next(book.read(n).decode() for n in names if n.endswith("article-001.xhtml"))
        opf = book.read(next(n for n in names if n.endswith(".opf"))).decode()
    assert "EPUB/images/figure-001.jpg" in names
    assert f'<img src="images/figure-001.jpg" alt="{CAPTION}"/>' in chapter
    assert "schema:accessMode\">visual" in opf
    assert epubcheck(out) == []


def test_the_markdown_gets_the_picture_beside_it_and_json_keeps_the_address(tmp_path):
    scan(tmp_path / "page.png")
    source = tmp_path / "page.hocr"
    source.write_text(hocr_page("page.png"), encoding="utf-8")
    md = tmp_path / "out" / "page.md"
    md.parent.mkdir()
    copydesk.convert(source, md)
    text = md.read_text(encoding="utf-8")
    assert f"![{CAPTION}](<page_images/figure-001.jpg>)" in text
    assert Image.open(tmp_path / "out" / "page_images" / "figure-001.jpg").size == (1000, 700)
    copydesk.convert(source, tmp_path / "page.json")
    model = json.loads((tmp_path / "page.json").read_text(encoding="utf-8"))
    figures = [b for b in model["blocks"] if b["type"] == "figure"]
    assert figures[0]["src"].endswith("page.png#xywh=300,400,1000,700")


def test_page_images_outside_the_inputs_folder_or_not_images_are_not_read(tmp_path):
    inside = tmp_path / "issue"
    inside.mkdir()
    scan(tmp_path / "secret.png", (40, 40))
    (inside / "notes.txt").write_text("x")
    assert page_image("../secret.png", [inside]) is None
    assert page_image(str(tmp_path / "secret.png"), [inside]) is None
    assert page_image("notes.txt", [inside]) is None
    assert page_image("/etc/passwd", [inside]) is None
    assert page_image("missing.png", [inside]) is None
    # a page whose image is not there keeps its caption, with no picture
    source = inside / "page.hocr"
    source.write_text(hocr_page("../secret.png"), encoding="utf-8")
    assert _figure(copydesk.clean(copydesk.read(source))).src is None


@pytest.mark.parametrize("data", [b"", b"not an image at all", b"\x89PNG\r\n\x1a\n" + b"\0" * 40])
def test_a_broken_page_image_gives_no_picture_and_no_error(tmp_path, data):
    broken = tmp_path / "page.png"
    broken.write_bytes(data)
    assert cut(broken.as_uri() + "#xywh=0,0,10,10") is None
    assert cut("https://example.org/page.png#xywh=0,0,10,10") is None
    assert cut(broken.as_uri()) is None


def test_an_alto_page_names_its_image_and_its_pictures_are_illustrations(tmp_path):
    scan(tmp_path / "0001.png")
    def strings(text: str, y: int, height: int = 42) -> str:
        return "<SP/>".join(f'<String CONTENT="{w}" HPOS="{300 + 70 * i}" VPOS="{y}" WIDTH="60" '
                            f'HEIGHT="{height}"/>' for i, w in enumerate(text.split()))

    body = "".join(f'<TextLine HPOS="300" VPOS="{1300 + 60 * i}" WIDTH="1900" HEIGHT="45">'
                   f"{strings(t, 1300 + 60 * i)}</TextLine>" for i, t in enumerate(BODY))
    alto = ('<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description>'
            '<MeasurementUnit>pixel</MeasurementUnit><sourceImageInformation><fileName>'
            'scans/0001.png</fileName></sourceImageInformation></Description><Layout>'
            '<Page WIDTH="2550" HEIGHT="3300"><PrintSpace>'
            '<Illustration HPOS="300" VPOS="400" WIDTH="1000" HEIGHT="700"/>'
            f'<TextBlock><TextLine HPOS="300" VPOS="1130" WIDTH="1000" HEIGHT="30">'
            f'{strings(CAPTION, 1130, 30)}</TextLine></TextBlock>'
            f'<TextBlock>{body}</TextBlock></PrintSpace></Page></Layout></alto>')
    source = tmp_path / "0001.xml"
    source.write_text(alto, encoding="utf-8")
    figure = _figure(copydesk.clean(copydesk.read(source)))
    assert figure.src is not None and figure.src.endswith("0001.png#xywh=300,400,1000,700")


def test_page_images_kept_elsewhere_are_named_with_images(tmp_path, cli):
    """An archive keeps its OCR and its images in different folders: ``--images DIR``."""
    (tmp_path / "ocr").mkdir()
    (tmp_path / "images").mkdir()
    scan(tmp_path / "images" / "page.png")
    source = tmp_path / "ocr" / "page.hocr"
    source.write_text(hocr_page("page.png"), encoding="utf-8")
    alone = cli("convert", str(source), "-t", "json")
    helped = cli("convert", str(source), "-t", "json", "--images", str(tmp_path / "images"))
    assert alone.returncode == helped.returncode == 0
    assert b"#xywh=" not in alone.stdout
    assert b"images/page.png#xywh=300,400,1000,700" in helped.stdout


def _scanned_page(path: Path) -> None:
    """A page set in type with a photograph (noise) and a caption in smaller type under it."""
    from PIL import ImageDraw, ImageFont

    image = Image.new("L", (2000, 2400), 255)
    image.paste(Image.effect_noise((1200, 800), 60).point(lambda v: v // 2 + 40), (200, 300))
    draw = ImageDraw.Draw(image)
    draw.text((200, 1130), CAPTION, font=ImageFont.load_default(size=32), fill=0)
    for i, line in enumerate(BODY):
        draw.text((200, 1300 + 70 * i), line, font=ImageFont.load_default(size=44), fill=0)
    if path.suffix == ".pdf":
        image.save(path, "PDF", resolution=300)
    else:
        image.save(path, dpi=(300, 300))


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract")
@pytest.mark.parametrize("name", ["scan.png", "scan.pdf"])
def test_a_scans_photograph_is_cut_from_the_scan_itself(tmp_path, name):
    """Tesseract finds the photograph (``ocr_photo``); the scan, or the scanned PDF's page
    rendered again, is where it is cut from."""
    source = tmp_path / name
    _scanned_page(source)
    figure = _figure(copydesk.clean(copydesk.read(source)))
    assert figure.src is not None and figure.src.startswith(source.resolve().as_uri() + "#")
    assert ("#page=1&xywh=" in figure.src) == name.endswith(".pdf")
    picture = cut(figure.src)
    assert picture is not None
    width, height = Image.open(io.BytesIO(picture.data)).size
    assert abs(width - 1200) < 30 and abs(height - 800) < 30


def test_a_born_digital_pdfs_captioned_picture_is_cut_from_its_page(tmp_path, epubcheck):
    """A picture in a PDF with a text layer, its caption under it: the figure's picture is
    the page rendered again (in colour) and cut where the picture stands."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    photo = Image.new("RGB", (400, 300), (200, 40, 40))
    path = tmp_path / "report.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica", 10)
    for i in range(20):
        pdf.drawString(72, 740 - 12 * i, "The harbour wall was finished in March after two "
                                         "winters of storms had held the work back.")
    pdf.drawImage(ImageReader(photo), 72, 220, width=288, height=216)  # 4 × 3 inches
    pdf.setFont("Helvetica", 8)
    pdf.drawString(72, 206, "Figure 1. The new harbour wall at high tide.")
    pdf.save()
    figure = _figure(copydesk.clean(copydesk.read(path)))
    assert figure.src is not None and figure.src.startswith(path.resolve().as_uri() + "#page=1&")
    picture = cut(figure.src)
    assert picture is not None
    image = Image.open(io.BytesIO(picture.data))
    assert abs(image.width - 1200) < 10 and abs(image.height - 900) < 10  # at 300 dpi
    red, green, _ = image.convert("RGB").getpixel((600, 450))
    assert red > 150 and green < 100  # the photograph, in its colour

    out = tmp_path / "report.epub"
    copydesk.convert(path, out)
    assert "EPUB/images/figure-001.jpg" in zipfile.ZipFile(out).namelist()
    assert epubcheck(out) == []


def test_a_picture_without_a_caption_is_a_picture_in_its_place(tmp_path):
    """No caption claims it: a figure of its own (its alt empty: nothing says what it shows),
    between the paragraphs over and under it; a small mark (a bullet, a logo under an inch)
    is not."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = tmp_path / "report.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 740, "The harbour wall was finished in March.")
    pdf.drawImage(ImageReader(Image.new("RGB", (400, 300), (40, 40, 200))), 72, 500,
                  width=288, height=216)
    pdf.drawImage(ImageReader(Image.new("RGB", (20, 20), (0, 0, 0))), 400, 600,
                  width=20, height=20)
    pdf.drawString(72, 470, "The mayor opened it on a windy Saturday.")
    pdf.save()
    doc = copydesk.clean(copydesk.read(path))
    kinds = [type(b).__name__ for b in iter_blocks(doc)
             if isinstance(b, copydesk.Paragraph | Figure)]
    assert kinds == ["Paragraph", "Figure", "Paragraph"]
    figure = _figure(doc)
    assert figure.alt == "" and figure.src is not None and "#page=1&xywh=300," in figure.src
