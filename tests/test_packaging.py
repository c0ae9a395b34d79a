"""The wheel, built from exactly what the Dockerfile copies: one namespace, data included.

The Dockerfile's first stage copies a list of paths and builds the wheel from them;
this test copies the same paths (symlinks kept, as Docker keeps them) into an empty
folder and builds the wheel there, so a path the package needs but the image lacks
fails here.  The wheel is then unpacked into a folder of its own and imported from
there, outside the checkout.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COPY = re.compile(r"^COPY\s+(?!--)(?P<sources>.+?)\s+(?P<dest>\S+)\s*$")


def docker_context() -> list[str]:
    """The paths the Dockerfile's wheel stage copies from the build context."""
    paths: list[str] = []
    for line in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines():
        if line.startswith("FROM") and paths:
            break  # the second stage copies from the first, not from the context
        m = COPY.match(line)
        if m:
            paths += m["sources"].split()
    return paths


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    context = tmp_path_factory.mktemp("context")
    for name in docker_context():
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, context / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, context / name)
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "--no-build-isolation", "--wheel-dir", str(dist), "."],
                          cwd=context, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    output = done.stdout + done.stderr
    assert "would be ignored" not in output and "SetuptoolsDeprecationWarning" not in output
    [built] = dist.glob("*.whl")
    yield built


def test_the_dockerfile_copies_what_the_package_is_built_from() -> None:
    assert {"pyproject.toml", "src", "core", "ontology", "queries", "loaders", "api", "cli",
            "corpus"} <= set(docker_context())


def test_the_wheel_installs_one_top_level_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"policykg"}
    assert "policykg/py.typed" in names
    for data in ("policykg/ontology/shapes.ttl", "policykg/queries/writes/document.cypher",
                 "policykg/queries/rules/TaskOwner.cypher", "policykg/corpus/"
                 "kon-tum_ke-hoach_kl69.txt.meta.yaml", "policykg/api/static/page.html",
                 "policykg/api/static/explorer.js", "policykg/api/static/vendor/cytoscape.min.js",
                 "policykg/api/static/vendor/swagger-ui-bundle.js",
                 "policykg/api/static/vendor/cytoscape.LICENSE.txt"):
        assert data in names
    cypher = {p.relative_to(ROOT).as_posix() for p in (ROOT / "queries").rglob("*.cypher")}
    assert cypher == {n.removeprefix("policykg/") for n in names if n.endswith(".cypher")}


def test_the_installed_wheel_imports_as_policykg_only(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    probe = ("import policykg, policykg.loaders, policykg.cli.main\n"
             "from policykg.core.settings import get_settings\n"
             "corpus = get_settings().corpus_dir\n"
             "print(policykg.__file__, corpus, len(list(corpus.glob('*.txt'))))\n"
             "try:\n    import api\nexcept ImportError:\n    print('no api')\n")
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("POLICYKG_CORPUS_DIR", None)
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    first, last = done.stdout.splitlines()
    package, corpus, count = first.split()
    assert package.startswith(str(target)) and corpus.startswith(str(target))
    assert int(count) == 5
    assert last == "no api"
