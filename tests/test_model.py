from datetime import date

from realpolitik.model import Article, Role, article_id_for, normalise_text, stable_id


def test_article_id_is_stable_hash_of_normalised_text() -> None:
    a = Article.from_text("Russia  sent\ntroops.")
    b = Article.from_text("  russia sent troops. ")
    assert a.id == b.id == article_id_for("RUSSIA SENT TROOPS.")
    assert Article.from_text("Russia sent aid.").id != a.id


def test_given_id_is_kept() -> None:
    assert Article.from_text("text", id="kremlin-123").id == "kremlin-123"


def test_normalise_text_folds_unicode_width_and_case() -> None:
    assert normalise_text("Ｋazakhstan\u00a0 SAID") == "kazakhstan said"


def test_stable_id_depends_on_every_part() -> None:
    assert stable_id("a", 1) == stable_id("a", 1)
    assert stable_id("a", 1) != stable_id("a", 2)
    assert stable_id("ab", "c") != stable_id("a", "bc")


def test_role_holds_between_start_and_end() -> None:
    role = Role("President", "KAZ", "GOV", date(1990, 4, 24), date(2019, 3, 20))
    assert role.holds_on(date(2010, 5, 1))
    assert not role.holds_on(date(2019, 3, 20))
    assert not role.holds_on(date(1989, 1, 1))
    assert not role.holds_on(None)
    assert Role("President", "KAZ", "GOV", date(2019, 3, 20)).holds_on(None)
