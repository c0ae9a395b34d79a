"""The OpenAPI schema in English and Vietnamese: every operation's summary names it in
both languages ("Unowned tasks · Nhiệm vụ chưa có cơ quan chủ trì"), for the analysts
and auditors who read Vietnamese first.  One table, applied when the schema is built;
a route missing from it fails the schema's test."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

# (method, path) → (English, Vietnamese)
SUMMARIES: dict[tuple[str, str], tuple[str, str]] = {
    ("get", "/health"): ("Health", "Tiến trình đang chạy"),
    ("get", "/ready"): ("Ready", "Kho đồ thị sẵn sàng"),
    ("get", "/documents"): ("List documents", "Danh sách văn bản"),
    ("post", "/documents"): ("Upload a document", "Tải lên một văn bản"),
    ("get", "/documents/{doc_id}"): ("One document", "Một văn bản"),
    ("delete", "/documents/{doc_id}"): ("Unload a document", "Gỡ một văn bản khỏi đồ thị"),
    ("get", "/documents/{doc_id}/lineage"): ("Lineage", "Chuỗi văn bản được thực hiện"),
    ("get", "/documents/{doc_id}/implementations"): (
        "Implementations", "Các văn bản thực hiện văn bản này"),
    ("get", "/documents/{doc_id}/tasks"): ("Tasks of a document", "Nhiệm vụ của văn bản"),
    ("get", "/documents/{doc_id}/targets"): ("Targets of a document", "Chỉ tiêu của văn bản"),
    ("get", "/documents/{doc_id}/references"): (
        "References of a document", "Văn bản được dẫn chiếu"),
    ("get", "/documents/{doc_id}/subgraph"): ("Subgraph of a document", "Đồ thị con của văn bản"),
    ("get", "/documents/{doc_id}/source"): ("Source text", "Nguyên văn của văn bản"),
    ("get", "/bodies/{body_id}"): ("One body", "Một cơ quan"),
    ("get", "/bodies/{body_id}/tasks"): ("Tasks of a body", "Nhiệm vụ của cơ quan"),
    ("get", "/resolve"): ("Resolve a reference", "Xác định văn bản được nhắc đến"),
    ("get", "/graph"): ("Neighbourhood graph", "Đồ thị lân cận"),
    ("get", "/graph/schema"): ("Graph schema", "Lược đồ đồ thị"),
    ("get", "/search"): ("Search", "Tìm kiếm"),
    ("post", "/cypher"): ("Read-only Cypher", "Truy vấn Cypher chỉ đọc"),
    ("get", "/queries"): ("Named queries", "Các truy vấn có sẵn"),
    ("get", "/queries/{name}"): ("Run a named query", "Chạy một truy vấn có sẵn"),
    ("get", "/audit/unowned"): ("Unowned tasks", "Nhiệm vụ chưa có cơ quan chủ trì"),
    ("get", "/audit/overdue"): ("Overdue tasks", "Nhiệm vụ quá hạn"),
    ("get", "/audit/workload"): ("Workload per body", "Khối lượng nhiệm vụ theo cơ quan"),
    ("get", "/audit/unresolved"): ("Unresolved citations", "Dẫn chiếu chưa xác định"),
    ("get", "/audit/coverage"): ("Coverage by province", "Mức độ triển khai theo tỉnh"),
    ("get", "/audit/report"): ("Validation report", "Báo cáo kiểm tra"),
}


def install_bilingual_openapi(app: FastAPI) -> None:
    """Build ``app``'s schema with every summary in English and Vietnamese."""
    build = app.openapi

    def schema() -> dict[str, Any]:
        if app.openapi_schema is None:
            for path, operations in build().get("paths", {}).items():
                for method, operation in operations.items():
                    names = SUMMARIES.get((method, path))
                    if names is not None:
                        operation["summary"] = f"{names[0]} · {names[1]}"
        assert app.openapi_schema is not None
        return app.openapi_schema

    app.openapi = schema  # type: ignore[method-assign]
