"""Deduplication of incoming articles: exact copies (same normalised text) are dropped, and near-duplicates
(syndicated copies with an edited headline or added boilerplate) are kept but linked to their original through
``Article.duplicate_of``, found with MinHash LSH (datasketch) over word shingles of the normalised body.

Only originals are indexed, so ``duplicate_of`` always names an original, never a copy of a copy. Signatures
persist through the store (``Store.add_signatures`` / ``Store.signatures``), so a copy that arrives weeks after
its original is still recognised.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

from realpolitik.model import Article, article_id_for, normalise_text, replace
from realpolitik.settings import Settings

SHINGLE_WORDS = 3
# datasketch 2 hashes with a choice of schemes and wants it named when values are reloaded; pinning it keeps
# signatures stored by one run comparable with the next. Older datasketch has one (legacy) scheme.
_SCHEME: dict[str, str] = (
    {"scheme": "affine32"} if "scheme" in inspect.signature(MinHash.__init__).parameters else {}
)
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> list[bytes]:
    """Word k-grams of the normalised text (punctuation dropped), as the bytes MinHash hashes."""
    words = _WORD.findall(normalise_text(text))
    if len(words) <= k:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)]


@dataclass
class DedupeResult:
    """One batch after deduplication: what to analyze, what was dropped, and the new signatures to store."""

    keep: list[Article] = field(default_factory=list)  # originals and near-duplicates (duplicate_of set)
    exact: list[Article] = field(default_factory=list)  # exact copies of an article seen earlier: not stored
    signatures: list[tuple[str, bytes]] = field(default_factory=list)

    @property
    def near(self) -> int:
        return sum(1 for a in self.keep if a.duplicate_of)


class Deduplicator:
    """Stateful over a run: remembers every text and signature it has seen, seeded from the store's."""

    def __init__(
        self, settings: Settings | None = None, known_signatures: Iterable[tuple[str, bytes]] = ()
    ) -> None:
        settings = settings or Settings()
        self.threshold = settings.near_duplicate_threshold
        self.num_perm = settings.minhash_permutations
        # Candidates come from a looser LSH band threshold and are then checked against the real one: fewer
        # missed copies, and very strict settings (0.99) still leave LSH at least two bands.
        lsh_threshold = min(max(self.threshold - 0.1, 0.3), 0.9)
        self._lsh = MinHashLSH(threshold=lsh_threshold, num_perm=self.num_perm)
        self._minhashes: dict[str, MinHash] = {}
        self._texts: dict[str, str] = {}  # normalised-text hash -> id of the first article with that text
        self._checked: set[str] = set()  # texts checked in this run (not merely noted as stored)
        self._template = MinHash(num_perm=self.num_perm, **_SCHEME)  # permutations computed once, shared
        dtype = self._template.hashvalues.dtype
        for article_id, blob in known_signatures:
            values = np.frombuffer(blob, dtype=np.uint64)
            if len(values) == self.num_perm:  # signatures of another permutation count cannot be compared
                mh = MinHash(num_perm=self.num_perm, hashvalues=values.astype(dtype), **_SCHEME)
                self._index(article_id, mh)

    def __len__(self) -> int:
        return len(self._minhashes)

    def checked(self, article: Article) -> bool:
        """Whether an article with this text went through :meth:`check` earlier in this run."""
        return article_id_for(article.text) in self._checked

    def note_stored(self, article: Article) -> None:
        """Remember the text of an article the store already holds, so that a copy of it under another id
        is dropped as an exact duplicate rather than linked as a near one."""
        self._texts.setdefault(article_id_for(article.text), article.id)

    def first_id(self, article: Article) -> str | None:
        """The id of the first article seen with this text (in this run, or noted as stored)."""
        return self._texts.get(article_id_for(article.text))

    def forget(self, article_id: str) -> None:
        """Drop an article whose text is being replaced (``--update``): its signature and text no longer count."""
        if article_id in self._minhashes:
            del self._minhashes[article_id]
            self._lsh.remove(article_id)
        stale = [key for key, first in self._texts.items() if first == article_id]
        for key in stale:
            del self._texts[key]
            self._checked.discard(key)

    def minhash(self, text: str) -> MinHash:
        mh = MinHash(num_perm=self.num_perm, permutations=self._template.permutations, **_SCHEME)
        grams = shingles(text)
        if grams:
            mh.update_batch(grams)
        return mh

    def _index(self, article_id: str, mh: MinHash) -> None:
        if article_id not in self._minhashes:
            self._minhashes[article_id] = mh
            self._lsh.insert(article_id, mh)

    def original_of(self, article_id: str, mh: MinHash) -> str | None:
        """The indexed original most similar to ``mh`` at or above the threshold (never ``article_id``)."""
        scored = [
            (mh.jaccard(self._minhashes[c]), c)
            for c in self._lsh.query(mh)
            if c != article_id  # its own signature, stored before a crash interrupted its batch
        ]
        scored = [s for s in scored if s[0] >= self.threshold]
        if not scored:
            return None
        return min(scored, key=lambda s: (-s[0], s[1]))[1]  # most similar; ties go to the smaller id

    def check(self, article: Article) -> tuple[Article | None, tuple[str, bytes] | None]:
        """``(None, None)`` for an exact copy; else the article (``duplicate_of`` set for a near-duplicate)
        and, for an original, the signature to persist (hash values as little-endian uint64 bytes)."""
        text_key = article_id_for(article.text)
        if text_key in self._texts:
            return None, None  # the same text (under any id) was seen earlier in this run or is stored
        self._texts[text_key] = article.id
        self._checked.add(text_key)
        mh = self.minhash(article.text)
        original = self.original_of(article.id, mh)
        if original is not None:
            return replace(article, duplicate_of=original), None
        if article.id in self._minhashes:
            return article, None
        self._index(article.id, mh)
        return article, (article.id, mh.hashvalues.astype(np.uint64).tobytes())

    def dedupe(self, articles: Sequence[Article]) -> DedupeResult:
        result = DedupeResult()
        for article in articles:
            kept, signature = self.check(article)
            if kept is None:
                result.exact.append(article)
                continue
            result.keep.append(kept)
            if signature is not None:
                result.signatures.append(signature)
        return result
