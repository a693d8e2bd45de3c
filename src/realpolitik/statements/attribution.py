"""Quote attributions the parse alone misses: a quote that runs straight on from its cue and listener, the short
first part of an interrupted quote, a verb that carries on speaking between the parts ("he continued"), and a
quote that is the object of a verb of offering or voicing. Used by :mod:`realpolitik.statements.extractor`."""

from __future__ import annotations

from spacy.tokens import Token

from realpolitik.ontology import cues
from realpolitik.statements.drafts import ArticleContext
from realpolitik.statements.quotes import Quote

QUOTE_ONLY_CUES = cues.words("quote_only_cues")
QUOTE_INTRO_CUES = cues.words("quote_intro_verbs")
_QUOTED_OBJECT_VERBS = cues.words("quoted_object_verbs")
_NOT_REPORTING = cues.words("not_reporting_verbs")
MIN_QUOTE_WORDS = 4  # shorter unattributed quotes are scare quotes or titles, not statements
CLOSING_STOPS = frozenset('"“”„«».!?;:—()\n')


def quoted_object(verb: Token, quote: Quote) -> bool:
    """ "offered “condolences to the families of those who lost their lives”": a verb of offering or voicing
    whose object opens the quote."""
    if verb.lemma_.lower() not in _QUOTED_OBJECT_VERBS or verb.pos_ != "VERB":
        return False
    return (
        any(c.dep_ == "dobj" and quote.start <= c.left_edge.idx and c.idx < quote.end for c in verb.children)
        and not verb.doc.text[verb.idx + len(verb) : quote.outer_start].strip()
    )


def goes_on(ctx: ArticleContext, cue: Token) -> bool:
    """ "he continued, “...”", "she went on." : a verb that carries on speaking, with nothing of its own after it
    but the next part of the quote or the end of the sentence ("continued to work" is no attribution)."""
    after = ctx.text[cue.idx + len(cue) : cue.idx + len(cue) + 4].lstrip(" ")
    if cue.lemma_.lower() == "go":
        after = after.removeprefix("on").lstrip(" ") if after.startswith("on") else "x"
    return after[:1] in ("", ",", ".", ":")


def runs_into(ctx: ArticleContext, cue: Token, quote: Quote) -> bool:
    """ "told the BBC after the verdict "My client is ..."": a quote right after the cue, its listener and
    adverbials, with no comma or colon, which the parser hung on the adverbial's noun. Not "described the
    attack as "a dastardly act"" (a characterisation), "accusing her of "not doing her job"" (a charge, not
    her words), nor a quote after a verb of its own; a verb that asks or urges only for what it asks for
    ("urged people to "comply ..."")."""
    if cue.idx > quote.outer_start or quote.outer_start - cue.idx > 80:
        return False
    between = ctx.tokens(cue.idx + len(cue), quote.outer_start)
    if between is None:
        return not ctx.text[cue.idx + len(cue) : quote.outer_start].strip()
    if cue.lemma_.lower() in _NOT_REPORTING and between[-1].lower_ != "to":
        return False
    return all(
        cue.is_ancestor(t) and t.pos_ not in ("VERB", "AUX", "PUNCT") and t.lower_ != "as" for t in between
    )


def split_first(ctx: ArticleContext, cue: Token, subj: Token, quote: Quote, quoted: bytearray) -> bool:
    """ "“Three months ago,” he said, “I entered the race ...”": the short first part of a quote the
    attribution interrupts, even with a pronoun (the second part, which the cue governs, has the same speaker),
    which would otherwise be taken for a scare quote. Only the subject and the cue between the parts, set off
    by commas."""
    if cue.idx < quote.outer_end or subj.idx < quote.outer_end or quote.words(ctx.text) >= MIN_QUOTE_WORDS:
        return False  # a longer first part is a quote of its own, attributed as any other
    inside = ctx.text[quote.outer_start : quote.outer_end].rstrip(" \"'”’»")
    gap = ctx.text[quote.outer_end : cue.idx]
    after = cue.idx + len(cue)
    rest = ctx.text[after : after + 4]
    opened = rest.lstrip(" ,")[:1]
    if not inside.endswith(",") or len(gap) > 40 or any(c in CLOSING_STOPS for c in gap):
        return False
    return (
        rest.lstrip(" ")[:1] == ","
        and opened in '“„«"'
        and bool(opened)
        and quoted[after + rest.index(opened)] == 1
    )
