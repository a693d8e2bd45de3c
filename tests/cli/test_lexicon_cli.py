"""``--lexicon FILE``: a political scientist adds a verb pattern and a rewrite in YAML, without Python, and the
real command codes with them; a mistake in the file is one line naming file, line and field (RP-E301)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

USER_LEXICON = """\
# A new verb pattern: "debar" is a sanction (CAMEO 163, embargo, boycott or sanction).
entries:
  - type: SANCTION
    verbs: [debar]
    cameo: "163"
    example: "The United States debarred Iran's central bank."

# A new rewrite: a sanction that would be imposed (a hypothetical one) is a threat of sanctions, now.
rewrites:
  - name: threat-of-sanctions
    when: {type: SANCTION, modality: hypothetical}
    then: {type: THREATEN, cameo: "1312", modality: asserted, cue: null, rule: "threat-of-sanctions: {act}"}
    stop: true
    example: "The United States would debar Iran if it enriched uranium."
    expect: THREATEN
"""

TEXT = (
    "The United States debarred Iran's central bank on Monday.\n\n"
    "The United States would debar Iran if it enriched uranium."
)


def _analyze(tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "realpolitik", "analyze", str(article), "--json", "--no-store", *options],
        capture_output=True,
        text=True,
    )


def _events(done: subprocess.CompletedProcess[str]) -> set[tuple[str, str | None, str | None, str, str]]:
    assert done.returncode == 0, done.stderr
    (article,) = [json.loads(line) for line in done.stdout.splitlines()]
    return {
        (
            e["type"],
            e["source"] and e["source"]["code"],
            e["target"] and e["target"]["code"],
            e["modality"],
            e["rule"].split(" (")[0],
        )
        for e in article["events"]
    }


def test_a_user_lexicon_adds_a_verb_pattern_and_a_rewrite(tmp_path: Path) -> None:
    assert not any(e[0] in ("SANCTION", "THREATEN") for e in _events(_analyze(tmp_path)))
    lexicon = tmp_path / "sanctions.yaml"
    lexicon.write_text(USER_LEXICON, encoding="utf-8")
    events = _events(_analyze(tmp_path, "--lexicon", str(lexicon)))
    assert ("SANCTION", "USA", "IRN", "asserted", "sanction: debar") in events
    assert ("THREATEN", "USA", "IRN", "asserted", "threat-of-sanctions: debar") in events


@pytest.mark.parametrize(
    ("mistake", "where"),
    [
        (USER_LEXICON.replace('cameo: "163"', 'cameo: "999"'), "sanctions.yaml:5: field 'cameo'"),
        (USER_LEXICON.replace("type: SANCTION\n", "type: SANCTIONS\n"), "sanctions.yaml:3: field 'type'"),
        (
            USER_LEXICON.replace("modality: hypothetical}", "mood: hypothetical}"),
            "sanctions.yaml:11: field 'when'",
        ),
        (
            USER_LEXICON.replace('    example: "The United States would', '    sample: "The'),
            "sanctions.yaml:10: ",
        ),
    ],
)
def test_a_mistake_in_a_user_lexicon_names_file_line_and_field(
    tmp_path: Path, mistake: str, where: str
) -> None:
    lexicon = tmp_path / "sanctions.yaml"
    lexicon.write_text(mistake, encoding="utf-8")
    done = _analyze(tmp_path, "--lexicon", str(lexicon))
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("error[RP-E301] ") and where in line, line
