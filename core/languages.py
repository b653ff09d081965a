"""Which language a text is written in, from its commonest words.

A text's function words give its language away (the classic stop-word method): each
language below is listed with its thirty commonest words of two letters or more (wordfreq's
``top_n_list``, 3.1), and the language whose words make up the largest share of the text's
tokens is its language, when that share is clear (``CLEAR``) and there are enough tokens to
judge (``ENOUGH``). Tokens are NFKC-folded and case-folded first, so black letter's long s
(``iſt``) reads as ``ist``. Good enough to keep an English-only cleaner off German or
French text; not a general language identifier.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

from copydesk import lazyre

COMMON = {
    "en": "the to and of in is for that you it on with this was be as are have at he not by but "
          "from my or we an your all",
    "de": "die der und in das ich ist nicht zu den von mit es ein auf für im sie eine sich auch "
          "dem des als er an dass so bei wie",
    "fr": "de la le et les est en des un que pas une du il pour dans je qui au ce sur qu par on "
          "ne plus avec mais se vous",
    "nl": "de van het een en in is op ik dat voor je te met niet zijn die als er maar om aan hij "
          "ook ze door naar uit bij dan",
    "es": "de la que el en los no un se por es del las con una para lo su al como me más si pero "
          "te mi le este sus esta",
    "it": "di che il la in non un per del una le si con della da sono ma al ha come più dei se "
          "nel mi alla anche lo gli delle",
    "pt": "de que do em da para não um uma com no se na por os eu como as mais dos mas foi ao me "
          "você ser seu sua tem são",
    "sv": "är det att och jag på en inte som för med har av om du så till den de ett kan vi men "
          "man var ska när nu vad från",
    "da": "og er af det at en til på jeg har for ikke med den der de du kan som så et var vi om "
          "han fra men skal ved vil",
    "fi": "ja on ei että se oli mutta ole kun niin myös hän jos ovat voi nyt sen kuin tai en "
          "joka olla sitä mitä vain jo kanssa tämä sitten kaikki",
    "pl": "nie na się to do jest że jak ale co tak za od po dla tym czy przez tego są ma tylko "
          "już mi mnie ze może bo ja ten",
    "cs": "se na je to že si do jsem ale tak pro ve za co jako jak po by už od jsou mi když mě "
          "jen nebo byl bude já má",
}
WORDS = {language: frozenset(words.split()) for language, words in COMMON.items()}
ENOUGH = 20  # tokens among the languages' common words before a language is named
CLEAR = 1.5  # the best language's share must be this many times the next one's
TOKEN = lazyre.compile(r"[^\W\d_]+")


def tokens(texts: Iterable[str]) -> Counter[str]:
    """The word tokens of some texts, NFKC- and case-folded, counted."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(TOKEN.findall(unicodedata.normalize("NFKC", text).casefold()))
    return counts


def folded(counts: Counter[str]) -> Counter[str]:
    """Counts of word forms (a cleaner's own) NFKC- and case-folded as :func:`tokens` does."""
    out: Counter[str] = Counter()
    for form, n in counts.items():
        out[unicodedata.normalize("NFKC", form).casefold()] += n
    return out


def language_of(counts: Counter[str]) -> str | None:
    """The language of a text given its tokens' counts (:func:`tokens`), or None where its
    common words are too few or too evenly shared to say."""
    hits = {language: sum(counts[w] for w in words) for language, words in WORDS.items()}
    ranked = sorted(hits.items(), key=lambda item: item[1], reverse=True)
    (best, first), (_, second) = ranked[0], ranked[1]
    if first < ENOUGH or first < CLEAR * second:
        return None
    return best
