"""The vendored browser assets are the npm packages' own files, and the wheel carries them.

``api/static/vendor/`` is committed (``make run`` and the wheel need no Node.js) and
refreshed from ``node_modules`` by ``make vendor``; this checks that each file is
byte-for-byte the one ``package-lock.json`` installs, and that nothing else is there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "api" / "static" / "vendor"
MODULES = ROOT / "node_modules"


def _manifest() -> dict[str, str]:
    files: dict[str, str] = json.loads((VENDOR / "manifest.json").read_text("utf-8"))["files"]
    return files


def test_every_vendored_file_is_listed_and_from_a_locked_package() -> None:
    files = _manifest()
    assert {p.name for p in VENDOR.iterdir()} == {*files, "manifest.json"}
    locked = json.loads((ROOT / "package-lock.json").read_text("utf-8"))["packages"]
    declared = json.loads((ROOT / "package.json").read_text("utf-8"))["dependencies"]
    for source in files.values():
        package = source.split("/")[0]
        assert package in declared and f"node_modules/{package}" in locked, source


@pytest.mark.skipif(not MODULES.is_dir(), reason="requires node_modules (npm ci)")
@pytest.mark.parametrize("name", sorted(_manifest()))
def test_vendored_file_matches_node_modules(name: str) -> None:
    source = MODULES / _manifest()[name]
    assert source.is_file(), f"{source} missing: run npm ci"
    assert (VENDOR / name).read_bytes() == source.read_bytes(), \
        f"{name} differs from {source}: run make vendor"


def test_scripts_carry_their_licence() -> None:
    for name in _manifest():
        if name.endswith(".js"):
            head = (VENDOR / name).read_text("utf-8")[:400]
            assert re.search(r"Copyright|License|license information", head), name
            assert (VENDOR / f"{name.split('.')[0]}.LICENSE.txt").exists() or \
                (VENDOR / f"{name}.LICENSE.txt").exists(), name
