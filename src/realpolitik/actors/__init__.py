"""The actor knowledge base (``kb``: dated states, people, organisations, regions, groups and sector agents
loaded from ``data/*.jsonl`` by ``records``, indexed by ``compile``, the bundled one cached on disk by
``cache``), the spellings of people's names across transliterations (``variants``) and the token-trie gazetteer
(``matcher``); the spaCy component that puts the gazetteer in front of NER is ``realpolitik.annotate.gazetteer``,
and resolution of mentions lives in ``realpolitik.resolve``."""
