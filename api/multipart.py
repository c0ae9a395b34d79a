"""A ``multipart/form-data`` body read with the standard library's MIME parser."""

from __future__ import annotations

from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from policykg.core.errors import InputError


@dataclass(frozen=True)
class Part:
    """One form field: its file name, declared content type and bytes."""

    filename: str | None
    content_type: str
    data: bytes


def parse_form(content_type: str, body: bytes) -> dict[str, Part]:
    """The named parts of a form body; :class:`InputError` if it is not one."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1",
                                                                           "replace")
    message = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    if not isinstance(message, EmailMessage) or not message.is_multipart() \
            or message.defects:
        raise InputError("the body is not a well-formed multipart/form-data form")
    parts: dict[str, Part] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str) or name in parts:
            raise InputError("every form part needs its own name (Content-Disposition)")
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        parts[name] = Part(part.get_filename(), part.get_content_type(), data)
    return parts
