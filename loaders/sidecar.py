"""Metadata sidecars: facts about a source that its text does not state.

A sidecar is an optional YAML file beside the source, named after it with
``.meta.yaml`` appended (``corpus/kon-tum_ke-hoach_kl69.txt.meta.yaml``).  Every
key is optional; unknown keys are an error::

    kind: KeHoach                 # a DocumentKind value
    number: 29-CTr/TU             # the document's own number
    issued: 2013-06-04            # YYYY-MM-DD
    issuer: Ban Thường vụ Tỉnh ủy Kon Tum
    province: Kon Tum
    signer: A Pót
    title: thực hiện Kết luận số 69-KL/TW …
    term: XVI                     # khóa, a Roman numeral
    implements: [69-KL/TW@2024, 20-NQ/TW]   # numbers, optionally NUMBER@YEAR

Sidecar facts fill or override the header's and carry provenance origin
``sidecar``.  Write only facts that are certain.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from policykg.core.errors import InvalidNumber, SidecarError
from policykg.core.limits import MAX_NAME, MAX_NUMBER, MAX_TITLE
from policykg.ontology.identity import parse_number
from policykg.ontology.records import DocumentHeader, DocumentKind, Provenance

SUFFIX = ".meta.yaml"
_ROMAN = re.compile(r"^[IVXLC]+$")
_HEADER_FIELDS = ("kind", "number", "issued", "issuer", "province", "signer", "title", "term")


def implements_key(entry: str) -> str:
    """``NUMBER`` or ``NUMBER@YEAR``, the number normalised; ``ValueError`` if malformed."""
    number, at, year = entry.partition("@")
    if at and not re.fullmatch(r"(?:19|20)\d\d", year):
        raise ValueError(f"bad year in {entry!r} (expected NUMBER@YYYY)")
    try:
        text = parse_number(number).text
    except InvalidNumber as exc:
        raise ValueError(str(exc)) from exc
    return f"{text}@{year}" if at else text


class Sidecar(BaseModel):
    """The facts a sidecar states; ``None`` where it says nothing."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: DocumentKind | None = None
    number: str | None = Field(default=None, max_length=MAX_NUMBER)
    issued: date | None = None
    issuer: str | None = Field(default=None, max_length=MAX_NAME)
    province: str | None = Field(default=None, max_length=MAX_NAME)
    signer: str | None = Field(default=None, max_length=MAX_NAME)
    title: str | None = Field(default=None, max_length=MAX_TITLE)
    term: str | None = Field(default=None, max_length=8)
    implements: tuple[Annotated[str, AfterValidator(implements_key)], ...] = ()

    @field_validator("number")
    @classmethod
    def _number(cls, value: str | None) -> str | None:
        return None if value is None else parse_number(value).text

    @field_validator("term")
    @classmethod
    def _term(cls, value: str | None) -> str | None:
        if value is not None and not _ROMAN.match(value):
            raise ValueError(f"not a Roman numeral: {value!r}")
        return value


def sidecar_path(source: Path) -> Path:
    """Where the sidecar of ``source`` lives."""
    return source.with_name(source.name + SUFFIX)


def _field_name(loc: tuple[int | str, ...]) -> str:
    head, *rest = loc or ("<root>",)
    return str(head) + "".join(f"[{part}]" for part in rest)


def parse_sidecar(data: Any, path: str) -> Sidecar:
    """Validate loaded YAML ``data``; errors name ``path`` and the field."""
    if data is None:
        return Sidecar()
    if not isinstance(data, dict):
        raise SidecarError(path, "<root>", f"expected a mapping, got {type(data).__name__}")
    try:
        return Sidecar.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        reason = str(first["msg"]).removeprefix("Value error, ")
        raise SidecarError(path, _field_name(first["loc"]), reason) from exc


class _Loader(yaml.SafeLoader):
    """Safe YAML with dates left as text, so that the sidecar's own check names a bad one
    (``issued: 2024-13-45`` made the safe loader raise a bare ValueError)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read_sidecar(path: Path) -> Sidecar | None:
    """The sidecar at ``path``, or ``None`` if there is none."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise SidecarError(str(path), "<file>", str(exc)) from exc
    try:
        data = yaml.load(raw, Loader=_Loader)  # a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark is not None else None
        problem = getattr(exc, "problem", None) or " ".join(str(exc).split())
        raise SidecarError(str(path), "<yaml>", f"not YAML: {problem}", where) from exc
    return parse_sidecar(data, str(path))


def apply_sidecar(header: DocumentHeader, sidecar: Sidecar, source: str) -> DocumentHeader:
    """``header`` with every fact the sidecar states, marked ``origin="sidecar"``."""
    updates: dict[str, Any] = {
        name: getattr(sidecar, name)
        for name in _HEADER_FIELDS
        if getattr(sidecar, name) is not None
    }
    if not updates:
        return header
    mark = Provenance(source=source, origin="sidecar")
    provenance = {**header.provenance, **dict.fromkeys(updates, mark)}
    return header.model_copy(update={**updates, "provenance": provenance})
