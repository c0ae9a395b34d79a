"""The explorer's flows in headless Chromium, against the corpus: what the pages draw is
read back from the page (the Cytoscape instance, the tables) and set against the API."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.web.conftest import CHROMIUM, Browser

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="requires Chromium")

KL69 = "tw:2024:69-kl-tw"
NQ20 = "tw:2012:20-nq-tw"


def _api(browser: Browser, path: str, **params: Any) -> Any:
    response = httpx.get(browser.base + path, params=params, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def _kon_tum_plan(browser: Browser) -> str:
    [plan] = _api(browser, "/documents", scope="kon-tum", stub="false")["data"]
    return str(plan["id"])


def _drawn_nodes(browser: Browser) -> dict[str, dict[str, Any]]:
    """The graph's nodes as Cytoscape drew them: caption, visibility, rendered box, and
    the size of the canvas they are drawn on."""
    nodes: list[dict[str, Any]] = browser.page.evaluate("""() => {
        const cy = window.policykgGraph;
        const w = cy.width(), h = cy.height();
        return cy.nodes().map(n => ({id: n.id(), caption: n.data('caption'),
            visible: n.visible(), box: n.renderedBoundingBox(), w, h}));
    }""")
    return {n["id"]: n for n in nodes}


def _inside(node: dict[str, Any]) -> bool:
    box = node["box"]
    return bool(node["visible"] and box["x1"] >= 0 and box["y1"] >= 0
                and box["x2"] <= node["w"] and box["y2"] <= node["h"])


def test_home_page_loads_from_the_server_alone(browser: Browser) -> None:
    page = browser.open("/")
    assert page.locator("#q").is_visible()
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("nav a.active").inner_text() == "Tìm kiếm"
    assert browser.requests, "the page made no request at all"
    assert browser.foreign_requests() == [] and browser.blocked == []
    assert browser.errors == []
    assert browser.screenshot("search-empty").stat().st_size > 0


def test_search_opens_the_document_and_its_lineage_graph(browser: Browser) -> None:
    page = browser.open("/")
    page.fill("#q", "ket luan 69")
    page.press("#q", "Enter")
    first = page.locator("section.group[data-label=Document] a").first
    first.wait_for()
    hits = _api(browser, "/search", q="ket luan 69", limit=100)
    documents = [h for h in hits["data"] if h["label"] == "Document"]
    assert page.locator("section.group[data-label=Document] li").count() == len(documents)
    assert first.inner_text() == documents[0]["name"] == "69-KL/TW (2024)"
    assert first.locator("mark").count() > 0  # the matched part highlighted
    browser.screenshot("search", readme=True)
    first.click()
    page.wait_for_selector("#graph[data-ready=true]", timeout=30_000)
    assert page.url.endswith(f"/ui/document/{KL69}")
    drawn = _drawn_nodes(browser)
    plan = _kon_tum_plan(browser)
    assert {plan, KL69, NQ20} <= set(drawn)
    assert all(_inside(drawn[i]) for i in (plan, KL69, NQ20)), drawn
    assert drawn[KL69]["caption"] == "69-KL/TW (2024)"
    # top-down: the root above what implements it, the plan below
    centre = {i: (n["box"]["y1"] + n["box"]["y2"]) / 2 for i, n in drawn.items()}
    assert centre[NQ20] < centre[KL69] < centre[plan]
    assert browser.errors == [] and browser.foreign_requests() == []
    browser.screenshot("document-kl69")


def test_clicking_a_node_expands_the_graph(browser: Browser) -> None:
    page = browser.open(f"/ui/document/{KL69}")
    page.wait_for_selector("#graph[data-ready=true]")
    before = set(_drawn_nodes(browser))
    box = _drawn_nodes(browser)[NQ20]["box"]
    graph = page.locator("#graph").bounding_box()
    assert graph is not None
    page.mouse.click(graph["x"] + (box["x1"] + box["x2"]) / 2,
                     graph["y"] + (box["y1"] + box["y2"]) / 2)
    page.wait_for_selector("#graph[data-expanded='1']")
    after = set(_drawn_nodes(browser))
    near = _api(browser, "/graph", focus=NQ20, depth=1, rel="implements,replaces,amends")
    documents = {n["data"]["id"] for n in near["elements"]["nodes"]
                 if n["data"]["kind"] == "Document"}
    assert after == before | documents and after > before
    assert page.locator("#graph-info a").get_attribute("href") == f"/ui/document/{NQ20}"
    assert browser.errors == []


def test_the_tasks_table_shows_every_task_and_filters(browser: Browser) -> None:
    plan = _kon_tum_plan(browser)
    tasks = _api(browser, f"/documents/{plan}/tasks")
    page = browser.open(f"/ui/document/{plan}")
    page.wait_for_selector("#graph[data-ready=true]")
    browser.screenshot("document", readme=True)
    rows = page.locator("#tasks tbody tr")
    assert rows.count() == tasks["count"] > 0
    assert rows.nth(0).locator("td").nth(1).inner_text() == tasks["data"][0]["text"]
    rows.nth(2).click()
    detail = page.locator("#task-detail .panel")
    assert detail.get_attribute("data-task") == tasks["data"][2]["task"]
    assert tasks["data"][2]["text"] in detail.inner_text()
    # the passage of the source text, the task's span highlighted
    source = _api(browser, f"/documents/{plan}/source")["text"]
    task = tasks["data"][2]
    detail.locator("blockquote[data-source=text]").wait_for()
    assert detail.locator("blockquote mark").inner_text() == \
        source[task["span_start"]:task["span_end"]].strip()
    assert f"{tasks['data'][2]['span_start']}–{tasks['data'][2]['span_end']}" in \
        detail.inner_text()
    browser.screenshot("document-tasks")
    page.check("#only-unowned")
    assert rows.count() == sum(t["unowned"] for t in tasks["data"])
    page.uncheck("#only-unowned")
    word = tasks["data"][0]["owners"][0]["name"]
    page.fill("#task-filter", word)
    assert rows.count() == sum(word in "; ".join(b["name"] for b in t["owners"] + t["coordinators"])
                               or word in t["text"] for t in tasks["data"])
    page.fill("#task-filter", "")
    page.click("#tasks th[data-col=deadline]")
    shown = [rows.nth(i).locator("td").nth(4).inner_text() for i in range(rows.count())]
    dated = [d for d in shown if d]
    assert dated == sorted(dated) and shown[:len(dated)] == dated
    assert browser.errors == []


def test_the_unowned_audit_lists_what_the_api_counts(browser: Browser) -> None:
    count = _api(browser, "/audit/unowned")["count"]
    page = browser.open("/ui/audit/unowned")
    assert page.locator("#audit-count").inner_text() == str(count) == "48"
    assert page.locator("table.audit-rows tbody tr").count() == count
    assert browser.errors == []
    browser.screenshot("audit-unowned")


def test_workload_chart_and_coverage(browser: Browser) -> None:
    work = _api(browser, "/audit/workload", limit=25)
    page = browser.open("/ui/audit/workload")
    owned = page.locator("svg rect.bar[data-key=owned]")
    assert owned.count() == sum(r["owned"] > 0 for r in work["data"])
    assert owned.first.get_attribute("data-value") == str(work["data"][0]["owned"])
    browser.screenshot("audit-workload", readme=True)
    coverage = _api(browser, "/audit/coverage", document="20-NQ/TW", as_of="2025-01-01",
                    limit=500)
    page = browser.open("/ui/audit/coverage?document=20-NQ/TW&as_of=2025-01-01")
    assert page.locator("#covered-count").inner_text() == str(coverage["covered"])
    assert page.locator("table.audit-rows tbody tr").count() == coverage["count"] == 63
    assert browser.errors == []
    browser.screenshot("audit-coverage", readme=True)


def test_overdue_as_of_a_date_and_a_body_page(browser: Browser) -> None:
    overdue = _api(browser, "/audit/overdue", as_of="2026-01-01", limit=500)
    page = browser.open("/ui/audit/overdue?as_of=2026-01-01")
    assert page.locator("#audit-count").inner_text() == str(overdue["count"])
    assert page.locator("table.audit-rows tbody tr").count() == overdue["count"]
    body = _api(browser, "/audit/workload", limit=1)["data"][0]
    page = browser.open(f"/ui/body/{body['body']}")
    assert page.locator("h1").inner_text().startswith(body["name"])
    assert page.locator("#body-tasks tbody tr").count() == body["owned"] + body["coordinated"]
    assert browser.errors == []
    browser.screenshot("body")


def test_the_console_shows_results_and_refuses_writes(browser: Browser) -> None:
    page = browser.open("/ui/cypher")
    page.fill("#cypher-query", "MATCH (d:Document {number: $n}) RETURN d.id AS id")
    page.fill("#cypher-params", '{"n": "69-KL/TW"}')
    page.click("form button[type=submit]")
    page.wait_for_selector("table.cypher-rows tbody tr")
    assert page.locator("table.cypher-rows tbody td").inner_text() == KL69
    page.fill("#cypher-query", "MATCH (d:Document {number: $n})-[r:IMPLEMENTS]->(t:Document) "
              "RETURN d, r, t")
    page.click("form button[type=submit]")
    page.wait_for_selector("#cypher-graph[data-ready=true]")
    drawn = page.evaluate("""() => {
      const cy = window.policykgConsoleGraph;
      return {nodes: cy.nodes().map((n) => n.data("caption")),
              edges: cy.edges().map((e) => e.data("type"))};
    }""")
    assert sorted(c.split("\n")[1] for c in drawn["nodes"]) == ["20-NQ/TW", "69-KL/TW"]
    assert drawn["edges"] == ["IMPLEMENTS"]
    browser.screenshot("cypher-graph")
    page.fill("#cypher-query", "MATCH (n) DETACH DELETE n")
    page.click("form button[type=submit]")
    refusal = page.locator("#cypher-result .error[data-code=write_refused]")
    refusal.wait_for()
    assert "Bị từ chối" in refusal.inner_text() and "403" in refusal.inner_text()
    assert _api(browser, "/audit/unowned")["count"] == 48  # nothing was deleted
    browser.screenshot("cypher-refused")


def test_english_labels_and_offline_docs(browser: Browser) -> None:
    page = browser.open("/?lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("nav a.active").inner_text() == "Search"
    assert page.locator("nav a[data-nav=unowned]").get_attribute("href") == \
        "/ui/audit/unowned?lang=en"
    page.goto(browser.base + "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=30_000)
    assert "policykg" in page.locator(".swagger-ui .info .title").inner_text()
    browser.screenshot("docs")
    assert browser.errors == []
    page.goto(browser.base + "/redoc")
    page.wait_for_selector("h1", timeout=30_000)
    assert "policykg" in page.locator("h1").first.inner_text()
    browser.screenshot("redoc")
    # ReDoc's attribution logo points at a CDN: the pages' CSP refuses it in the browser,
    # before any connection (nothing reached the network guard)
    assert browser.blocked == []
    assert {u: browser.failed.get(u) for u in browser.foreign_requests()} == {
        "https://cdn.redoc.ly/redoc/logo-mini.svg": "csp"}
    assert [e for e in browser.errors if "cdn.redoc.ly" not in e] == []


def test_the_validation_summary_groups_the_report(browser: Browser) -> None:
    report = _api(browser, "/audit/report")
    page = browser.open("/ui/audit/report")
    for severity, count in report["counts"].items():
        assert page.locator(f"[data-severity={severity}]").inner_text().endswith(f": {count}")
    groups = {(f["severity"], f["shape"]) for f in report["findings"]}
    rows = page.locator("table.audit-rows tbody tr")
    assert rows.count() == len(groups) > 0
    assert page.locator("table.audit-rows li").count() == len(report["findings"])
    assert page.locator("table.audit-rows li a").count() == len(report["findings"])
    assert browser.errors == []
    browser.screenshot("audit-report")
