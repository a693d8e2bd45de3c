"""A small world of hand-built analyses (Kazakhstan, Russia, China and the United States over two years, plus a
hostile article full of markup) for the store, API and dashboard tests, and a keyword engine standing in for
spaCy."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from realpolitik.model import (
    ActorRef,
    Analysis,
    Article,
    Event,
    Mention,
    Sentence,
    Speaker,
    Stance,
    Statement,
    stable_id,
)

__all__ = ["TestClient"]

# a small world of hand-built analyses (store, API, dashboard)
NAMES = {
    "KAZ": "Kazakhstan",
    "RUS": "Russia",
    "CHN": "China",
    "USA": "United States",
    "CSTO": "Collective Security Treaty Organization",
}
QUAD = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "COOPERATE": 2,
    "AID": 2,
    "ACCUSE": 3,
    "THREATEN": 3,
    "SANCTION": 4,
}
GOLDSTEIN = {"AGREE": 4.0, "CONSULT": 1.0, "SUPPORT": 3.4, "COOPERATE": 6.0, "AID": 7.4, "ACCUSE": -2.0}
GOLDSTEIN |= {"THREATEN": -6.0, "SANCTION": -8.0}

# (sentence, source code, source words, type, target code, target words, domain, modality)
EventSpec = tuple[str, str, str, str, str, str, str, str]


def make_analysis(
    text: str,
    events: list[EventSpec],
    *,
    title: str,
    published: date | None,
    statements: list[tuple[str, str | None, list[tuple[str, float]]]] = (),  # type: ignore[assignment]
    article_id: str | None = None,
) -> Analysis:
    """An analysis of ``text`` whose events and statements are located by their words in the text."""
    article = Article.from_text(text, id=article_id, title=title, published=published, source="test")
    aid = article.id
    sentences, at = [], 0
    for index, part in enumerate(text.split("\n")):
        sentences.append(Sentence(aid, index, at, at + len(part)))
        at += len(part) + 1
    mentions: list[Mention] = []
    out_events: list[Event] = []
    for n, (sentence, src, src_words, kind, tgt, tgt_words, domain, modality) in enumerate(events):
        start = text.index(sentence)
        end = start + len(sentence)
        refs = []
        for code, words in ((src, src_words), (tgt, tgt_words)):
            w_start = text.index(words, start, end)
            refs.append(
                ActorRef(
                    code, "GOV", NAMES.get(code, code), words, w_start, w_start + len(words), kind="state"
                )
            )
            mentions.append(
                Mention(
                    aid,
                    w_start,
                    w_start + len(words),
                    words,
                    code.lower(),
                    code,
                    "GOV",
                    NAMES.get(code, code),
                    "state",
                )
            )
        index = next(s.index for s in sentences if s.start <= start < max(s.end, s.start + 1))
        out_events.append(
            Event(
                id=stable_id("event", aid, n),
                article_id=aid,
                sentence_index=index,
                start=start,
                end=end,
                source=refs[0],
                target=refs[1],
                type=kind,
                contexts=(),
                domain=domain,
                modality=modality,
                quad_class=QUAD[kind],
                goldstein=GOLDSTEIN[kind],
                confidence=0.8,
                rule=f"test-rule: {kind.lower()}",
            )
        )
    out_statements = []
    for n, (quote, speaker_code, stances) in enumerate(statements):
        start = text.index(quote)
        out_statements.append(
            Statement(
                id=stable_id("statement", aid, n),
                article_id=aid,
                start=start,
                end=start + len(quote),
                speaker=Speaker(None, "anonymous_expert", speaker_code),
                form="direct",
                stances=tuple(Stance(code, polarity) for code, polarity in stances),
            )
        )
    return Analysis(article, tuple(sentences), tuple(mentions), tuple(out_events), tuple(out_statements))


def build_world() -> list[Analysis]:
    """Three articles: Russian security help and Chinese money for Kazakhstan, and a quarrel."""
    first = (
        "China is ready to deepen cooperation with Kazakhstan in the field of security, Wang Yi said.\n"
        "Russia sent peacekeepers to Kazakhstan under the CSTO mandate.\n"
        "China signed a gas supply deal with Kazakhstan worth billions.\n"
        "China invested in railways of Kazakhstan as part of the Belt and Road.\n"
        "Kazakhstan held talks with Russia on trade.\n"
        "If the United States threatens Kazakhstan, nothing will change.\n"
        "Experts said that China will never stop investing in the region."
    )
    second = (
        "Kazakhstan accused Russia of interfering in its elections.\n"
        "The United States imposed sanctions on Russia over the conflict.\n"
        "Russia signed a military cooperation agreement with Kazakhstan."
    )
    third = "Russia and Kazakhstan held consultations in Moscow on border security."
    return [
        make_analysis(
            first,
            [
                (
                    "China is ready to deepen cooperation with Kazakhstan in the field of security",
                    "CHN",
                    "China",
                    "AGREE",
                    "KAZ",
                    "Kazakhstan",
                    "security",
                    "asserted",
                ),
                (
                    "Russia sent peacekeepers to Kazakhstan under the CSTO mandate",
                    "RUS",
                    "Russia",
                    "AID",
                    "KAZ",
                    "Kazakhstan",
                    "security",
                    "asserted",
                ),
                (
                    "China signed a gas supply deal with Kazakhstan worth billions",
                    "CHN",
                    "China",
                    "COOPERATE",
                    "KAZ",
                    "Kazakhstan",
                    "economy",
                    "asserted",
                ),
                (
                    "China invested in railways of Kazakhstan as part of the Belt and Road",
                    "CHN",
                    "China",
                    "AID",
                    "KAZ",
                    "Kazakhstan",
                    "economy",
                    "asserted",
                ),
                (
                    "Kazakhstan held talks with Russia on trade",
                    "KAZ",
                    "Kazakhstan",
                    "CONSULT",
                    "RUS",
                    "Russia",
                    "economy",
                    "asserted",
                ),
                (
                    "If the United States threatens Kazakhstan",
                    "USA",
                    "United States",
                    "THREATEN",
                    "KAZ",
                    "Kazakhstan",
                    "security",
                    "hypothetical",
                ),
            ],
            title="Russian power or Chinese money",
            published=date(2022, 1, 10),
            statements=[("China will never stop investing in the region", None, [("CHN", 0.6)])],
        ),
        make_analysis(
            second,
            [
                (
                    "Kazakhstan accused Russia of interfering in its elections",
                    "KAZ",
                    "Kazakhstan",
                    "ACCUSE",
                    "RUS",
                    "Russia",
                    "diplomacy",
                    "asserted",
                ),
                (
                    "The United States imposed sanctions on Russia over the conflict",
                    "USA",
                    "United States",
                    "SANCTION",
                    "RUS",
                    "Russia",
                    "economy",
                    "asserted",
                ),
                (
                    "Russia signed a military cooperation agreement with Kazakhstan",
                    "RUS",
                    "Russia",
                    "SUPPORT",
                    "KAZ",
                    "Kazakhstan",
                    "security",
                    "asserted",
                ),
            ],
            title="A quarrel and a pact",
            published=date(2021, 6, 1),
        ),
        make_analysis(
            third,
            [
                (
                    "Russia and Kazakhstan held consultations in Moscow on border security",
                    "RUS",
                    "Russia",
                    "CONSULT",
                    "KAZ",
                    "Kazakhstan",
                    "security",
                    "asserted",
                )
            ],
            title="Border talks",
            published=date(2021, 3, 15),
        ),
    ]


def trade_and_loans() -> Analysis:
    """A year before the world's first article, Russia and China both trade with Kazakhstan: with it, the
    economy of Kazakhstan has a Russian and a Chinese series over two years."""
    text = "Russia signed a trade deal with Kazakhstan.\nChina opened a loan to Kazakhstan."
    return make_analysis(
        text,
        [
            ("Russia signed a trade deal with Kazakhstan", "RUS", "Russia", "COOPERATE", "KAZ", "Kazakhstan",
             "economy", "asserted"),
            ("China opened a loan to Kazakhstan", "CHN", "China", "AID", "KAZ", "Kazakhstan", "economy",
             "asserted"),
        ],
        title="Trade and loans",
        published=date(2021, 9, 1),
    )  # fmt: skip


HOSTILE_TITLE = '<script>alert("title")</script> & "quotes"'
HOSTILE_TEXT = (
    'Russia warned Kazakhstan <script>alert("xss")</script> about the "pipeline" deal.\n'
    'China praised Kazakhstan <img src=x onerror=alert(1)> for its "bold" move & more.\n'
    "An analyst said '<b onmouseover=\"alert(2)\">China</b> is a friend' of the region."
)
XSS_MARKERS = ('<script>alert("xss")</script>', "<img src=x onerror=alert(1)>", '<b onmouseover="alert(2)">')


def hostile_analysis() -> Analysis:
    """An article whose title, text, actor words, rule and statement all carry markup."""
    return make_analysis(
        HOSTILE_TEXT,
        [
            (
                'Russia warned Kazakhstan <script>alert("xss")</script> about',
                "RUS",
                "Russia",
                "THREATEN",
                "KAZ",
                "Kazakhstan",
                "security",
                "asserted",
            ),
            (
                "China praised Kazakhstan <img src=x onerror=alert(1)> for",
                "CHN",
                "China",
                "SUPPORT",
                "KAZ",
                "Kazakhstan",
                "diplomacy",
                "asserted",
            ),
        ],
        title=HOSTILE_TITLE,
        published=date(2022, 2, 1),
        statements=[('<b onmouseover="alert(2)">China</b> is a friend', None, [("CHN", 0.5)])],
        article_id="hostile-1",
    )


class KeywordEngine:
    """A stand-in for ``realpolitik.engine.Engine`` (no spaCy): every line naming two of ``NAMES`` becomes an
    event from the first named to the second, a SANCTION if the line says "sanction", else a CONSULT."""

    def __init__(self) -> None:
        self.batches = 0

    def analyze_batch(self, articles: list[Article]) -> list[Analysis]:
        self.batches += 1
        out = []
        for article in articles:
            specs: list[EventSpec] = []
            for line in article.text.split("\n"):
                found = sorted((line.find(name), code, name) for code, name in NAMES.items() if name in line)
                if len(found) >= 2 and line.strip():
                    (_, src, src_words), (_, tgt, tgt_words) = found[0], found[1]
                    kind = "SANCTION" if "sanction" in line.lower() else "CONSULT"
                    specs.append((line, src, src_words, kind, tgt, tgt_words, "diplomacy", "asserted"))
            analysis = make_analysis(
                article.text,
                specs,
                title=article.title or "",
                published=article.published,
                article_id=article.id,
            )
            out.append(analysis)
        return out
