"""Every command is documented: --help works and shows an Example: (sqlite-utils' and datasette's test_docs)."""

from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner

from realpolitik.cli.main import main


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        yield path
        if isinstance(command, click.Group):
            yield from _commands(command, path)


COMMANDS = list(_commands(main))


def test_the_main_commands_exist() -> None:
    names = {" ".join(c) for c in COMMANDS}
    for expected in ("analyze", "influence", "eval", "actors lookup", "actors list", "statements", "serve"):
        assert expected in names


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_help_has_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    command = main
    for part in path:
        assert isinstance(command, click.Group)
        command = command.commands[part]
    if not isinstance(command, click.Group):
        assert "Example:" in result.output


def test_unknown_eval_set_is_a_clear_error() -> None:
    result = CliRunner().invoke(main, ["eval", "no-such-set"])
    assert result.exit_code == 2
    assert "RP-E501" in result.output and "no-such-set" in result.output
