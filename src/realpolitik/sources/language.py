"""Is an article English? The pipeline reads English only (its model, lexicons and cue words are English), and a
Russian or Chinese text analysed as English yields nothing while looking like a real, eventless article. Such
input is refused as ``UnsupportedLanguage`` (RP-E108) instead, until other languages are supported.

Two cheap tests on the first ``SAMPLE`` characters, with nothing to download: the script (most letters outside
the Latin alphabets: Cyrillic, Chinese, Arabic, ...), and for Latin-script text of some length, how often the
commonest English words occur (about a fifth of the words of English news; almost none in French, German or
Spanish) together with how many letters carry diacritics (about one in fifty in those languages, almost none
in English, whose tables and lists of names are also poor in common words). A ``lang`` given with the article is trusted when it names another language.
"""

from __future__ import annotations

import re
import unicodedata

from realpolitik.errors import UnsupportedLanguage
from realpolitik.model import Article

SAMPLE = 20_000
MIN_LETTERS = 40  # fewer letters than this: too little to judge (a headline, a list of names)
MIN_WORDS = 60
MIN_LATIN_SHARE = 0.5
# The commonest English words are over a fifth of the words of English news, about 1 % in other Latin-script
# languages; below this share the text is not English (names, numbers and tables included).
MIN_ENGLISH_SHARE = 0.05
# Letters with diacritics: about 1 in 50 letters of French, German or Spanish, almost none in English.
MIN_ACCENTED_SHARE = 0.003
ENGLISH_WORDS = frozenset({"the", "of", "and", "to", "in", "is", "that", "for", "on", "with"})
_WORD = re.compile(r"[^\W\d_]+")
_LATIN_END = 0x250  # Basic Latin to Latin Extended-B (IPA and later blocks are not running text)


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "unknown"


def language_problem(text: str, lang: str | None = None) -> str | None:
    """Why ``text`` cannot be read as English, or None if it can (or is too short to tell)."""
    if lang:
        primary = lang.strip().lower().replace("_", "-").split("-", 1)[0]
        if primary not in ("en", "eng", "english", ""):
            return f"lang {lang[:20]!r}: only English text is supported"
    sample = text[:SAMPLE]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    latin = sum(1 for c in letters if ord(c) < _LATIN_END)
    if latin / len(letters) < MIN_LATIN_SHARE:
        scripts: dict[str, int] = {}
        for c in letters:
            if ord(c) >= _LATIN_END:
                scripts[_script(c)] = scripts.get(_script(c), 0) + 1
        main = max(scripts, key=lambda s: scripts[s]).title()
        return f"the text is mostly in {main} script ({1 - latin / len(letters):.0%} of its letters): only English is supported"
    words = _WORD.findall(sample.lower())
    if len(words) >= MIN_WORDS:
        share = sum(1 for w in words if w in ENGLISH_WORDS) / len(words)
        accented = sum(1 for c in letters if 0x80 <= ord(c) < _LATIN_END) / len(letters)
        # English tables and lists (poll results, scores) have few of these words too, but no accents.
        if share < MIN_ENGLISH_SHARE / 4 or (share < MIN_ENGLISH_SHARE and accented >= MIN_ACCENTED_SHARE):
            return (
                f"the text does not read as English (common English words are {share:.1%} of its words, "
                f"about 20% in English): only English is supported"
            )
    return None


def check_language(article: Article) -> Article:
    """``article`` itself, or UnsupportedLanguage (RP-E108) naming why it is not English."""
    problem = language_problem(article.text, article.lang)
    if problem is not None:
        raise UnsupportedLanguage(problem, ref=article.input_ref or article.id)
    return article
