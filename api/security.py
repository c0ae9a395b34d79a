"""API keys: writes need one; reads too when ``POLICYKG_READ_KEYS_REQUIRED`` is set.

Keys come from ``POLICYKG_API_KEYS`` (comma-separated) and are compared with
:func:`hmac.compare_digest`, against every configured key.  With no key
configured, writes are disabled (403).  A missing key is 401, a wrong one 403.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from policykg.api.deps import AppSettings

bearer = HTTPBearer(auto_error=False, description="An API key from POLICYKG_API_KEYS")


def key_is_valid(given: str, keys: list[str]) -> bool:
    """Whether ``given`` is one of ``keys`` (constant time in each comparison)."""
    matches = [hmac.compare_digest(given.encode(), key.encode()) for key in keys]
    return any(matches)


def key_problem(given: str | None, keys: list[str]) -> tuple[int, str] | None:
    """(status, message) when ``given`` does not authorise the request, else None."""
    if not keys:
        return 403, "disabled: no API keys are configured (POLICYKG_API_KEYS)"
    if given is None:
        return 401, "this request needs an API key: send 'Authorization: Bearer <key>'"
    if not key_is_valid(given, keys):
        return 403, "the API key is not valid"
    return None


def require_write_key(
    settings: AppSettings,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Dependency of every write route."""
    problem = key_problem(credentials.credentials if credentials else None, settings.api_keys)
    if problem is not None:
        status, message = problem
        raise HTTPException(status, ("writes are " + message) if status == 403 and
                            not settings.api_keys else message)


WriteKey = Depends(require_write_key)
