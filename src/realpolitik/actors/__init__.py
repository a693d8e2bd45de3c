"""The actor knowledge base (``kb``: dated states, people, organisations, regions, groups and sector agents
loaded from ``data/*.jsonl``), its token-trie gazetteer (``matcher``) and the spaCy component that puts it in
front of NER (``gazetteer``); resolution of mentions lives in ``realpolitik.resolve.resolver``."""
