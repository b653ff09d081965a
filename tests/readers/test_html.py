"""The html reader on a news page built like real ones, and the same page copied as text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from newsarticle import HTML_ARTICLE as ARTICLE

import copydesk
from copydesk import BlockQuote, Caption, Figure, Heading, List, Paragraph, Table, iter_blocks

PAGE = Path(__file__).resolve().parent.parent / "data" / "news-page.html"


@pytest.fixture(scope="module")
def doc():
    return copydesk.clean(copydesk.read(PAGE))


def body(doc) -> list[str]:
    return [b.text for b in doc.blocks[0].blocks if isinstance(b, Paragraph)]


def news_page(title: str, article: str) -> bytes:
    """A web page in English whose article is ``article`` (HTML)."""
    return (f'<html lang="en"><head><title>{title}</title></head><body><article>{article}'
            f"</article></body></html>").encode()


def test_the_article_comes_without_the_page_around_it(doc):
    assert doc.kind == "html"
    assert body(doc) == ARTICLE
    everything = " ".join(getattr(b, "text", "") for b in iter_blocks(doc))
    for furniture in ("cookies", "Advertisement", "Sport", "Related stories", "Great news",
                      "All rights reserved", "Share on Facebook"):
        assert furniture not in everything


def test_metadata_from_the_page(doc):
    meta = doc.metadata
    assert meta.title == "City Votes to Build New River Bridge"
    assert meta.site_name == "The Riverside Gazette"
    assert meta.authors == ["Jane Doe"] and meta.date == "2024-03-05"
    assert meta.url == "https://gazette.example/news/2024/bridge-vote"


def test_structure_and_inline_marks_are_kept(doc):
    blocks = list(iter_blocks(doc))
    assert [b.text for b in blocks if isinstance(b, Heading)] == [
        "City Votes to Build New River Bridge", "Three years of work"]
    quote = next(b for b in blocks if isinstance(b, BlockQuote))
    assert quote.blocks[0].text.startswith("We will take this to court")
    items = next(b for b in blocks if isinstance(b, List))
    assert [p.text.split(":")[0] for p in items.blocks] == ["Length", "Cost"]
    second = next(b for b in blocks if isinstance(b, Paragraph) and b.text.startswith("“This"))
    em = next(m for m in second.marks if m.kind == "emphasis")
    assert second.text[em.start : em.end] == "nine votes to four"
    last = next(b for b in blocks if isinstance(b, Paragraph) and b.text.startswith("Opponents"))
    link = next(m for m in last.marks if m.kind == "link")
    assert last.text[link.start : link.end] == "regional court"
    assert link.target == "https://court.example"


def test_the_figure_caption_is_kept_with_its_credit_and_teasers_are_not(doc):
    figures = [b for b in iter_blocks(doc) if isinstance(b, Figure)]
    captions = [(c.text, c.credit) for f in figures for c in f.blocks if isinstance(c, Caption)]
    assert captions == [("The old ferry crossing at dawn, which the bridge will replace.",
                         "REUTERS/John Roe")]
    assert figures[0].src == "https://gazette.example/img/ferry.jpg"


def test_the_same_article_copied_as_text_gives_the_same_paragraphs(doc):
    copied = "\n".join([
        "City Votes to Build New River Bridge | The Riverside Gazette", "News", "Sport",
        "Culture", "Search", "By Jane Doe", "Share on Facebook", "Tweet", "Email",
        "Photo caption:",
        "The old ferry crossing at dawn, which the bridge will replace. REUTERS/John Roe",
        ARTICLE[0], ARTICLE[1], "Three years of work", ARTICLE[2],
        "We will take this to court if we have to, because the people of this city deserve "
        "better.",
        ARTICLE[3], "Related stories", "Trams return to the old town",
    ])
    text_doc = copydesk.clean(copydesk.read(copied.encode()))
    paragraphs = [b.text for b in iter_blocks(text_doc) if isinstance(b, Paragraph)]
    assert [p for p in paragraphs if p in ARTICLE] == ARTICLE
    assert text_doc.metadata.title == doc.metadata.title
    assert text_doc.metadata.site_name == doc.metadata.site_name


def test_a_page_with_no_article_is_a_clear_error(tmp_path, cli):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    result = cli("convert", str(page))
    assert result.returncode == 1
    assert result.stderr.decode() == f"copydesk: {page}: no article text found in this page\n"


def test_entities_are_not_expanded_from_outside(tmp_path):
    page = tmp_path / "xxe.html"
    page.write_text('<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>'
                    "<article><p>" + "Plain words of an article go here. " * 8 + "&x;</p>"
                    "</article></body></html>")
    doc = copydesk.read(page)
    assert "root:" not in " ".join(b.text for b in iter_blocks(doc) if isinstance(b, Paragraph))


@pytest.mark.parametrize(("head", "language"), [
    ('<html lang="en-us">', "en-US"), ("<html class=x lang=de>", "de"),
    ('<html><head><meta property="og:locale" content="fr_FR">', "fr-FR"),
    ('<html><head><meta http-equiv="Content-Language" content="pt-br">', "pt-BR"),
    ("<html><head>", None),
])
def test_the_pages_declared_language_is_taken(head, language):
    from copydesk.plugins.readers.html import page_language

    assert page_language(head) == language


def test_an_epub_of_a_web_page_names_its_language(tmp_path):
    out = tmp_path / "page.epub"
    copydesk.convert(Path(__file__).resolve().parents[1] / "data" / "news-page.html", out)
    opf = zipfile.ZipFile(out).read("EPUB/content.opf").decode()
    assert "<dc:language>en</dc:language>" in opf


def test_a_credit_in_square_brackets_is_split_from_its_caption():
    text = " ".join(["The launch went ahead on Tuesday morning after two days of delays "
                     "caused by high winds over the coast."] * 3)
    page = news_page("Launch", f"<h1>Rocket launches at last</h1><p>{text}</p><figure>"
                     f'<img src="https://example.org/rocket.jpg" alt=""><figcaption>The '
                     f"rocket lifts off from Cape Canaveral. [SpaceX via NASA]</figcaption>"
                     f"</figure><p>{text}</p>")
    doc = copydesk.clean(copydesk.read(page, "html"))
    (caption,) = [b for b in iter_blocks(doc) if isinstance(b, Caption)]
    assert (caption.text, caption.credit) == ("The rocket lifts off from Cape Canaveral.",
                                              "SpaceX via NASA")


def test_interface_strings_are_not_article_text():
    text = " ".join(["The council met on Tuesday and agreed to build the new harbour wall "
                     "before the winter storms arrive on the coast."] * 3)
    page = news_page("Wall", f"<h1>Harbour wall approved</h1><p>{text}</p><p>… more</p>"
                     f"<p>{text}</p><p>less</p><h2>More:</h2><p>{text}</p>")
    doc = copydesk.clean(copydesk.read(page, "html"))
    kept = [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph | Heading)]
    assert not {"… more", "less", "More:"} & set(kept)
    assert kept.count(text) == 3
    furniture = {b.text: b.reason for b in iter_blocks(doc) if isinstance(b, copydesk.Boilerplate)}
    assert furniture.get("less") == "interface"


@pytest.mark.parametrize("title", ["Harbour wall approved before winter | Coast Times",
                                   "Harbour wall approved before winter – Coast Times",
                                   "Coast Times: Harbour wall approved before winter"])
def test_the_site_name_is_not_part_of_the_title(title):
    """A page without a headline of its own takes its title from ``<title>``, where sites
    add their name: the name is the site's (metadata), not the story's heading."""
    text = " ".join(["The council met on Tuesday and agreed to build the new harbour wall "
                     "before the winter storms arrive on the coast."] * 3)
    page = (f'<html lang="en"><head><title>{title}</title>'
            f'<meta property="og:site_name" content="Coast Times"></head><body><article>'
            f"<p>{text}</p><p>{text}</p></article></body></html>")
    doc = copydesk.read(page.encode(), "html")
    assert doc.metadata.title == "Harbour wall approved before winter"
    assert doc.metadata.site_name == "Coast Times"
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Heading)] == [doc.metadata.title]


def test_a_list_of_links_only_is_furniture_and_a_list_with_links_in_it_is_not():
    """Related stories come as a list of headlines, each a link and nothing else: that list
    is furniture (``links``); a list whose items say more than their link stays."""
    sentences = [f"The council met on day {n} and agreed to build part {n} of the new harbour "
                 f"wall before the winter storms arrive on the coast." for n in range(12)]
    body = "".join(f"<p>{' '.join(sentences[n:n + 3])}</p>" for n in range(0, 12, 3))
    related = "".join(f'<li><a href="https://news.example/s/{n}"><u>{title}</u></a></li>'
                      for n, title in enumerate(["15 Amazing Images of Harbour Walls",
                                                 "11 Fascinating Facts About Winter Storms",
                                                 "The Biggest Questions About Sea Levels"]))
    kept = "".join(f'<li>See <a href="/r/{n}">the report</a> on part {n} of the plan, which '
                   f"the engineers wrote</li>" for n in range(3))
    page = news_page("Wall", f"<h1>Harbour wall approved</h1>{body}<ul>{kept}</ul>"
                     f"{body.replace('day', 'week')}<ul>{related}</ul><p><em>Originally "
                     f'published on</em> <a href="https://news.example">News</a>.</p>')
    doc = copydesk.read(page, "html")
    furniture = [(b.reason, b.text) for b in iter_blocks(doc) if isinstance(b, copydesk.Boilerplate)]
    assert [r for r, _ in furniture] == ["links"] * 3
    assert furniture[0][1] == "15 Amazing Images of Harbour Walls"
    lists = [b for b in iter_blocks(doc) if isinstance(b, List)]
    assert len(lists) == 1 and len(lists[0].blocks) == 3


def test_mojibake_is_mended_in_the_article():
    """A page whose text went through the wrong encoding once (``donâ€™t``): the article's
    text, title and captions come out mended (only the extracted article is mended, not the
    whole page: that took most of a conversion's time)."""
    text = ("The council said it wouldnâ€™t build the harbour wall before the winter storms "
            "arrive on the coast, and the mayor didnâ€™t say when it would. ") * 3
    page = (f'<html lang="en"><head><title>Council wonâ€™t build the wall</title></head><body>'
            f"<article><h1>Council wonâ€™t build the wall</h1><p>{text}</p><p>{text}</p>"
            f"</article></body></html>")
    doc = copydesk.read(page.encode(), "html")
    body_text = " ".join(b.text for b in iter_blocks(doc) if isinstance(b, Paragraph | Heading))
    assert "â€" not in body_text and "wouldn’t" in body_text
    assert doc.metadata.title == "Council won’t build the wall"


def test_a_table_in_the_article_is_a_table_with_its_heading_row():
    text = " ".join(["The council published what each street's repairs will cost, and the "
                     "work starts in the spring once the frost is out of the ground."] * 3)
    page = news_page("Roads", f"<h1>Road repairs priced</h1><p>{text}</p><table><tr>"
                     f"<th>Street</th><th>Cost</th></tr><tr><td>Oak <b>Street</b></td>"
                     f"<td>$4,100</td></tr><tr><td>Elm Road</td><td>$2,950</td></tr></table>"
                     f"<p>{text}</p>")
    doc = copydesk.clean(copydesk.read(page, "html"))
    (table,) = [b for b in iter_blocks(doc) if isinstance(b, copydesk.Table)]
    rows = [r for r in table.blocks if isinstance(r, copydesk.Row)]
    assert [[c.text for c in r.blocks] for r in rows] == [
        ["Street", "Cost"], ["Oak Street", "$4,100"], ["Elm Road", "$2,950"]]
    assert [r.header for r in rows] == [True, False, False]
    assert not any("$4,100" in b.text for b in iter_blocks(doc) if isinstance(b, Paragraph))


def test_a_picture_named_relative_to_the_page_is_one_figure_with_its_address_resolved():
    """The page names its picture relative to itself (``/img/ferry.jpg``): the figure the
    article extraction keeps and the page's captioned figure are one, at the picture's full
    address (it was relative, of no use outside the site)."""
    page = PAGE.read_text(encoding="utf-8").replace(
        '<img src="https://gazette.example/img/ferry.jpg"', '<img src="/img/ferry.jpg"')
    doc = copydesk.clean(copydesk.read(page.encode(), "html"))
    figures = [b for b in iter_blocks(doc) if isinstance(b, Figure)]
    assert [f.src for f in figures] == ["https://gazette.example/img/ferry.jpg"]
    assert figures[0].blocks[0].text.startswith("The old ferry crossing at dawn")


@pytest.mark.parametrize("with_metadata", [True, False])
def test_the_article_extraction_is_trafilaturas_own_but_for_its_fingerprint(with_metadata):
    """The reader runs trafilatura's extraction steps itself, to leave out the content
    fingerprint nothing here reads; the XML is what ``trafilatura.extract`` gives."""
    import re

    import trafilatura
    from trafilatura.utils import load_html

    from copydesk.plugins.readers.html import article_xml

    html = PAGE.read_text(encoding="utf-8")
    url = "https://gazette.example/news/2024/bridge-vote"
    ours = article_xml(load_html(html), url, with_metadata)
    theirs = trafilatura.extract(
        load_html(html), url=url, output_format="xml", include_images=True,
        include_formatting=True, include_links=True, include_tables=True,
        include_comments=False, with_metadata=with_metadata)
    assert ours and "bridge" in ours
    assert ours == re.sub(r' fingerprint="[^"]*"', "", theirs)


@pytest.mark.parametrize("caption, text, credit", [
    # a credit in brackets or parentheses after a caption that ends without a stop: a photo
    # agency's name, or one passed on "via" another
    ("The Falcon 9 rocket lifts off [SpaceX via Nasa]", "The Falcon 9 rocket lifts off",
     "SpaceX via Nasa"),
    ("A boy carries water (Reuters)", "A boy carries water", "Reuters"),
    ("Protesters in Cairo [File: Amr Nabil/AP]", "Protesters in Cairo", "Amr Nabil/AP"),
    ("Smoke rises over the city. AP Photo/Hussein Malla", "Smoke rises over the city.",
     "AP Photo/Hussein Malla"),
    # names in brackets that credit no picture stay in the caption
    ("Members of the Security Council (UN)", "Members of the Security Council (UN)", None),
    ("§ 39.13 [Amended]", "§ 39.13 [Amended]", None),
    ("Leaders meet at the summit [File]", "Leaders meet at the summit [File]", None),
    # an old picture, marked so after its credit
    ("A man loads trims into his truck. (AP Photo/Alan Diaz, File)",
     "A man loads trims into his truck.", "AP Photo/Alan Diaz"),
])
def test_a_caption_s_credit_is_split_off_where_it_names_a_source(caption, text, credit):
    from copydesk.credits import split_credit

    assert split_credit(caption) == (text, credit)


def test_a_caption_the_article_repeats_with_its_credit_is_said_once():
    """A gallery's captions that the extraction also gives as list items, credit and all
    ("… galley. Credit: ESA"), stay the figures' captions, not text of the article too."""
    text = " ".join(["The agency showed how a crew could sleep through most of the long "
                     "cruise to Mars in a module of private quarters."] * 3)
    caption = "Functional areas of the module: crew quarters, exercise, hygiene and galley."
    page = news_page("Mars", f"<h1>Sleeping to Mars</h1><p>{text}</p><figure>"
                     f'<img src="https://example.org/module.jpg" alt=""><figcaption>{caption}'
                     f" Credit: ESA</figcaption></figure><p>{text}</p>"
                     f"<ul><li>{caption} Credit: ESA</li></ul><p>{text}</p>")
    doc = copydesk.clean(copydesk.read(page, "html"))
    assert [(b.text, b.credit) for b in iter_blocks(doc) if isinstance(b, Caption)] == [
        (caption, "ESA")]
    assert not [b for b in iter_blocks(doc) if isinstance(b, Paragraph) and "galley" in b.text]


def test_a_paragraph_ending_in_a_pictures_credit_is_a_caption_not_article_text():
    """A gallery's caption set in a ``div class="caption"`` (no ``<figure>``), which the
    extraction gives as a paragraph, is a caption by its credit ("(AP Photo/…, File)");
    a paragraph of a wire story closed by its agency's name ("(AFP)") stays text."""
    text = " ".join(["Sales at the chain fell short of what analysts had expected, and its "
                     "shares dropped sharply in early trading on Tuesday."] * 3)
    caption = "A man loads garage door trims into his pickup truck outside a store in Hialeah, Fla."
    wire = "The company said it would cut its forecast for the year. (AFP)"
    page = news_page("Sales", f"<h1>Sales miss</h1><p>{text}</p><div class='caption'><p>{caption} "
                     f"(AP Photo/Alan Diaz, File)</p></div><p>{text}</p><p>{wire}</p>")
    doc = copydesk.clean(copydesk.read(page, "html"))
    assert [(b.text, b.credit) for b in iter_blocks(doc) if isinstance(b, Caption)] == [
        (caption, "AP Photo/Alan Diaz")]
    paragraphs = [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)]
    assert wire in paragraphs and not [p for p in paragraphs if "Hialeah" in p]


def test_a_link_in_capitals_set_as_a_paragraph_is_no_article_text():
    """Links to other stories and promotions set into the article as paragraphs of their
    own, in capitals, are furniture; a link in ordinary type, or a short one, stays."""
    from copydesk.plugins.readers.html import promotion

    texts = [" ".join([f"The dancer said the show had helped her through year {n}, and that "
                       "she would go on touring in the spring with the rest of the cast."] * 2)
             for n in range(4)]
    page = news_page("Show", f"<h1>The show</h1><p>{texts[0]}</p>"
                     "<p><strong><a href='https://example.org/v/1'>SEAN SPICER ELIMINATED FROM "
                     f"'DANCING WITH THE STARS'</a></strong></p><p>{texts[1]}</p>"
                     "<p>Read <a href='https://example.org/m'>the dancer's own account of the tour "
                     f"and of the year</a></p><p>{texts[2]}</p>"
                     "<p><a href='https://example.org/app'>CLICK HERE TO GET THE APP</a></p>"
                     f"<p>{texts[3]}</p>")
    doc = copydesk.clean(copydesk.read(page, "html"))
    paragraphs = [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)]
    assert not [p for p in paragraphs if "SPICER" in p or "CLICK HERE" in p]
    assert [p for p in paragraphs if "own account" in p]
    assert len([p for p in paragraphs if "The dancer said" in p]) == 4
    doi = copydesk.read(news_page("Paper", "<p><a href='https://doi.org/10.1007/1'>DOI: "
                                  "10.1007/1</a></p>"), "html")
    assert not promotion(next(b for b in iter_blocks(doi) if isinstance(b, Paragraph)))


def test_a_caption_the_extraction_cut_into_pieces_at_its_italics_is_taken_out_whole():
    """A caption with film titles in italics comes out of the extraction as paragraphs cut at
    them ("Alien" / "(pictured) and" / "2001: A Space Odyssey, …"): together they repeat the
    figure's caption and credit, so all go; a paragraph that only starts the same stays."""
    from copydesk.plugins.readers.html import PageFigure, _without_captions

    caption = ("Once the preserve of science fiction, through films such as Alien (pictured) and "
               "2001: A Space Odyssey, hibernation may one day enable deep space travel.")
    figure = PageFigure(src=None, alt=None, caption=caption, credit="20th Century Fox",
                        before="", after="")
    pieces = ["Once the preserve of science fiction, through films such as", "Alien(pictured) and",
              "2001: A Space Odyssey, hibernation may one day enable deep space travel. "
              "Credit: 20th Century Fox"]
    text = "Once the preserve of science fiction, hibernation is now studied by the agency."
    blocks = [Paragraph(text=t) for t in [text, *pieces, text]]
    assert [b.text for b in _without_captions(blocks, [figure])] == [text, text]


def test_a_list_of_captions_each_with_its_pictures_credit_is_a_gallery():
    """A gallery the extraction gives as a list, every item a caption with its credit, is a
    run of figures; a list with one item that is no caption stays a list."""
    from copydesk.plugins.readers.html import _credited_captions

    captions = [f"A long row of unsold trucks sits at dealership {n} in Littleton, Colo. "
                "(AP Photo/David Zalubowski)" for n in range(3)]
    gallery = List(blocks=[Paragraph(text=c) for c in captions])
    mixed = List(blocks=[Paragraph(text=captions[0]), Paragraph(text="Sales fell ten percent.")])
    out = _credited_captions([gallery, mixed])
    assert [(b.blocks[0].text, b.blocks[0].credit) for b in out[:3]] == [
        (c.split(" (AP")[0], "AP Photo/David Zalubowski") for c in captions]
    assert out[3] is mixed and len(out) == 4


def test_a_table_of_one_row_is_layout_and_its_cells_are_paragraphs():
    """A page that sets a quotation or a sidebar in a table of one row uses the table for
    layout: its cells are read as paragraphs; a table of several rows keeps its cells."""
    text = " ".join(["The agency said the rocket's core stage would be tested at the centre "
                     "in the spring before it is shipped to the launch site."] * 3)
    quote = "“If NASA focuses on the important work, it will get there,” the administrator said."
    page = news_page("Rocket", f"<h1>The rocket</h1><p>{text}</p><table><tr><td>{quote}</td></tr>"
                     f"</table><p>{text}</p><table><tr><th>Stage</th><th>Thrust</th></tr>"
                     "<tr><td>Core</td><td>2,000 kN</td></tr><tr><td>Upper</td><td>110 kN</td></tr>"
                     f"</table><p>{text}</p>")
    doc = copydesk.clean(copydesk.read(page, "html"))
    assert quote in [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)]
    tables = [b for b in iter_blocks(doc) if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].blocks) == 3
