"""The ``language`` cleaner: the document's language from its commonest words where the source
did not say, so that an EPUB of an OCR text is not ``und`` to a screen reader."""

from __future__ import annotations

import re
import zipfile

from conftest import SEEDS

import copydesk

GERMAN = ("Der Rat der Stadt hat am Dienstag beschlossen, die neue Brücke über den Fluss noch "
          "in diesem Jahr zu bauen. Die Arbeiten sollen im März beginnen, und der Bürgermeister "
          "sagte, dass die Kosten im Rahmen bleiben werden, wie es der Plan vorsieht. ") * 2


def test_an_ocr_text_gets_its_language_and_the_epub_says_it(tmp_path):
    seed = SEEDS / "000_3ffcc09e67953d68.txt"
    assert copydesk.read(seed).metadata.language is None
    assert copydesk.clean(copydesk.read(seed)).metadata.language == "en"
    out = tmp_path / "seed.epub"
    copydesk.convert(seed, out)
    with zipfile.ZipFile(out) as book:
        assert re.search(r'<package [^>]*xml:lang="en"', book.read("EPUB/content.opf").decode())


def test_another_language_is_named_and_a_given_one_is_kept():
    doc = copydesk.read(GERMAN.encode(), "text")
    assert copydesk.clean(doc).metadata.language == "de"
    given = copydesk.set_metadata(doc, {"language": "de-CH"})
    assert copydesk.clean(given).metadata.language == "de-CH"


def test_too_little_text_to_judge_names_nothing():
    doc = copydesk.read(b"Le conseil a vote mardi soir.", "text")
    assert copydesk.clean(doc).metadata.language is None
