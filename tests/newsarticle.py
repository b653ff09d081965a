"""The article of the news page built for the web readers' tests (tests/data/news-page.html)."""

from __future__ import annotations

ARTICLE = [
    "The city council voted on Tuesday to build a new bridge across the river, ending a "
    "debate that has run for more than ten years.",
    "“This is a day the whole city has waited for,” the mayor said after the vote, which "
    "passed by nine votes to four.",
    "Work is due to start in the spring and to take three years. The bridge will carry "
    "trams, bicycles and people on foot, but no cars.",
    "Opponents said the cost, put at 200 million euros, was too high for a city of its size, "
    "and promised to take the matter to court.",
]
HTML_ARTICLE = [*ARTICLE[:3], ARTICLE[3].replace("to court.", "to the regional court.")]
