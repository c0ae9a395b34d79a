"""What a client sees of a node's properties: nothing internal, no path of the server's.

The graph keeps a folded ``search`` key on documents, bodies and tasks (for search
only) and the source a fact was read from (``source_file``, on documents, tasks, targets
and the edges they assert), stored as :func:`public_source` names it: relative to the
corpus folder (``POLICYKG_CORPUS_DIR``) when it lies in it, as loaded when it was a
relative path (an upload's ``upload/<name>``), else by its file name alone, so no server
path is ever in the graph.  Front ends show no ``search`` key, and a ``source_file`` a
graph loaded by an earlier version still holds as a server path in its public form
(``policykg migrate`` rewrites them).  A document also gets its kind's Vietnamese name
(``kind_name``) and its label ("69-KL/TW (2024)").  A graph
view shows only a node's short facts unless asked for all (:data:`LEAN`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from policykg.core.settings import get_settings
from policykg.ontology import mapping as m
from policykg.ontology.records import kind_name
from policykg.queries.captions import document_label

INTERNAL = frozenset({"search"})
# What a graph view shows of a node by default: short facts to draw and filter it by,
# never its texts (a title, a task's text, aliases) or provenance.
LEAN = frozenset({"kind", "number", "year", "issued", "scope", "province", "stub", "section",
                  "deadline", "recurring", "collective", "value", "unit"})


@lru_cache(maxsize=4096)
def _relative(path: str, corpus: Path) -> str:
    try:
        return Path(path).resolve().relative_to(corpus).as_posix()
    except (ValueError, OSError):
        return PurePosixPath(path).name


@lru_cache(maxsize=4096)
def _given(path: str, cwd: Path, corpus: Path) -> str:
    """A relative ``path`` (resolved once: a document's rows name their source often)."""
    try:  # "corpus/x.txt", loaded from the checkout: inside the corpus folder
        return (cwd / path).resolve().relative_to(corpus).as_posix()
    except (ValueError, OSError):
        posix = PurePosixPath(path)
        return posix.as_posix() if ".." not in posix.parts else posix.name


def public_source(path: str, corpus_dir: Path | None = None) -> str:
    """``path`` as a client may see it: relative to the corpus folder, as given if it
    was relative (and stays below where it was given), else its file name."""
    if PureWindowsPath(path).drive:  # "C:\\…" loaded on Windows
        return PureWindowsPath(path).name
    posix = PurePosixPath(path)
    corpus = (corpus_dir or get_settings().corpus_dir).resolve()
    if not posix.is_absolute():
        return _given(path, Path.cwd(), corpus)
    return _relative(path, corpus)


def public_properties(props: Mapping[str, Any], corpus_dir: Path | None = None
                      ) -> dict[str, Any]:
    """``props`` without internal keys, with ``source_file`` made public."""
    shown = {k: v for k, v in props.items() if k not in INTERNAL}
    if isinstance(shown.get(m.SOURCE_FILE.name), str):
        shown[m.SOURCE_FILE.name] = public_source(shown[m.SOURCE_FILE.name], corpus_dir)
    return shown


def lean_properties(props: Mapping[str, Any]) -> dict[str, Any]:
    """The properties of ``props`` a graph view shows by default (:data:`LEAN`)."""
    return {k: v for k, v in props.items() if k in LEAN}


def public_document(props: Mapping[str, Any], corpus_dir: Path | None = None
                    ) -> dict[str, Any]:
    """A document's public properties, with ``kind_name``, ``label`` and ``issuer``."""
    shown = public_properties(props, corpus_dir)
    shown["kind_name"] = kind_name(shown.get("kind"))
    shown["label"] = document_label(shown)
    shown.setdefault("issuer", shown.get("issuer_name"))
    return shown
