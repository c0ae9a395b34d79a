"""Text out of ``.docx``, ``.pdf`` (with a text layer) and ``.html`` sources.

Each reader returns plain text in the shape the extractor expects from a
``.txt`` source: one paragraph per block, blank lines between blocks, and
tables as Markdown pipe rows (``| Nhiệm vụ | Cơ quan chủ trì | Thời gian |``)
so that tables of tasks keep their columns.  What cannot be read raises
:class:`~policykg.core.errors.SourceError` naming the file and, where it applies,
the page.  The format libraries are imported only when such a file is read.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from policykg.core.errors import SourceError
from policykg.core.limits import MAX_DOCX_UNPACKED, MAX_PDF_PAGES, MAX_SOURCE_CHARS

_BLANKS = re.compile(r"\n{3,}")
_INLINE_SPACE = re.compile(r"[ \t\u00a0]+")


def _blocks_to_text(blocks: Iterable[str]) -> str:
    text = "\n\n".join(b.strip() for b in blocks if b and b.strip())
    return _BLANKS.sub("\n\n", text) + "\n"


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(_INLINE_SPACE.sub(" ", c).strip().replace("|", "/")
                             for c in cells) + " |"


def read_docx(path: Path) -> str:
    """Paragraphs and tables of a Word document, in document order."""
    try:
        import docx  # lazy: format libraries load only when such a file is read
        from docx.table import Table  # lazy: as above
        from docx.text.paragraph import Paragraph  # lazy: as above
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise SourceError(str(path), f"cannot read .docx files: {exc}") from exc
    try:
        with zipfile.ZipFile(path) as package:  # sizes from the zip's directory, unpacked
            unpacked = sum(member.file_size for member in package.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise SourceError(str(path), f"not a readable .docx file: {exc}") from exc
    if unpacked > MAX_DOCX_UNPACKED:
        raise SourceError(str(path), f"unpacks to {unpacked} bytes, over the limit of "
                          f"{MAX_DOCX_UNPACKED} (a zip bomb?)")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types
        raise SourceError(str(path), f"not a readable .docx file: {exc}") from exc
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            blocks.append("\n".join(_row(cell.text for cell in row.cells)
                                    for row in table.rows))
    return _blocks_to_text(blocks)


def read_pdf(path: Path) -> str:
    """The text layer of a PDF, page by page; a page without one is an error."""
    try:
        from pypdf import PdfReader  # lazy: as above
        from pypdf.errors import PdfReadError  # lazy: as above
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise SourceError(str(path), f"cannot read .pdf files: {exc}") from exc
    try:
        reader = PdfReader(str(path))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise SourceError(str(path), f"{len(reader.pages)} pages, over the limit of "
                              f"{MAX_PDF_PAGES}")
        pages: list[str] = []
        read = 0
        for number, page in enumerate(reader.pages, 1):
            pages.append(page.extract_text() or "")
            read += len(pages[-1])
            if read > MAX_SOURCE_CHARS:
                raise SourceError(str(path), f"page {number}: over {MAX_SOURCE_CHARS} "
                                  "characters of text")
    except (PdfReadError, OSError, ValueError) as exc:
        raise SourceError(str(path), f"not a readable PDF: {exc}") from exc
    empty = [i + 1 for i, page in enumerate(pages) if not page.strip()]
    if len(empty) == len(pages):
        raise SourceError(str(path), "the PDF has no text layer (a scan? run OCR first)")
    if empty:
        raise SourceError(str(path), f"page {empty[0]} has no text layer "
                          "(a scanned page? run OCR first)")
    return _blocks_to_text(pages)


_SKIP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form")
_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section",
               "article", "blockquote", "pre")


def read_html(path: Path, decode: Callable[[bytes], str]) -> str:
    """The readable text of a web page (scripts, menus and footers dropped)."""
    try:
        from bs4 import BeautifulSoup  # lazy: as above
        from bs4.element import Tag  # lazy: as above
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise SourceError(str(path), f"cannot read .html files: {exc}") from exc
    soup = BeautifulSoup(decode(path.read_bytes()), "html.parser")
    for tag in soup.find_all(_SKIP_TAGS):
        tag.decompose()
    root: Any = soup.find("article") or soup.find("main") or soup.body or soup
    blocks: list[str] = []
    for table in root.find_all("table"):
        rows = [_row(cell.get_text(" ") for cell in tr.find_all(["td", "th"]))
                for tr in table.find_all("tr")]
        table.replace_with(soup.new_string("\n\n" + "\n".join(rows) + "\n\n"))
    for tag in root.find_all(_BLOCK_TAGS):
        if isinstance(tag, Tag):  # a list item keeps its bullet, as in a text source
            tag.insert_before("\n\n- " if tag.name == "li" and tag.parent is not None
                              and tag.parent.name == "ul" else "\n\n")
    for block in root.get_text().split("\n\n"):
        lines = [_INLINE_SPACE.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        is_table = bool(lines) and all(line.startswith("|") for line in lines)
        blocks.append("\n".join(lines) if is_table else " ".join(lines))
    return _blocks_to_text(blocks)
