"""The web explorer, served by the API itself, and the API docs with local assets.

    GET /                          search (the home page)
    GET /ui/document/{id}          a document: header, lineage graph, references, tasks,
                                   targets, downloads
    GET /ui/body/{id}              a body: the tasks it owns and coordinates
    GET /ui/audit/{view}           unowned, overdue, workload, coverage, report (the
                                   validation summary by shape and severity)
    GET /ui/cypher                 the read-only Cypher console and the named queries
    GET /docs, /redoc              Swagger UI and ReDoc, their scripts from /static/vendor
    /static/…                      the pages' script and style, and the vendored assets

Every page is one HTML shell (``static/page.html``) that ``static/explorer.js`` fills
from the JSON routes; no page contacts a host other than the server.  Vietnamese
labels by default, English with ``?lang=en``.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, FastAPI, Query
from fastapi import Path as PathParam
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from policykg.core.errors import ReferenceNotFound

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
AUDIT_VIEWS = ("unowned", "overdue", "workload", "coverage", "report")
Lang = Annotated[Literal["vi", "en"], Query(description="Label language")]

# The browser itself keeps the pages on the server: nothing is fetched from elsewhere
# (ReDoc's attribution logo on a CDN is refused; inline scripts are the docs pages' own).
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' "
       "'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
       "worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'self'; "
       "base-uri 'self'; form-action 'self'")
HEADERS = {"Content-Security-Policy": CSP, "Cache-Control": "no-cache"}

router = APIRouter(include_in_schema=False)


def _page(page: str, lang: str, key: str = "") -> HTMLResponse:
    shell = (STATIC_DIR / "page.html").read_text("utf-8")
    filled = (shell.replace("{{lang}}", lang).replace("{{page}}", page)
              .replace("{{key}}", html.escape(key, quote=True)))
    return HTMLResponse(filled, headers=HEADERS)


@router.get("/", response_class=HTMLResponse)
def search_page(lang: Lang = "vi") -> HTMLResponse:
    return _page("search", lang)


@router.get("/ui/document/{doc_id}", response_class=HTMLResponse)
def document_page(doc_id: Annotated[str, PathParam(max_length=1000)],
                  lang: Lang = "vi") -> HTMLResponse:
    return _page("document", lang, doc_id)


@router.get("/ui/body/{body_id}", response_class=HTMLResponse)
def body_page(body_id: Annotated[str, PathParam(max_length=1000)],
              lang: Lang = "vi") -> HTMLResponse:
    return _page("body", lang, body_id)


@router.get("/ui/audit/{view}", response_class=HTMLResponse)
def audit_page(view: str, lang: Lang = "vi") -> HTMLResponse:
    if view not in AUDIT_VIEWS:
        raise ReferenceNotFound(view, f"no audit page {view!r}; one of {', '.join(AUDIT_VIEWS)}")
    return _page("audit", lang, view)


@router.get("/ui/cypher", response_class=HTMLResponse)
def cypher_page(lang: Lang = "vi") -> HTMLResponse:
    return _page("cypher", lang)


def _with_csp(response: HTMLResponse) -> HTMLResponse:
    response.headers.update(HEADERS)
    return response


@router.get("/docs", response_class=HTMLResponse)
def swagger_ui() -> HTMLResponse:
    return _with_csp(get_swagger_ui_html(
        openapi_url="/openapi.json", title="policykg — Swagger UI",
        swagger_js_url="/static/vendor/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui.css",
        swagger_favicon_url="/static/vendor/swagger-ui-favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None}))


@router.get("/redoc", response_class=HTMLResponse)
def redoc() -> HTMLResponse:
    return _with_csp(get_redoc_html(
        openapi_url="/openapi.json", title="policykg — ReDoc",
        redoc_js_url="/static/vendor/redoc.standalone.js",
        redoc_favicon_url="/static/vendor/swagger-ui-favicon-32x32.png",
        with_google_fonts=False))


def install_pages(app: FastAPI) -> None:
    """The explorer's pages, the docs pages and ``/static``.  The app must be made with
    ``docs_url=None, redoc_url=None`` (these take their place)."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
