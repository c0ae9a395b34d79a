"""Query-string values converted to a named query's declared parameter types."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from policykg.queries.catalog import NamedQuery

_TRUE, _FALSE = {"true", "1", "yes"}, {"false", "0", "no"}


def _convert(text: str, type_name: str) -> Any:
    if text.strip().lower() == "null":
        return None
    if type_name == "string":
        return text
    if type_name == "integer":
        return int(text)
    if type_name == "float":
        return float(text)
    if type_name == "boolean":
        if text.lower() in _TRUE | _FALSE:
            return text.lower() in _TRUE
        raise ValueError("expected true or false")
    value = json.loads(text)
    expected = list if type_name == "list" else dict
    if not isinstance(value, expected):
        raise ValueError(f"expected a JSON {type_name}")
    return value


def convert_arguments(query: NamedQuery, raw: Mapping[str, str]
                      ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Arguments for ``query`` with defaults filled in, and the errors (pydantic-like)."""
    declared = {p.name: p for p in query.params}
    errors: list[dict[str, Any]] = [
        {"loc": ["query", name], "msg": f"query {query.name!r} has no parameter {name!r}",
         "type": "extra_forbidden"} for name in sorted(set(raw) - set(declared))]
    args: dict[str, Any] = {}
    for p in query.params:
        if p.name not in raw:
            if p.required:
                errors.append({"loc": ["query", p.name], "msg": f"{p.type} parameter "
                               f"{p.name!r} is required", "type": "missing"})
            args[p.name] = p.default
            continue
        try:
            args[p.name] = _convert(raw[p.name], p.type)
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            errors.append({"loc": ["query", p.name], "msg": f"not a valid {p.type}: {exc}",
                           "type": f"{p.type}_parsing"})
    return args, errors
