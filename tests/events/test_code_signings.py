"""Documents signed in a readout, through the whole pipeline: a sentence that lists what was signed ("Other
documents signed included an agreement on ...", "Among the documents signed were memorandums on ...", "Also
signed were documents on ...") states the signing, which is SUPPORT between the readout's two sides, like "An
agreement was signed"; the date in a document's name ("the Agreement on Marine Transport of September 17, 2013")
does not date the signing years back. A signing of more than three parties is each party's with the
organisation among them or named ("signed a declaration on the establishment of the SCO"), never a web of pairs."""

from __future__ import annotations

from typing import Any

import pytest

from realpolitik.model import Article

pytestmark = pytest.mark.model

_TITLE = "Russian-Chinese talks"


def _kept(engine: Any, text: str, title: str | None = _TITLE) -> set[tuple[str, str | None, str | None]]:
    """The asserted events that enter the data set, of ``text`` as a kremlin.ru readout titled ``title``."""
    article = Article.from_text(
        text, title=title, source="kremlin.ru", url="http://en.kremlin.ru/events/president/news/1"
    )
    (analysis,) = engine.analyze_batch([article])
    return {
        (e.type, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in analysis.events
        if e.modality == "asserted"
    }


_LEAD = "Vladimir Putin held talks with President of China Xi Jinping in Moscow. "


@pytest.mark.parametrize(
    "text",
    [
        "Other documents signed included an agreement between the two countries' ministries of labour on "
        "employment.",
        "Among the documents signed were memorandums on regional cooperation in the Far East.",
        "Also signed were documents on cooperation between the Russian and Chinese Olympic committees.",
        "A protocol amending the Intergovernmental Agreement on Marine Transport of September 17, 2013 was also "
        "signed.",
    ],
)
def test_documents_listed_as_signed_in_a_readout_are_support_between_its_sides(
    nlp_engine: Any, text: str
) -> None:
    kept = _kept(nlp_engine, _LEAD + text)
    assert {("SUPPORT", "RUS", "CHN"), ("SUPPORT", "CHN", "RUS")} & kept, kept


@pytest.mark.parametrize(
    "text",
    [
        "The documents signed during the visit will help our cooperation.",
        "In 2001 the two countries signed the Treaty of Good-Neighbourliness.",
    ],
)
def test_documents_signed_in_passing_or_long_ago_stay_out(nlp_engine: Any, text: str) -> None:
    kept = _kept(nlp_engine, _LEAD + text)
    assert not any(t == "SUPPORT" for t, _, _ in kept), kept


@pytest.mark.parametrize(
    "text",
    [
        "The two presidents also witnessed the signing of intergovernmental agreements on cooperation in "
        "environmental protection.",
        "The negotiations ended with the signing of a number of documents, including an agreement on gas "
        "cooperation.",
        "The visit saw the signing of intergovernmental agreements on interregional cooperation.",
    ],
)
def test_a_signing_witnessed_or_ending_the_talks_is_support_between_the_sides(
    nlp_engine: Any, text: str
) -> None:
    kept = _kept(nlp_engine, _LEAD + text)
    assert {("SUPPORT", "RUS", "CHN"), ("SUPPORT", "CHN", "RUS")} & kept, kept


@pytest.mark.parametrize(
    "text",
    [
        "The presidents will witness the signing of a package of intergovernmental agreements.",
        "The talks are expected to result in the signing of an agreement on gas supplies.",
        "The two presidents witnessed the signing of contracts by the companies' executives.",
    ],
)
def test_a_signing_to_come_or_of_no_agreement_is_no_support(nlp_engine: Any, text: str) -> None:
    kept = _kept(nlp_engine, _LEAD + text)
    assert not any(t == "SUPPORT" for t, _, _ in kept), kept


def _asserted_pairs(engine: Any, text: str) -> set[tuple[str, str | None, str | None]]:
    return _kept(engine, text, title=None)


def test_more_than_three_states_signing_the_founding_of_an_organisation_each_support_it(
    nlp_engine: Any,
) -> None:
    text = (
        "At an expanded meeting, the heads of six states – China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and "
        "Uzbekistan – signed a declaration on the establishment of the Shanghai Cooperation Organisation."
    )
    kept = _asserted_pairs(nlp_engine, text)
    for code in ("CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"):
        assert ("SUPPORT", code, "SCO") in kept, kept
    assert not any(t == "SUPPORT" and "SCO" not in (s, g) for t, s, g in kept), kept


def test_an_organisation_signing_with_more_than_three_states_supports_each(nlp_engine: Any) -> None:
    kept = _asserted_pairs(
        nlp_engine,
        "The EAEU signed international agreements with China, Vietnam, Iran, Serbia and Singapore.",
    )
    for code in ("CHN", "VNM", "IRN", "SRB", "SGP"):
        assert ("SUPPORT", "EAEU", code) in kept, kept


def test_more_than_three_states_signing_with_no_organisation_are_no_web_of_pairs(nlp_engine: Any) -> None:
    text = "Russia, Germany, France, Italy and Spain signed a declaration on climate."
    assert not any(t == "SUPPORT" for t, _, _ in _asserted_pairs(nlp_engine, text))
