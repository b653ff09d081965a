"""A page with a captioned picture, as a page image and as the hOCR of it (tests of pictures
cut from page images)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

BODY = ["The harbour board met on Tuesday to hear the engineer's report on the",
        "new breakwater, which he said would be finished before the winter storms",
        "if the quarry could keep up its deliveries of stone through the autumn.",
        "Members asked about the cost, and the chairman said it was within the",
        "estimate that the board had approved at its meeting in the spring."]
CAPTION = "The new breakwater at low tide, looking east from the pier."


def scan(path: Path, size: tuple[int, int] = (2550, 3300)) -> None:
    """A page image: a dark 'photograph' (a gradient) at 300-1300 x 400-1100 px."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for x in range(300, 1300):
        draw.line([(x, 400), (x, 1100)], fill=(x - 300) // 4)
    image.save(path, dpi=(300, 300))


def hocr_page(image_name: str) -> str:
    lines = []
    for text in [CAPTION]:
        words = "".join(f"<span class='ocrx_word' title='bbox {300 + 40 * j} {1130} "
                        f"{330 + 40 * j} {1160}'>{w}</span> " for j, w in enumerate(text.split()))
        lines.append(f"<div class='ocr_carea' title='bbox 300 1130 1300 1160'><p class='ocr_par'>"
                     f"<span class='ocr_line' title='bbox 300 1130 1300 1160; x_size 30'>{words}"
                     "</span></p></div>")
    body = "".join(f"<span class='ocr_line' title='bbox 300 {1300 + 60 * i} 2200 {1345 + 60 * i};"
                   f" x_size 42'>" + " ".join(f"<span class='ocrx_word'>{w}</span>"
                                              for w in t.split()) + "</span>"
                   for i, t in enumerate(BODY))
    return (f"<html><body><div class='ocr_page' title='image \"{image_name}\"; bbox 0 0 2550 3300;"
            " scan_res 300 300'><div class='ocr_photo' title='bbox 300 400 1300 1100'></div>"
            + "".join(lines) + f"<div class='ocr_carea' title='bbox 300 1300 2200 1600'>"
            f"<p class='ocr_par'>{body}</p></div></div></body></html>")
