import re

from realpolitik import errors


def test_every_error_has_a_unique_stable_code() -> None:
    classes = errors.all_error_classes()
    codes = [c.code for c in classes]
    assert all(re.fullmatch(r"RP-E\d{3}", c) for c in codes)
    assert len(codes) == len(set(codes))


def test_error_tree_in_docstring_lists_every_concrete_code() -> None:
    doc = errors.__doc__ or ""
    for cls in errors.all_error_classes():
        if cls.__subclasses__() or cls is errors.RealpolitikError:
            continue
        assert cls.code in doc, cls.__name__


def test_one_line_names_code_and_input() -> None:
    exc = errors.EmptyInput("file is empty", ref="in/a.txt")
    assert exc.one_line() == "error[RP-E102] in/a.txt: file is empty"


def test_kb_error_names_file_line_and_field() -> None:
    exc = errors.KnowledgeBaseError("must be YYYY-MM-DD", file="kb.jsonl", line=3, field="start")
    assert "kb.jsonl:3" in str(exc) and "'start'" in str(exc) and exc.code == "RP-E301"
