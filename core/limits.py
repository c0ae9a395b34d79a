"""Size limits of what policykg stores, checked before anything reaches a store.

FalkorDB crashes (signal 11 in its unique-constraint check) on a unique string of
about 4 KB; ids are unique, so no id may come near that.  Names and titles have
limits of their own, far above any real one, so a runaway extraction or a hostile
sidecar is refused with the field and the limit named.
"""

from __future__ import annotations

from typing import Final

MAX_ID_BYTES: Final = 1024  # a node id, UTF-8 encoded
MAX_NUMBER: Final = 64  # a document number ("12/2024/NĐ-CP")
MAX_NAME: Final = 300  # a body, issuer, signer or province name
MAX_TITLE: Final = 2000  # a document title
MAX_OFFSET: Final = 1_000_000  # rows a list skips at most (an int64 past 2**63 broke the driver)
MAX_PARAM_VALUES: Final = 10_000  # values in an analyst query's parameters, nested ones counted
MAX_PARAM_DEPTH: Final = 16  # levels of lists and maps in them
MAX_PARAM_STRING: Final = 10_000  # characters of one string among them
MAX_REQUEST_HEAD: Final = 64 * 1024  # bytes of an HTTP request line and headers
MAX_DOCX_UNPACKED: Final = 64 * 1024 * 1024  # bytes a .docx unpacks to (a zip bomb is refused)
MAX_PDF_PAGES: Final = 2000  # pages of a .pdf source
MAX_SOURCE_CHARS: Final = 20_000_000  # characters of text read out of one source
