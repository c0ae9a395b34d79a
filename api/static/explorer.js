/* policykg explorer: plain JavaScript over the JSON API, no build step.
 * Every page is the same shell (page.html); body[data-page] says which one to draw and
 * body[data-key] carries its id (a document, a body, an audit view).  Vietnamese labels
 * by default, English with ?lang=en (the toggle in the header). */
"use strict";

const LABELS = {
  vi: {
    search: "Tìm kiếm", unowned: "Chưa có chủ trì", overdue: "Quá hạn", workload: "Khối lượng",
    coverage: "Độ phủ", cypher: "Cypher", docs: "API", other: "English",
    searchTitle: "Tìm văn bản, cơ quan, nhiệm vụ",
    searchHint: "Không phân biệt hoa thường và dấu: “ket luan 69”, “KL69”, “Kết luận số 69”.",
    searchButton: "Tìm", placeholder: "Số hiệu, tên văn bản, cơ quan hoặc nhiệm vụ…",
    Document: "Văn bản", Body: "Cơ quan", Task: "Nhiệm vụ", noHits: "Không tìm thấy kết quả.",
    hits: "kết quả", matched: "khớp", number: "số hiệu", title: "tên", name: "tên",
    aliases: "tên khác", text: "nội dung",
    kind: "Loại", issued: "Ngày ban hành", issuer: "Cơ quan ban hành", province: "Tỉnh/thành",
    signer: "Người ký", term: "Khóa", stub: "Chỉ được trích dẫn (chưa nạp)",
    fromText: "từ văn bản", fromSidecar: "từ tệp bổ sung", fromInferred: "suy ra",
    lineage: "Sơ đồ thực hiện", lineageHint: "Bấm vào một văn bản để mở rộng quan hệ của nó.",
    open: "Mở trang", references: "Văn bản được trích dẫn", citedBy: "Được trích dẫn bởi",
    relations: "Quan hệ", resolution: "Giải quyết trích dẫn", tasks: "Nhiệm vụ",
    section: "Mục", owners: "Chủ trì", coordinators: "Phối hợp", deadline: "Thời hạn",
    flags: "Cảnh báo", filter: "Lọc…", onlyUnowned: "chỉ chưa có chủ trì",
    onlyOverdue: "chỉ quá hạn", shown: "hiển thị", of: "trên", targets: "Chỉ tiêu",
    metric: "Chỉ số", value: "Giá trị", unit: "Đơn vị", year: "Năm",
    downloads: "Tải đồ thị con", source: "Nguồn", span: "vị trí ký tự", none: "không có",
    recurring: "thường xuyên", role: "Vai trò", owner: "chủ trì", coordinator: "phối hợp",
    document: "Văn bản", partOf: "Trực thuộc", parts: "Đơn vị trực thuộc",
    collective: "tập thể", asOf: "Tính đến ngày", show: "Xem", bodyTasks: "Nhiệm vụ được giao",
    owned: "Chủ trì", coordinated: "Phối hợp", covered: "Đã có văn bản thực hiện",
    notCovered: "Chưa có", direct: "trực tiếp", transitive: "gián tiếp",
    implementers: "Văn bản thực hiện", coverageOf: "Văn bản trung ương", provinces: "tỉnh/thành",
    query: "Truy vấn (chỉ đọc)", params: "Tham số (JSON)", run: "Chạy",
    refused: "Bị từ chối", graphView: "Dạng đồ thị", namedQueries: "Truy vấn có sẵn", rows: "dòng", truncated: "đã cắt bớt",
    notFound: "Không tìm thấy", loading: "Đang tải…", csv: "CSV", all: "Tất cả",
    report: "Kiểm tra", severity: "Mức độ", shape: "Ràng buộc", message: "Nội dung",
    focus: "Đối tượng", Violation: "Vi phạm", Warning: "Cảnh báo", Info: "Thông tin",
  },
  en: {
    search: "Search", unowned: "Unowned", overdue: "Overdue", workload: "Workload",
    coverage: "Coverage", cypher: "Cypher", docs: "API", other: "Tiếng Việt",
    searchTitle: "Find documents, bodies, tasks",
    searchHint: "Case and diacritics do not matter: “ket luan 69”, “KL69”, “Kết luận số 69”.",
    searchButton: "Search", placeholder: "A number, a title, a body or a task…",
    Document: "Documents", Body: "Bodies", Task: "Tasks", noHits: "Nothing found.",
    hits: "hits", matched: "matched", number: "number", title: "title", name: "name",
    aliases: "alias", text: "text",
    kind: "Kind", issued: "Issued", issuer: "Issuer", province: "Province", signer: "Signer",
    term: "Term", stub: "Cited only (not loaded)",
    fromText: "from the text", fromSidecar: "from the sidecar", fromInferred: "inferred",
    lineage: "Lineage", lineageHint: "Click a document to expand its relations.",
    open: "Open page", references: "References", citedBy: "Cited by", relations: "Relations",
    resolution: "Resolution", tasks: "Tasks", section: "Section", owners: "Owners",
    coordinators: "Coordinators", deadline: "Deadline", flags: "Flags", filter: "Filter…",
    onlyUnowned: "unowned only", onlyOverdue: "overdue only", shown: "shown", of: "of",
    targets: "Targets", metric: "Metric", value: "Value", unit: "Unit", year: "Year",
    downloads: "Download the subgraph", source: "Source", span: "characters", none: "none",
    recurring: "recurring", role: "Role", owner: "owner", coordinator: "coordinator",
    document: "Document", partOf: "Part of", parts: "Parts", collective: "collective",
    asOf: "As of", show: "Show", bodyTasks: "Tasks", owned: "Owned", coordinated: "Coordinated",
    covered: "Covered", notCovered: "Not covered", direct: "directly",
    transitive: "transitively", implementers: "Implementing documents",
    coverageOf: "Central document", provinces: "provinces",
    query: "Query (read-only)", params: "Parameters (JSON)", run: "Run", refused: "Refused",
    graphView: "As a graph", namedQueries: "Named queries", rows: "rows", truncated: "truncated",
    notFound: "Not found", loading: "Loading…", csv: "CSV", all: "All",
    report: "Validation", severity: "Severity", shape: "Shape", message: "Message",
    focus: "Nodes", Violation: "Violation", Warning: "Warning", Info: "Info",
  },
};

const KINDS = {
  NghiQuyet: ["Nghị quyết", "Resolution"], KetLuan: ["Kết luận", "Conclusion"],
  ChiThi: ["Chỉ thị", "Directive"], KeHoach: ["Kế hoạch", "Plan"],
  ChuongTrinh: ["Chương trình", "Programme"], CongVan: ["Công văn", "Official letter"],
  ThongBao: ["Thông báo", "Notice"], QuyetDinh: ["Quyết định", "Decision"],
};

const params = new URLSearchParams(location.search);
const LANG = params.get("lang") === "en" ? "en" : "vi";
const T = LABELS[LANG];

/* ---------------------------------------------------------------- helpers */

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  add(node, ...children);
  return node;
}

/* Append children, nested lists flattened, null/undefined/false left out. */
function add(parent, ...children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    parent.append(c instanceof Node ? c : String(c));
  }
  return parent;
}

function href(path, extra) {
  const q = new URLSearchParams(extra || {});
  if (LANG === "en") q.set("lang", "en");
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

// a path segment: ids keep their colons (tw:2024:69-kl-tw), the rest is escaped
const enc = (s) => encodeURIComponent(s).replace(/%3A/gi, ":");
const docLink = (id, text) => el("a", { href: href(`/ui/document/${enc(id)}`) }, text || id);
const bodyLink = (id, text) => el("a", { href: href(`/ui/body/${enc(id)}`) }, text || id);

class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(e.message || `HTTP ${status}`);
    this.status = status;
    this.code = e.code || "";
  }
}

async function api(path, init) {
  const res = await fetch(path, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

/* Every row of a {data, count} list route, page after page. */
async function apiAll(path, query) {
  const rows = [];
  for (let offset = 0; ; offset += 500) {
    const q = new URLSearchParams({ ...query, limit: "500", offset: String(offset) });
    const page = await api(`${path}?${q}`);
    rows.push(...page.data);
    if (page.data.length < 500 || rows.length >= page.count || rows.length >= 20000) {
      return { data: rows, count: page.count };
    }
  }
}

/* Fold as the server does: no case, no diacritics (đ → d); one folded character per
 * original character, so positions found in the folded text mark the original. */
function foldChar(c) {
  return c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();
}

function highlight(text, query) {
  const source = String(text || "");
  const folded = Array.from(source, (c) => (foldChar(c) || c)[0]).join("");
  const tokens = foldChar(query).split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])/)
    .filter((t) => t.length >= 2 || /[0-9]/.test(t));
  const marks = new Array(folded.length).fill(false);
  for (const t of tokens) {
    for (let i = folded.indexOf(t); i >= 0; i = folded.indexOf(t, i + 1)) {
      for (let j = i; j < i + t.length; j++) marks[j] = true;
    }
  }
  const chars = Array.from(source);
  const out = [];
  let i = 0;
  while (i < chars.length) {
    let j = i;
    while (j < chars.length && marks[j] === marks[i]) j++;
    const piece = chars.slice(i, j).join("");
    out.push(marks[i] ? el("mark", {}, piece) : piece);
    i = j;
  }
  return out;
}

function table(columns, rows, opts) {
  const options = opts || {};
  const thead = el("thead", {}, el("tr", {}, columns.map((c) => el("th", {
    class: options.sortable ? "sortable" : null, "data-col": c.key,
  }, c.label))));
  const tbody = el("tbody");
  const t = el("table", { class: options.class || null }, thead, tbody);
  let shown = rows;
  const draw = () => {
    tbody.replaceChildren(...shown.map((r) => {
      const tr = el("tr", { class: options.onclick ? "clickable" : null,
                            "data-id": options.rowId ? options.rowId(r) : null },
        columns.map((c) => el("td", {}, c.cell ? c.cell(r) : (r[c.key] ?? ""))));
      if (options.onclick) tr.addEventListener("click", () => options.onclick(r, tr));
      return tr;
    }));
  };
  t.setRows = (next) => { shown = next; draw(); };
  if (options.sortable) {
    thead.addEventListener("click", (ev) => {
      const th = ev.target.closest("th");
      if (!th) return;
      const col = columns.find((c) => c.key === th.dataset.col);
      const dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      thead.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      const key = col.sortKey || ((r) => r[col.key]);
      const cmp = (a, b) => {
        const x = key(a), y = key(b);
        if (x === y) return 0;
        if (x === null || x === undefined || x === "") return 1;
        if (y === null || y === undefined || y === "") return -1;
        return (typeof x === "number" && typeof y === "number" ? x - y
          : String(x).localeCompare(String(y), "vi", { numeric: true })) * dir;
      };
      options.resort(cmp);
    });
  }
  draw();
  return t;
}

function kindLabel(kind) {
  const k = KINDS[kind];
  return k ? k[LANG === "en" ? 1 : 0] : (kind || "");
}

function docCaption(d) {
  const name = d.number || (d.title ? d.title.slice(0, 60) : d.id);
  return d.year ? `${name} (${d.year})` : name;
}

const names = (list) => (list || []).map((b) => b.name || b.id).join("; ");
const today = () => new Date().toISOString().slice(0, 10);

function fail(main, err) {
  add(main, el("p", { class: "error", role: "alert" },
    err.status === 404 ? `${T.notFound}: ${err.message}` : err.message));
}

/* ---------------------------------------------------------------- search */

async function searchPage(main) {
  const input = el("input", { type: "search", name: "q", id: "q", placeholder: T.placeholder,
                              value: params.get("q") || "", autofocus: true });
  const results = el("div", { id: "results", "aria-live": "polite" });
  const form = el("form", { class: "search", role: "search" }, input,
                  el("button", { type: "submit" }, T.searchButton));
  add(main, el("h1", {}, T.searchTitle), form, el("p", { class: "muted" }, T.searchHint), results);
  const run = async () => {
    const q = input.value.trim();
    history.replaceState(null, "", href("/", q ? { q } : {}));
    if (!q) { results.replaceChildren(); return; }
    results.replaceChildren(el("p", { class: "muted" }, T.loading));
    try {
      const body = await api(`/search?${new URLSearchParams({ q, limit: "100" })}`);
      const groups = [];
      for (const label of ["Document", "Body", "Task"]) {
        const hits = body.data.filter((h) => h.label === label);
        if (!hits.length) continue;
        groups.push(el("section", { class: "group", "data-label": label },
          el("h2", {}, `${T[label]} (${hits.length})`),
          el("ul", { class: "hits" }, hits.map((h) => {
            const text = highlight(h.name, q);
            const link = label === "Document" ? docLink(h.id, text)
              : label === "Body" ? bodyLink(h.id, text)
              : el("a", { href: href(`/ui/document/${enc(h.document_id)}`, { task: h.id }) }, text);
            return el("li", {}, link, el("span", { class: "field" }, `${T.matched}: ${T[h.matched] || h.matched}`));
          }))));
      }
      results.replaceChildren(el("p", { class: "muted" }, `${body.count} ${T.hits}`),
        ...(groups.length ? groups : [el("p", {}, T.noHits)]));
    } catch (err) {
      results.replaceChildren();
      fail(results, err);
    }
  };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); run(); });
  if (input.value) await run();
}

/* ---------------------------------------------------------------- document */

const GRAPH_RELS = "implements,replaces,amends";

function graphStyle() {
  return [
    { selector: "node", style: {
      label: "data(caption)", "text-wrap": "wrap", "text-max-width": "150px", "font-size": "11px",
      "text-valign": "center", "text-halign": "center", shape: "round-rectangle",
      width: "160px", height: "42px", "background-color": "#e8eef5", "border-width": 1,
      "border-color": "#7b8da3", color: "#1d2733" } },
    { selector: "node[?stub]", style: { "border-style": "dashed", "background-color": "#f5f5f5" } },
    { selector: "node.focus", style: { "background-color": "#fbe3e4", "border-color": "#a4161a",
                                       "border-width": 2 } },
    { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle",
      width: 1.5, "line-color": "#7b8da3", "target-arrow-color": "#7b8da3", label: "data(label)",
      "font-size": "9px", color: "#5b6775", "text-background-color": "#fff",
      "text-background-opacity": 1 } },
    { selector: "edge[type != 'IMPLEMENTS']", style: { "line-style": "dashed" } },
  ];
}

function cyNode(d, focus) {
  return { group: "nodes", data: { id: d.id, caption: docCaption(d), stub: !!d.stub },
           classes: d.id === focus ? "focus" : "" };
}

function cyEdge(source, target, type) {
  return { group: "edges", data: { id: `${type}:${source}->${target}`, source, target, type,
                                   label: type.toLowerCase() } };
}

async function drawLineage(container, info, docId) {
  const [up, down] = await Promise.all([api(`/documents/${enc(docId)}/lineage`),
                                        api(`/documents/${enc(docId)}/implementations`)]);
  const nodes = new Map();
  for (const n of [...up.nodes, ...down.nodes]) nodes.set(n.id, cyNode(n, docId));
  const edges = new Map();
  for (const e of [...up.edges, ...down.edges]) {
    const edge = cyEdge(e.from, e.to, "IMPLEMENTS");
    edges.set(edge.data.id, edge);
  }
  const cy = cytoscape({
    container, elements: [...nodes.values(), ...edges.values()], style: graphStyle(),
    minZoom: 0.2, maxZoom: 3,
  });
  // implementer below, what it implements above: the roots at the top
  const layout = () => cy.layout({ name: "dagre", rankDir: "BT", nodeSep: 30, rankSep: 60,
                                   animate: false, fit: true, padding: 20 }).run();
  layout();
  window.policykgGraph = cy;
  cy.on("tap", "node", async (ev) => {
    const id = ev.target.id();
    info.replaceChildren(docLink(id, `${T.open}: ${ev.target.data("caption")}`));
    const found = await api(`/graph?${new URLSearchParams({ focus: id, depth: "1", rel: GRAPH_RELS })}`);
    const added = [];
    for (const n of found.elements.nodes) {
      if (n.data.kind !== "Document" || cy.getElementById(n.data.id).nonempty()) continue;
      added.push(cyNode({ id: n.data.id, number: n.data.number, title: n.data.label,
                          year: n.data.year, stub: n.data.stub }, docId));
    }
    for (const e of found.elements.edges) {
      const edge = cyEdge(e.data.source, e.data.target, e.data.type);
      if (cy.getElementById(edge.data.id).empty()) added.push(edge);
    }
    if (added.length) { cy.add(added); layout(); }
    container.dataset.expanded = String((Number(container.dataset.expanded) || 0) + 1);
  });
  container.dataset.ready = "true";
  return cy;
}

function facts(doc) {
  const origins = {};
  for (const pair of doc.field_origins || []) {
    const [field, origin] = pair.split("=");
    origins[field] = origin;
  }
  const originLabel = { text: T.fromText, sidecar: T.fromSidecar, inferred: T.fromInferred };
  const rows = [["kind", kindLabel(doc.kind)], ["number", doc.number], ["issued", doc.issued],
                ["issuer", doc.issuer], ["province", doc.province], ["signer", doc.signer],
                ["term", doc.term], ["title", doc.title]];
  const key = { issuer: "issuer_name" };
  return el("dl", { class: "facts" }, rows.filter(([, v]) => v).map(([f, v]) => [
    el("dt", {}, f === "number" ? T.number[0].toUpperCase() + T.number.slice(1)
      : f === "title" ? T.title[0].toUpperCase() + T.title.slice(1) : T[f]),
    el("dd", { "data-field": f }, v, origins[key[f] || f]
      ? el("span", { class: "origin" }, originLabel[origins[key[f] || f]] || origins[key[f] || f])
      : null),
  ]));
}

function flagBadges(t) {
  return [t.unowned ? el("span", { class: "flag unowned" }, T.unowned) : null,
          t.overdue ? el("span", { class: "flag overdue" }, T.overdue) : null,
          t.recurring ? el("span", { class: "flag" }, T.recurring) : null];
}

function tasksSection(docId, tasks) {
  const detail = el("div", { id: "task-detail" });
  const filter = el("input", { type: "text", id: "task-filter", placeholder: T.filter });
  const unowned = el("input", { type: "checkbox", id: "only-unowned" });
  const overdue = el("input", { type: "checkbox", id: "only-overdue" });
  const counter = el("span", { id: "task-count", class: "muted" });
  let rows = tasks.slice();
  let source;  // the document's text as code points, fetched at the first click (null: none)
  const passage = async (t) => {
    if (source === undefined) {
      source = api(`/documents/${enc(docId)}/source`).then((b) => Array.from(b.text), () => null);
    }
    const chars = await source;
    if (!chars || t.span_start === null || t.span_start === undefined) return null;
    const from = Math.max(0, t.span_start - 300), to = Math.min(chars.length, t.span_end + 300);
    return el("blockquote", { class: "passage", "data-source": "text" },
      from > 0 ? "…" : "", chars.slice(from, t.span_start).join(""),
      el("mark", {}, chars.slice(t.span_start, t.span_end).join("")),
      chars.slice(t.span_end, to).join(""), to < chars.length ? "…" : "");
  };
  const show = async (t, tr) => {
    document.querySelectorAll("#tasks tr.selected").forEach((r) => r.classList.remove("selected"));
    if (tr) tr.classList.add("selected");
    detail.replaceChildren(el("div", { class: "panel", "data-task": t.task },
      el("p", {}, el("strong", {}, `${T.section} ${t.section || "—"}`), " ", flagBadges(t)),
      el("blockquote", { "data-source": "task" }, el("mark", {}, t.text || "")),
      el("p", { class: "muted" }, `${T.source}: ${t.source_file || T.none}`,
         t.span_start !== null && t.span_start !== undefined
           ? ` — ${T.span} ${t.span_start}–${t.span_end}` : ""),
      t.deadline_phrase ? el("p", {}, `${T.deadline}: ${t.deadline_phrase} (${t.deadline})`) : null));
    if (tr) detail.scrollIntoView({ block: "nearest" });
    const found = await passage(t);
    const quote = detail.querySelector(`.panel[data-task="${CSS.escape(t.task)}"] blockquote`);
    if (found && quote) quote.replaceWith(found);
  };
  const columns = [
    { key: "section", label: T.section, sortKey: (t) => t.ordinal },
    { key: "text", label: T.text[0].toUpperCase() + T.text.slice(1) },
    { key: "owners", label: T.owners, cell: (t) => t.owners.map((b, i) => [i ? "; " : "", bodyLink(b.id, b.name)]),
      sortKey: (t) => names(t.owners) },
    { key: "coordinators", label: T.coordinators,
      cell: (t) => t.coordinators.map((b, i) => [i ? "; " : "", bodyLink(b.id, b.name)]),
      sortKey: (t) => names(t.coordinators) },
    { key: "deadline", label: T.deadline },
    { key: "flags", label: T.flags, cell: flagBadges,
      sortKey: (t) => (t.overdue ? 2 : 0) + (t.unowned ? 1 : 0) },
  ];
  const apply = () => {
    const words = foldChar(filter.value.trim());
    const shown = rows.filter((t) =>
      (!unowned.checked || t.unowned) && (!overdue.checked || t.overdue)
      && (!words || foldChar([t.section, t.text, names(t.owners), names(t.coordinators),
                              t.deadline].join(" ")).includes(words)));
    tbl.setRows(shown);
    counter.textContent = `${shown.length} ${T.shown} ${T.of} ${tasks.length}`;
  };
  const tbl = table(columns, rows, {
    sortable: true, rowId: (t) => t.task, onclick: show,
    resort: (cmp) => { rows = rows.slice().sort(cmp); apply(); },
  });
  tbl.id = "tasks";
  for (const c of [filter, unowned, overdue]) c.addEventListener("input", apply);
  apply();
  const wanted = params.get("task");
  const selected = tasks.find((t) => t.task === wanted);
  if (selected) setTimeout(() => show(selected, tbl.querySelector(`tr[data-id="${CSS.escape(wanted)}"]`)));
  return [el("h2", {}, `${T.tasks} (${tasks.length})`),
          el("div", { class: "toolbar" }, filter,
             el("label", {}, unowned, " ", T.onlyUnowned), el("label", {}, overdue, " ", T.onlyOverdue),
             counter, el("a", { href: `/documents/${enc(docId)}/tasks?format=csv` }, T.csv)),
          tbl, detail];
}

async function documentPage(main, docId) {
  let doc;
  try {
    doc = await api(`/documents/${enc(docId)}`);
  } catch (err) { fail(main, err); return; }
  document.title = `${docCaption(doc)} — policykg`;
  const graph = el("div", { id: "graph" });
  const info = el("p", { id: "graph-info", class: "muted" }, T.lineageHint);
  add(main, el("h1", {}, `${kindLabel(doc.kind)} ${docCaption(doc)}`),
              doc.stub ? el("p", { class: "muted" }, T.stub) : null, facts(doc),
              el("h2", {}, T.lineage), graph, info);
  const [refs, tasks, targets] = await Promise.all([
    api(`/documents/${enc(docId)}/references`),
    api(`/documents/${enc(docId)}/tasks?as_of=${today()}`),
    api(`/documents/${enc(docId)}/targets`),
  ]);
  const refColumns = [
    { key: "number", label: T.document, cell: (r) => docLink(r.id, docCaption(r)) },
    { key: "kind", label: T.kind, cell: (r) => kindLabel(r.kind) },
    { key: "relations", label: T.relations, cell: (r) => (r.relations || []).join(", ") },
    { key: "resolution", label: T.resolution },
  ];
  add(main, 
    el("h2", {}, `${T.references} (${refs.cites.length})`), table(refColumns, refs.cites, { class: "refs" }),
    refs.cited_by.length ? [el("h2", {}, `${T.citedBy} (${refs.cited_by.length})`),
                            table(refColumns.slice(0, 2), refs.cited_by)] : null,
    tasksSection(docId, tasks.data),
    targets.count ? [el("h2", {}, `${T.targets} (${targets.count})`), table([
      { key: "text", label: T.text[0].toUpperCase() + T.text.slice(1) },
      { key: "metric", label: T.metric }, { key: "value", label: T.value },
      { key: "unit", label: T.unit }, { key: "year", label: T.year }], targets.data)] : null,
    el("h2", {}, T.downloads),
    el("p", { class: "downloads" }, ["json", "csv", "turtle"].map((f) =>
      el("a", { href: `/documents/${enc(docId)}/subgraph?format=${f}`, download: "" },
         f === "turtle" ? "Turtle" : f.toUpperCase()))));
  await drawLineage(graph, info, docId);
}

/* ---------------------------------------------------------------- body */

async function bodyPage(main, bodyId) {
  let body;
  try {
    body = await api(`/bodies/${enc(bodyId)}`);
  } catch (err) { fail(main, err); return; }
  document.title = `${body.name} — policykg`;
  const tasks = await api(`/bodies/${enc(bodyId)}/tasks?as_of=${today()}`);
  const dl = el("dl", { class: "facts" },
    el("dt", {}, T.province), el("dd", {}, body.scope || ""),
    body.aliases.length ? [el("dt", {}, T.aliases), el("dd", {}, body.aliases.join("; "))] : null,
    body.part_of.length ? [el("dt", {}, T.partOf),
                           el("dd", {}, body.part_of.map((b) => bodyLink(b.id, b.name)))] : null,
    body.parts.length ? [el("dt", {}, T.parts), el("dd", {}, body.parts.map((b, i) =>
      [i ? "; " : "", bodyLink(b.id, b.name)]))] : null);
  const rows = tasks.data;
  let sorted = rows.slice();
  const tbl = table([
    { key: "role", label: T.role, cell: (t) => T[t.role] || t.role },
    { key: "document", label: T.document, cell: (t) => el("a", {
      href: href(`/ui/document/${enc(t.document)}`, { task: t.task }) }, docCaption({
      id: t.document, number: t.number, year: t.year })) },
    { key: "province", label: T.province },
    { key: "section", label: T.section },
    { key: "text", label: T.text[0].toUpperCase() + T.text.slice(1) },
    { key: "deadline", label: T.deadline },
    { key: "overdue", label: T.flags, cell: flagBadges, sortKey: (t) => (t.overdue ? 1 : 0) },
  ], sorted, { sortable: true, resort: (cmp) => { sorted = sorted.slice().sort(cmp); tbl.setRows(sorted); } });
  tbl.id = "body-tasks";
  add(main, el("h1", {}, body.name, body.collective ? el("span", { class: "origin" }, T.collective) : null),
              dl, el("h2", {}, `${T.bodyTasks} (${tasks.count})`),
              el("p", {}, el("a", { href: `/bodies/${enc(bodyId)}/tasks?format=csv` }, T.csv)), tbl);
}

/* ---------------------------------------------------------------- audits */

function taskColumns() {
  return [
    { key: "document", label: T.document, cell: (t) => el("a", {
      href: href(`/ui/document/${enc(t.document)}`, { task: t.task }) }, docCaption({
      id: t.document, number: t.number, year: t.year })) },
    { key: "section", label: T.section },
    { key: "text", label: T.text[0].toUpperCase() + T.text.slice(1) },
    { key: "deadline", label: T.deadline },
  ];
}

function countLine(count, csvPath) {
  return el("p", {}, el("span", { class: "count", id: "audit-count" }, String(count)), ` ${T.rows} · `,
            el("a", { href: csvPath }, T.csv));
}

/* A horizontal bar chart in SVG: one row per item, stacked values with a legend. */
function barChart(items, series) {
  const NS = "http://www.w3.org/2000/svg";
  const svg = (tag, attrs, text) => {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    return n;
  };
  const labelWidth = 320, barWidth = 520, row = 20, top = 24;
  const max = Math.max(1, ...items.map((it) => series.reduce((s, x) => s + (it[x.key] || 0), 0)));
  const root = svg("svg", { width: labelWidth + barWidth + 60, height: top + row * items.length + 10,
                            role: "img", "aria-label": series.map((s) => s.label).join(", ") });
  let legend = 8;
  for (const s of series) {  // the legend on one line, each label as wide as its text
    root.append(svg("rect", { x: legend, y: 4, width: 12, height: 12, fill: s.color }));
    root.append(svg("text", { x: legend + 16, y: 15, "font-size": 12 }, s.label));
    legend += 16 + 7 * s.label.length + 24;
  }
  items.forEach((it, i) => {
    const y = top + i * row;
    const name = it.label.length > 42 ? `${it.label.slice(0, 41)}…` : it.label;
    root.append(svg("text", { x: labelWidth - 6, y: y + 14, "text-anchor": "end", "font-size": 12 }, name));
    let x = labelWidth;
    for (const s of series) {
      const w = ((it[s.key] || 0) / max) * barWidth;
      if (w > 0) {
        const bar = svg("rect", { x, y: y + 3, width: w, height: row - 6, fill: s.color,
                                  class: "bar", "data-key": s.key, "data-value": it[s.key] });
        bar.append(svg("title", {}, `${it.label}: ${s.label} ${it[s.key]}`));
        root.append(bar);
      }
      x += w;
    }
    const total = series.reduce((sum, s) => sum + (it[s.key] || 0), 0);
    root.append(svg("text", { x: x + 4, y: y + 14, "font-size": 11, fill: "#5b6775" }, String(total)));
  });
  return el("div", { class: "chart" }, root);
}

async function auditPage(main, view) {
  const out = el("div", { id: "audit" });
  add(main, el("h1", {}, T[view]), out);
  const run = async (fn) => {
    out.replaceChildren(el("p", { class: "muted" }, T.loading));
    try { out.replaceChildren(...await fn()); } catch (err) { out.replaceChildren(); fail(out, err); }
  };
  if (view === "unowned") {
    await run(async () => {
      const { data, count } = await apiAll("/audit/unowned", {});
      return [countLine(count, "/audit/unowned?format=csv&limit=500"), table(taskColumns(), data, { class: "audit-rows" })];
    });
  } else if (view === "overdue") {
    const date = el("input", { type: "date", id: "as-of", value: params.get("as_of") || today() });
    const form = el("form", { class: "toolbar" }, el("label", {}, `${T.asOf} `, date),
                    el("button", { type: "submit" }, T.show));
    main.insertBefore(form, out);
    const go = () => run(async () => {
      history.replaceState(null, "", href("/ui/audit/overdue", { as_of: date.value }));
      const { data, count } = await apiAll("/audit/overdue", { as_of: date.value });
      const cols = [...taskColumns(), { key: "owners", label: T.owners, cell: (t) => (t.owners || []).join("; ") }];
      return [countLine(count, `/audit/overdue?format=csv&limit=500&as_of=${date.value}`),
              table(cols, data, { class: "audit-rows" })];
    });
    form.addEventListener("submit", (ev) => { ev.preventDefault(); go(); });
    await go();
  } else if (view === "workload") {
    await run(async () => {
      const { data, count } = await apiAll("/audit/workload", {});
      const chart = barChart(data.slice(0, 25).map((r) => ({ ...r, label: r.name || r.body })), [
        { key: "owned", label: T.owned, color: "#a4161a" },
        { key: "coordinated", label: T.coordinated, color: "#7b8da3" }]);
      return [countLine(count, "/audit/workload?format=csv&limit=500"), chart, table([
        { key: "name", label: T.Body, cell: (r) => bodyLink(r.body, r.name) },
        { key: "scope", label: T.province }, { key: "owned", label: T.owned },
        { key: "coordinated", label: T.coordinated }], data, { class: "audit-rows" })];
    });
  } else if (view === "report") {
    await run(async () => {
      const report = await api("/audit/report");
      const groups = new Map();
      for (const f of report.findings) {
        const key = `${f.severity}\u0000${f.shape}`;
        if (!groups.has(key)) groups.set(key, { severity: f.severity, shape: f.shape, findings: [] });
        groups.get(key).findings.push(f);
      }
      const rank = { Violation: 0, Warning: 1, Info: 2 };
      const rows = [...groups.values()].sort((a, b) => (rank[a.severity] - rank[b.severity])
        || b.findings.length - a.findings.length || a.shape.localeCompare(b.shape));
      const focusLink = (f) => {
        const m = /\/id\/(document|task|target|body)\/(.+)$/.exec(f.focus);
        if (!m) return f.name || f.focus;
        const id = decodeURIComponent(m[2]);
        if (m[1] === "body") return bodyLink(id, f.name);
        if (m[1] === "document") return docLink(id, f.name);
        return el("a", { href: href(`/ui/document/${enc(id.replace(/:[^:]+$/, ""))}`,
                                    m[1] === "task" ? { task: id } : {}) }, f.name || id);
      };
      const counts = Object.entries(report.counts).map(([sev, n]) =>
        el("span", { class: "count", "data-severity": sev }, `${T[sev] || sev}: ${n}`));
      return [el("p", { class: "toolbar" }, counts, el("span", { class: "muted" }, report.engine)),
        table([
          { key: "severity", label: T.severity, cell: (g) => T[g.severity] || g.severity },
          { key: "shape", label: T.shape },
          { key: "message", label: T.message, cell: (g) => g.findings[0][LANG === "en" ? "message_en" : "message_vi"] },
          { key: "count", label: T.rows, cell: (g) => String(g.findings.length) },
          { key: "focus", label: T.focus, cell: (g) => el("details", {}, el("summary", {}, g.findings.length),
              el("ul", {}, g.findings.map((f) => el("li", {}, focusLink(f), f.value ? ` — ${f.value}` : "")))) },
        ], rows, { class: "audit-rows" })];
    });
  } else if (view === "coverage") {
    const docInput = el("input", { type: "text", id: "coverage-doc", value: params.get("document") || "20-NQ/TW" });
    const date = el("input", { type: "date", id: "as-of", value: params.get("as_of") || today() });
    const form = el("form", { class: "toolbar" }, el("label", {}, `${T.coverageOf} `, docInput),
                    el("label", {}, `${T.asOf} `, date), el("button", { type: "submit" }, T.show));
    main.insertBefore(form, out);
    const go = () => run(async () => {
      const q = { document: docInput.value, as_of: date.value };
      history.replaceState(null, "", href("/ui/audit/coverage", q));
      const body = await api(`/audit/coverage?${new URLSearchParams({ ...q, limit: "500" })}`);
      const central = await api(`/documents/${enc(body.document)}`);
      const depth = (r) => Math.min(...r.documents.map((d) => d.depth));
      const direct = body.data.filter((r) => r.covered && depth(r) === 1).length;
      const chart = barChart([{ label: `${body.count} ${T.provinces}`, direct,
                                transitive: body.covered - direct, none: body.count - body.covered }], [
        { key: "direct", label: `${T.covered} (${T.direct})`, color: "#2f7d32" },
        { key: "transitive", label: `${T.covered} (${T.transitive})`, color: "#8bc48a" },
        { key: "none", label: T.notCovered, color: "#d8dee6" }]);
      const rows = body.data.slice().sort((a, b) => Number(b.covered) - Number(a.covered));
      return [el("p", {}, docLink(body.document, docCaption(central)), ": ",
                 el("span", { class: "count", id: "covered-count" }, String(body.covered)),
                 ` / ${body.count} ${T.provinces} · `,
                 el("a", { href: `/audit/coverage?${new URLSearchParams({ ...q, format: "csv", limit: "500" })}` }, T.csv)),
              chart, table([
                { key: "province", label: T.province },
                { key: "covered", label: T.covered, cell: (r) => (r.covered
                  ? `✔ ${depth(r) === 1 ? T.direct : T.transitive}` : "—") },
                { key: "documents", label: T.implementers, cell: (r) => r.documents.map((d, i) =>
                  [i ? "; " : "", docLink(d.id, docCaption(d))]) }], rows, { class: "audit-rows" })];
    });
    form.addEventListener("submit", (ev) => { ev.preventDefault(); go(); });
    await go();
  }
}

/* ---------------------------------------------------------------- cypher */

function cell(v) {
  if (v && typeof v === "object" && v.kind === "node") {
    const p = v.properties || {};
    return `(${(v.labels || []).join(":")} ${p.number || p.name || p.id || v.id})`;
  }
  if (v && typeof v === "object" && v.kind === "relationship") return `[:${v.type}]`;
  return typeof v === "object" && v !== null ? JSON.stringify(v) : String(v ?? "");
}

/* Nodes, relationships and paths anywhere in a result, as Cytoscape elements; a
   relationship is drawn when both its ends are in the result. */
function resultGraph(rows) {
  const nodes = new Map();
  const rels = new Map();
  const visit = (v) => {
    if (Array.isArray(v)) { v.forEach(visit); return; }
    if (!v || typeof v !== "object") return;
    if (v.kind === "node") {
      const p = v.properties || {};
      nodes.set(v.id, { group: "nodes", data: { id: `n${v.id}`,
        caption: `${(v.labels || []).join(":")}\n${p.number || p.name || p.id || v.id}` } });
    } else if (v.kind === "relationship") {
      rels.set(v.id, { group: "edges", data: { id: `r${v.id}`, source: `n${v.start}`,
        target: `n${v.end}`, type: v.type, label: v.type.toLowerCase() } });
    } else if (v.kind === "path") {
      visit(v.nodes); visit(v.relationships);
    } else {
      Object.values(v).forEach(visit);
    }
  };
  visit(rows);
  const edges = [...rels.values()].filter((e) => nodes.has(e.data.source.slice(1))
                                                 && nodes.has(e.data.target.slice(1)));
  return [...nodes.values(), ...edges];
}

async function cypherPage(main) {
  const query = el("textarea", { id: "cypher-query", rows: 6, spellcheck: "false" },
                   params.get("query") || "MATCH (d:Document)-[:IMPLEMENTS]->(r:Document)\nRETURN d.number, r.number LIMIT 25");
  const args = el("textarea", { id: "cypher-params", rows: 2, spellcheck: "false" }, params.get("params") || "{}");
  const out = el("div", { id: "cypher-result", "aria-live": "polite" });
  const form = el("form", {}, el("label", {}, T.query, query), el("label", {}, T.params, args),
                  el("p", {}, el("button", { type: "submit" }, T.run)));
  const named = el("select", { id: "named-query" }, el("option", { value: "" }, "—"));
  add(main, el("h1", {}, "Cypher"), form, out, el("h2", {}, T.namedQueries), named);
  const show = (result) => {
    out.replaceChildren(el("p", { class: "muted" }, `${result.rows.length} ${T.rows}`,
                           result.truncated ? ` (${T.truncated})` : ""),
      table(result.columns.map((c, i) => ({ key: String(i), label: c, cell: (r) => cell(r[i]) })),
            result.rows, { class: "cypher-rows" }));
    const elements = resultGraph(result.rows);
    if (elements.length) {
      const box = el("div", { id: "cypher-graph", class: "graph" });
      out.append(el("h2", {}, T.graphView), box);
      window.policykgConsoleGraph = cytoscape({ container: box, elements, style: graphStyle(),
        layout: { name: "dagre", rankDir: "BT", nodeSep: 30, rankSep: 60, fit: true, padding: 20 },
        minZoom: 0.2, maxZoom: 3 });
      box.dataset.ready = "true";
    }
  };
  const run = async () => {
    history.replaceState(null, "", href("/ui/cypher", { query: query.value, params: args.value }));
    out.replaceChildren(el("p", { class: "muted" }, T.loading));
    try {
      const body = JSON.parse(args.value || "{}");
      show(await api("/cypher", { method: "POST", headers: { "Content-Type": "application/json" },
                                   body: JSON.stringify({ query: query.value, params: body }) }));
    } catch (err) {
      out.replaceChildren(el("p", { class: "error", role: "alert", "data-code": err.code || "" },
        err.code === "write_refused" ? `${T.refused} (${err.status} ${err.code}): ${err.message}` : err.message));
    }
  };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); run(); });
  const list = await api("/queries");
  for (const q of list.data) named.append(el("option", { value: q.name }, `${q.name} — ${q.title}`));
  named.addEventListener("change", () => {
    const q = list.data.find((x) => x.name === named.value);
    named.nextElementSibling?.remove();
    if (!q) return;
    const inputs = q.parameters.map((p) => el("label", {}, `${p.name} (${p.type}) `,
      el("input", { type: "text", name: p.name, value: p.default ?? "", required: p.required })));
    const f = el("form", { class: "panel" }, el("p", {}, q.description), inputs,
                 el("p", {}, el("button", { type: "submit" }, T.run)));
    f.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const qs = new URLSearchParams();
      for (const i of f.querySelectorAll("input")) if (i.value !== "") qs.set(i.name, i.value);
      try { show(await api(`/queries/${enc(q.name)}?${qs}`)); } catch (err) {
        out.replaceChildren(el("p", { class: "error", role: "alert" }, err.message));
      }
    });
    named.after(f);
  });
  if (params.get("query")) await run();
}

/* ---------------------------------------------------------------- start */

async function start() {
  const page = document.body.dataset.page;
  const key = document.body.dataset.key;
  for (const a of document.querySelectorAll("[data-nav]")) {
    a.textContent = T[a.dataset.nav];
    if (a.dataset.nav !== "docs") a.href = href(a.getAttribute("href"));
    if (a.dataset.nav === page || a.dataset.nav === key) a.classList.add("active");
  }
  const toggle = document.getElementById("lang-toggle");
  toggle.textContent = T.other;
  const other = new URLSearchParams(location.search);
  if (LANG === "en") other.delete("lang"); else other.set("lang", "en");
  toggle.href = `${location.pathname}${other.toString() ? `?${other}` : ""}`;
  const main = document.getElementById("main");
  main.replaceChildren();
  const pages = { search: searchPage, document: documentPage, body: bodyPage, audit: auditPage,
                  cypher: cypherPage };
  try {
    await pages[page](main, key);
  } catch (err) {
    fail(main, err);
  }
  document.body.dataset.loaded = "true";
}

document.addEventListener("DOMContentLoaded", start);
