"""Resolution: a parsed article's gazetteer hits, NER spans and referring expressions become Mentions of
knowledge-base actors, as of the article's date (``resolver``), placed by their sentence and linked within the
article (``referents``)."""

from realpolitik.resolve.resolver import Resolver

__all__ = ["Resolver"]
