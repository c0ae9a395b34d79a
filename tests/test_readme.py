"""The README documents every setting and every command the project has."""

import re
from pathlib import Path

import yaml

from policykg.cli.main import build_parser
from policykg.core.settings import Settings
from policykg.loaders.sidecar import Sidecar, parse_sidecar, read_sidecar

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    for name, field in Settings.model_fields.items():
        if name.startswith("neo4j_"):
            assert f"NEO4J_{name.removeprefix('neo4j_').upper()}" in README
        else:
            assert f"`POLICYKG_{name.upper()}`" in README, name
        assert field.description, name


def test_every_command_is_documented() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for command in sub.choices:  # type: ignore[union-attr]
        assert f"`policykg {command}" in README, command


def test_quick_start_is_two_commands() -> None:
    start = README.index("```sh", README.index("## Quick start")) + len("```sh")
    block = README[start: README.index("```", start)]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make run", "make test"]


def test_the_sidecar_shown_is_the_bundled_one_and_names_every_field() -> None:
    """The YAML block: its file's facts as shown, and every other field it names is one a
    sidecar takes (so the README cannot name a field the loader refuses)."""
    start = README.index("```yaml") + len("```yaml")
    block = README[start: README.index("```", start)].strip().splitlines()
    path = Path(__file__).resolve().parents[1] / block[0].removeprefix("# ").strip()
    shown = yaml.safe_load("\n".join(block))
    assert read_sidecar(path) == parse_sidecar(shown, str(path))
    also = " ".join(line.removeprefix("#") for line in block[2:])
    named = set(re.findall(r"\b([a-z]+)\b(?=[ ,:(]|$)", also.replace("also:", "")))
    assert set(Sidecar.model_fields) == named | set(shown)
