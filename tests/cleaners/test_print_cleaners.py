"""Each print-OCR cleaner on small pages built here, set the way OCR of print reads."""

from __future__ import annotations

import pytest

import copydesk
from copydesk import (
    Article,
    Boilerplate,
    Byline,
    Caption,
    Heading,
    Paragraph,
    PullQuote,
    iter_blocks,
)


def convert(text: str, cleaners=None):
    doc = copydesk.read(text.encode(), "print-ocr")
    return copydesk.clean(doc, cleaners)


def paragraphs(doc) -> list[str]:
    return [b.text for b in iter_blocks(doc) if isinstance(b, Paragraph)]


COLUMN = """\
The council met on Tuesday to
discuss the budget for next year.
Members argued for three hours
about the cost of the new bridge.
The mayor spoke last.
When the vote came, the bridge
was approved by nine votes to
four, and work will start soon.
"""


def test_reflow_ends_paragraphs_where_the_next_word_would_have_fitted():
    assert paragraphs(convert(COLUMN, ["reflow"])) == [
        "The council met on Tuesday to discuss the budget for next year. Members argued for "
        "three hours about the cost of the new bridge. The mayor spoke last.",
        "When the vote came, the bridge was approved by nine votes to four, and work will "
        "start soon.",
    ]


def test_a_next_word_that_fits_to_the_last_character_ends_the_paragraph():
    """``In`` fits after ``destroyed.`` with no room to spare in a column 36 letters wide:
    the line ended early, so the paragraph did (it used to be joined: the column width was
    recovered from a rounded fill as 35.99)."""
    column = ("The wine cellars of the Palace were\n"
              "flooded, and then the liquor was re-\n"
              "moved to Cronstadt and destroyed.\n"
              "In this work the Cronstadt sailors,\n"
              "who had long been the pride of all,\n"
              "took the lead and kept it for days.\n")
    assert [p.split()[0] for p in paragraphs(convert(column, ["reflow"]))] == ["The", "In"]


def test_reflow_reads_a_trailing_space_convention():
    """A trailing space marks a wrapped line, also before a blank line (a column break after
    a line about as full as the others)."""
    text = ("It rained all day in the \ncity and the streets were \nempty and quiet. \n\n"
            "Crowds stayed at home \nand waited for news of \nthe river.\n"
            "Later the sun came out \nagain and people went \nback to work.\n")
    assert paragraphs(convert(text, ["reflow"])) == [
        "It rained all day in the city and the streets were empty and quiet. Crowds stayed at home "
        "and waited for news of the river.",
        "Later the sun came out again and people went back to work."]


def test_a_trailing_space_yields_to_a_next_word_that_would_have_fitted():
    """Trailing spaces mark wrapped lines here, but the last line of a paragraph keeps one
    (``day. ``): ``By`` would have fitted on it, so the paragraph ended there."""
    text = ("It rained all day in the old \ncity, and the streets by the \n"
            "river were empty all day. \nBy night the water had gone \n"
            "down and the people of the \ntown came back out of their \n"
            "houses to see what was left \nof the shops along the quay.\n"
            "The mayor said that the town \nwould rebuild what the river \n"
            "had taken, and soon.\n")
    assert [p.split()[0] for p in paragraphs(convert(text, ["reflow"]))] == ["It", "By", "The"]


def test_a_line_ending_on_an_article_is_wrapped_whatever_its_trailing_space():
    """Trailing spaces mark wrapped lines here, but one wrapped line lost its space and the
    next starts with a name: a line that ends on ``the`` ends no paragraph."""
    text = ("Many questions will suggest \nthemselves to the mind of \nthe reader.\n"
            "What kind of a government \nstructure and of what kind \nof law did the\n"
            "Bolsheviki set up, and why \ndid they disperse by force \n"
            "the assembly they had called \nfor so long?\n"
            "The answer lies in the story \nof the months that led up to \n"
            "the rising in the capital \nand in the towns of the \nprovinces.\n")
    assert [p.split()[0] for p in paragraphs(convert(text, ["reflow"]))] == ["Many", "What", "The"]


def test_a_short_last_line_before_a_blank_ends_its_paragraph_despite_its_trailing_space():
    """Trailing spaces mark wrapped lines and blank lines mostly end paragraphs. A column
    breaks after the full line ``… was foretold in books. `` (one paragraph goes on), while
    ``ries. ``, a sentence ending a fifth of the way across, keeps a trailing space but
    ends its paragraph before the blank line."""
    text = ("The coming of the messiah in \nthe town was foretold in books. \n\n"
            "Nobody in the town believed it \nor wanted to hear of it at all.\n\n"
            "The jihadists boasted of their \nhold on the town, and their \n"
            "power was crippled by their theo-\nries. \n\n"
            "Roughly, the people of the town \nbelieved that the war was \n"
            "far away and would stay so, \nwhatever the papers said \n"
            "about it on the Sunday.\n\n"
            "Then the rains came early and \nthe roads to the coast closed.\n")
    assert [p.split()[0] for p in paragraphs(convert(text, ["reflow"]))] == [
        "The", "The", "Roughly,", "Then"]


def test_dialogue_gets_a_paragraph_per_turn_where_trailing_spaces_mark_wrapped_lines():
    """The last line of a turn keeps its trailing space here, like every wrapped line: a
    quotation closing at a line end, another opening on the next line, end the paragraph."""
    text = ("Holmes turned to the lady and \nlooked at her for a long while.\n"
            "“You came in through the window \nwhile they were all looking \n"
            "away, and you had your chance.” \n“It was all-important. When \n"
            "a woman thinks that her house \nis on fire, her instinct is at \n"
            "once to rush to the thing which \nshe values most of all, and \n"
            "it is a perfectly overpowering \nimpulse.”\n")
    assert [p[:7] for p in paragraphs(convert(text, ["reflow"]))] == [
        "Holmes ", "“You ca", "“It was"]


def test_blank_lines_after_finished_sentences_end_paragraphs_where_columns_break_too():
    """Blank lines mark column breaks (three fall inside sentences, where columns happen to
    be full) and paragraph ends: far more fall after a finished sentence than column
    breaks alone would put there, so those end paragraphs, full lines or not."""
    text = ("The council met on Tuesday and\nargued about the cost of the new\n\n"
            "bridge for three hours or more.\n\nWhen the vote came, the bridge\n"
            "was approved by nine votes and\nwork will start in the spring,\n\n"
            "the mayor said as the meeting\nended late in the evening, and\n"
            "most of the members went home.\n\nOpponents said they would take\n"
            "the decision to a court and ask\n\nfor the vote to be held again.\n\n"
            "The mayor said she welcomed it.\n")
    assert [p.split()[0] for p in paragraphs(convert(text, ["reflow"]))] == [
        "The", "When", "Opponents", "The"]


def test_reflow_keeps_a_paragraph_across_a_column_break_and_splits_dialogue():
    text = ("The old man looked up and said\nnothing for a while, then he\n\nturned "
            "to the window.\n“Is it late?” he asked at last.”\n“Very late,” said the boy.\n")
    assert paragraphs(convert(text, ["reflow"])) == [
        "The old man looked up and said nothing for a while, then he turned to the window.",
        "“Is it late?” he asked at last.”", "“Very late,” said the boy."]


def test_reflow_uses_indentation():
    text = "The first paragraph ends here\nwith a full line of text.\n   Then a new one starts\nand goes on.\n"
    assert len(paragraphs(convert(text, ["reflow"]))) == 2


@pytest.mark.parametrize("text, restored", [
    (" he storm broke over the city\nat dawn and lasted all day.\n", "The storm"),
    ("T\nhe storm broke over the city\nat dawn and lasted all day.\n", "The storm"),
    (" raqi forces entered the town\nwhere Iraqi flags now fly, and\nIraqi police patrol.\n",
     "Iraqi forces"),
    # before a named day the preposition is "on" (the commoner "In" opens "In November")
    (" n November 9th the Cossacks\narrived at Gatchina, where the\ngarrison was split.\n",
     "On November"),
    (" n Tuesday, the council voted\nto close the old bridge for a\nmonth of repairs.\n",
     "On Tuesday"),
    (" n November the Cossacks came\nto Gatchina, where the garrison\nwas hopelessly split.\n",
     "In November"),
    (" n the 23rd of October the Cossacks\ncame to Gatchina, where the\ngarrison was split.\n",
     "On the 23rd"),
    # the next word weighs in: "An enormous" goes together, "In enormous" does not
    (" n enormous crowd stood outside\nthe palace gates all through the\ncold night.\n",
     "An enormous"),
])
def test_dropcap_restores_the_lost_letter(text, restored):
    doc = convert(text)
    assert paragraphs(doc)[0].startswith(restored)
    edit = next(e for e in doc.edits if e.kind == "supply")
    assert edit.plugin == "dropcap" and edit.original == "" and edit.replacement == restored[0]


def test_a_paragraph_opening_in_small_letters_is_not_corrected_as_a_misreading():
    """``herlock`` lost its drop cap S: the misreadings cleaner does not make it
    ``sherlock`` (a word in small letters that opens a paragraph is a drop cap's rest)."""
    doc = convert(" herlock Holmes glanced sharply\nacross at me with a slight shrug\n"
                  "of his shoulders and went on.\n")
    assert paragraphs(doc)[0].startswith("herlock Holmes")
    assert not [e for e in doc.edits if e.plugin == "misreadings" and e.original == "herlock"]


@pytest.mark.parametrize("text", [
    " hat was the question that\nnobody in the room could answer.\n",
    # "It" is the commoner first word, "At this" the commoner pair: too close to call
    " t this there was ironic laughter\nfrom the benches at the back of\nthe long hall.\n",
])
def test_dropcap_leaves_a_gap_it_cannot_decide(text):
    doc = convert(text)
    assert paragraphs(doc)[0].startswith(text[1:8])
    assert not [e for e in doc.edits if e.kind == "supply"]


CAPTIONED = """\
The rescue teams worked through
the night to reach the village.

Rescuers search the rubble of a house in the village on Monday.        (Reuters)

Food and water arrived by truck
in the morning, officials said.

A boy carries water near the camp.
REUTERS/Jane Doe

Doctors set up a clinic at the
school, which was undamaged.
"""


def test_captions_are_set_apart_with_their_credits():
    doc = convert(CAPTIONED)
    captions = [(b.text, b.credit) for b in iter_blocks(doc) if isinstance(b, Caption)]
    assert captions == [
        ("Rescuers search the rubble of a house in the village on Monday.", "Reuters"),
        ("A boy carries water near the camp.", "REUTERS/Jane Doe")]
    assert all("Rescuers" not in p and "REUTERS" not in p for p in paragraphs(doc))


def test_pull_quotes_are_found_verbatim_or_shortened():
    body = ("The minister said on Friday that the new railway line would open before the "
            "end of the year, whatever the weather. Engineers were less sure. Heavy rain "
            "has delayed the work on the northern section for weeks.")
    from textwrap import wrap
    lines = "\n".join(wrap(body, 34))
    text = (lines + "\n\n  The new railway line would\nopen before the end of the\nyear, "
            "the minister said.\n\nThe work goes on seven days a\nweek, with crews from "
            "three towns.\n")
    doc = convert(text)
    assert [b.text for b in iter_blocks(doc) if isinstance(b, PullQuote)] == [
        "The new railway line would open before the end of the year, the minister said."]
    assert len(paragraphs(doc)) == 2


def test_when_a_paragraph_and_its_pull_quote_are_each_a_group_the_quote_is_moved():
    """A short paragraph set between blank lines repeats its pull quote as much as the quote
    repeats it: the quote is the group set apart (narrower), the paragraph stays."""
    paragraph = ("Two comrades, meanwhile, de-\ntached the cannon and slewed\nit around until "
                 "it aimed as\nnearly as possible at our\nbacks.")
    quote = ("Two comrades,\ndetached the cannon\nand slewed it\naround until it\n"
             "aimed as nearly as\npossible at our\nbacks.")
    text = COLUMN + "\n" + paragraph + "\n\n" + COLUMN + "\n" + quote + "\n"
    doc = convert(text)
    assert [b.text for b in iter_blocks(doc) if isinstance(b, PullQuote)] == [
        " ".join(quote.split())]
    assert any(p.startswith("Two comrades, meanwhile, detached") for p in paragraphs(doc))


def test_a_wide_caption_whose_credit_stands_alone_keeps_its_short_last_line():
    """A caption set across the columns ends on a short line, its credit on a line of its
    own at the right: the caption is both lines, not the credit alone."""
    text = (COLUMN + "\nChildren sit next to rifles on the Corniche in Beirut, amid a fuel \n"
            "shortage, on February 10.\n" + " " * 34 + "(AFP)\n\n" + COLUMN)
    doc = convert(text)
    assert [(c.text, c.credit) for c in iter_blocks(doc) if isinstance(c, Caption)] == [(
        "Children sit next to rifles on the Corniche in Beirut, amid a fuel shortage, "
        "on February 10.", "AFP")]
    assert not any("Children" in p for p in paragraphs(doc))


@pytest.mark.parametrize(("lines", "joined"), [
    ("the restoration\u2014\npolishing the brass", "the restoration\u2014polishing the brass"),
    ("the restoration \u2014\npolishing the brass", "the restoration \u2014 polishing the brass"),
    ("a Boeing 737\u2013\n9 built in 2019", "a Boeing 737\u20139 built in 2019"),
    ("the site at https://\nwww.example.org today", "the site at https://www.example.org today"),
    ("see example.org/news/\nbridge for more", "see example.org/news/ bridge for more"),
    ("read www.example.org/news/\nbridge for more", "read www.example.org/news/bridge for more"),
])
def test_a_dash_set_close_or_an_address_at_a_line_end_joins_with_no_space(lines, joined):
    """A dash set close to its word goes on with no space on the next line (a spaced one
    keeps its space); so does a web address broken after a slash."""
    doc = convert(lines + " and the rest of the sentence.\n")
    assert paragraphs(doc) == [joined + " and the rest of the sentence."]


def test_no_pull_quote_without_repetition():
    doc = convert(COLUMN)
    assert not [b for b in iter_blocks(doc) if isinstance(b, PullQuote)]


def test_running_heads_and_folios_repeated_across_pages_are_boilerplate():
    page = "THE DAILY HERALD    Tuesday    Page {n}\n\n" + COLUMN + "\n{n}\n"
    text = "\f".join(page.format(n=n) for n in (1, 2))
    doc = convert(text)
    furniture = [(b.reason, b.text) for b in iter_blocks(doc) if isinstance(b, Boilerplate)]
    assert [r for r, _ in furniture] == ["running-head", "folio"] * 2
    assert all("HERALD" not in p for p in paragraphs(doc))


@pytest.mark.parametrize("head", [
    "31 | Culture | November 22, 2015 | The Evening Gazette",
    "News  38  February 12, 2015",
    "THE DAILY HERALD    Tuesday, May 3    Page 7",
    "BUSINESS       The Evening Post",  # a section and the paper: labels, one in capitals
])
def test_a_running_head_of_one_page_is_boilerplate_by_its_shape(head):
    doc = convert(head + "\n\n" + COLUMN)
    assert [(b.reason, b.text) for b in iter_blocks(doc) if isinstance(b, Boilerplate)] == [
        ("running-head", " ".join(head.split()))]


def test_a_page_of_so_many_is_a_folio():
    doc = convert(COLUMN + "\nPage 7 of 24\n")
    assert [(b.reason, b.text) for b in iter_blocks(doc) if isinstance(b, Boilerplate)] == [
        ("folio", "Page 7 of 24")]


@pytest.mark.parametrize("first", [
    "On May 3, 2015 the council met.",
    "Fire in the   OLD MILL.",  # a stop: a sentence
    "FIRE DESTROYS THE OLD MILL",  # one part: a headline
])
def test_a_first_line_with_a_date_in_it_is_no_running_head(first):
    doc = convert(first + "\n\n" + COLUMN)
    assert not [b for b in iter_blocks(doc) if isinstance(b, Boilerplate)]


def test_headline_byline_and_contributor_note_shape_the_articles():
    text = ("Bridge Approved After Long Debate\n\nBy Ann Smith\n\n" + COLUMN +
            "\nAnn Smith is a staff writer for the Herald.\n\n"
            "Storm Closes Schools\n\n" + COLUMN)
    doc = convert(text)
    articles = [b for b in doc.blocks if isinstance(b, Article)]
    assert len(articles) == 2
    first = articles[0].blocks
    assert isinstance(first[0], Heading) and first[0].text == "Bridge Approved After Long Debate"
    assert [b.text for b in first if isinstance(b, Byline)] == [
        "By Ann Smith", "Ann Smith is a staff writer for the Herald."]
    assert isinstance(articles[1].blocks[0], Heading)


@pytest.mark.parametrize("note", [
    "Ann Smith is a correspondent\nfor the Herald in Tunis.",
    "Omar Al-Marjani writes on regional\naffairs from London.",
])
def test_a_contributor_note_set_with_no_blank_line_around_it_ends_its_story(note):
    """Pages set a contributor note straight after the story's last line, and the next story
    straight after it: the note is still a byline, and the page two stories."""
    text = ("Bridge Approved After Long Debate\n\n" + COLUMN.rstrip("\n") + "\n" + note +
            "\nStorm Closes Schools\n\n" + COLUMN)
    doc = convert(text)
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Byline)] == [" ".join(note.split())]
    assert all(note.split()[1] not in p for p in paragraphs(doc))
    assert len([b for b in doc.blocks if isinstance(b, Article)]) == 2


@pytest.mark.parametrize("byline, kind", [
    ("Ann Smith | Staff Writer", "opening"),
    ("Ann Smith, Staff Writer", "opening"),
    ("Story by Ann Smith", "opening"),
    ("— Ann Smith", "closing"),
    ("—ANN SMITH", "closing"),
])
def test_bylines_of_other_shapes(byline, kind):
    """Papers sign stories in more ways than "By …" and a contributor note."""
    text = ("Bridge Approved After Long Debate\n\n" + (byline + "\n\n" if kind == "opening" else "")
            + COLUMN + ("\n" + byline + "\n" if kind == "closing" else ""))
    doc = convert(text)
    assert [b.text for b in iter_blocks(doc) if isinstance(b, Byline)] == [byline]
    assert [e.note for e in doc.edits if e.kind == "byline"] == [kind]


@pytest.mark.parametrize("line", ["— The End", "The Mayor, Senior Editor", "Paris, France"])
def test_lines_like_bylines_that_name_no_one_are_none(line):
    from copydesk.plugins.cleaners.bylines import byline_kind

    assert byline_kind(line) is None


def test_a_sentence_about_a_writer_inside_a_story_stays_in_it():
    text = ("The prize went to a novelist this\nyear. Ann Smith writes on rural\n"
            "life from a farm in Wales, and the\njudges praised her latest book.\n")
    doc = convert(text)
    assert not [b for b in iter_blocks(doc) if isinstance(b, Byline)]


def test_a_drop_cap_read_apart_from_its_word_opens_a_story():
    """``S herlock``: the OCR kept the drop cap but read it apart; joined, it still says a
    story starts there, headline or not."""
    text = (COLUMN + "\nS herlock Holmes seemed to be em-\nbarrassed by the question, and\n"
            "he turned away to the window.\n")
    doc = convert(text)
    articles = [b for b in doc.blocks if isinstance(b, Article)]
    assert len(articles) == 2
    assert next(b for b in articles[1].blocks if isinstance(b, Paragraph)).text.startswith(
        "Sherlock Holmes seemed")


def test_a_page_without_signs_is_one_article():
    doc = convert(COLUMN)
    assert [type(b) for b in doc.blocks] == [Article]


def test_every_change_is_in_the_report(tmp_path, cli):
    src = tmp_path / "page.txt"
    src.write_text(CAPTIONED)
    result = cli("convert", str(src), "-f", "print-ocr", "--report", "-t", "json")
    assert result.returncode == 0, result.stderr
    err = result.stderr.decode()
    assert ("cleaners run: boilerplate, footnotes, captions, bylines, headings, pullquotes, "
            "reflow") in err
    assert "captions     caption" in err and "(credit: Reuters)" in err


def test_reflow_never_runs_a_paragraph_on_past_a_headline_or_lone_punctuation():
    from copydesk import Document
    from copydesk.model.layout import Line
    from copydesk.plugins.cleaners.reflow import reflow

    def group(*texts):
        return Paragraph(text=" ".join(texts), lines=[Line(text=t) for t in texts])

    doc = Document(blocks=[
        group("The results are as", "follows, published on"),  # no sentence end
        Heading(text="A New Story", lines=[Line(text="A New Story")]),
        group("The man sat huddled up in", "his chair and waited.", "…"),
    ])
    got = [(type(b).__name__, b.text) for b in reflow(doc).blocks]
    assert got == [("Paragraph", "The results are as follows, published on"),
                   ("Heading", "A New Story"),
                   ("Paragraph", "The man sat huddled up in his chair and waited. …")]


def test_words_split_after_their_first_capital_are_joined():
    text = ("“Y ou are late,” said the clerk. Y es, we had come by the old road, and K erensky\n"
            "had gone before us. Plan B was to wait for Kerensky at the gate, where T cells and\n"
            "vitamin C is all the doctor spoke of.\n")
    doc = convert(text, ["reflow", "wordsplits"])
    (paragraph,) = paragraphs(doc)
    assert paragraph.startswith("“You are late,” said the clerk. Yes, we had come")
    assert "and Kerensky had gone" in paragraph
    assert "Plan B was" in paragraph and "T cells" in paragraph and "vitamin C is" in paragraph
    joins = [(e.original, e.replacement) for e in doc.edits if e.plugin == "wordsplits"]
    assert joins == [("Y ou", "You"), ("Y es", "Yes"), ("K erensky", "Kerensky")]


@pytest.mark.parametrize("start, joined", [
    ("T his was the signal", "This was the signal"),
    ("O n the corner of the square", "On the corner of the square"),
    ("A ll the guards had gone", "All the guards had gone"),
    ("U sspensky Cathedral had a shell-hole", "Usspensky Cathedral had a shell-hole"),
    ("A man came to the door", "A man came to the door"),  # A is a word: stays
    ("A machinist from the works", "A machinist from the works"),
    ("I am not sure of it", "I am not sure of it"),
])
def test_a_drop_cap_the_ocr_read_apart_is_joined_to_its_word(start, joined):
    doc = convert(start + " and the night\nwent on without a word from\nanyone at all.\n",
                  ["reflow", "wordsplits"])
    assert paragraphs(doc)[0].startswith(joined)
