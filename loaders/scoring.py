"""Field-by-field scores of extraction output against hand-annotated gold (pure).

Follows the development set's scorer (``shared/tools/score_extraction.py``)
rule for rule, so ``policykg eval`` and that script print the same figures; a
test keeps the two in agreement.  Scores are micro-averaged over documents:

- ``document``: kind, number, issued, province compared after normalisation;
  issuer by word overlap ≥ 0.75;
- ``references``: sets of ``NUMBER@YEAR`` (a gold reference without a year
  matches a prediction with the same number and any year);
- ``implements``, ``cited_relations``: sets of ids and of (from, rel, to);
- ``tasks``: gold and predicted tasks paired in document order when their
  first words agree; ``owners`` and ``deadlines`` are scored on the pairs (the
  owners and deadlines of unpaired tasks count as missed or spurious);
- ``unowned``: tasks without an owner, found as such;
- ``targets``: sets of (value, year).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

FIELDS = ("document", "references", "implements", "cited_relations",
          "tasks", "owners", "deadlines", "targets", "unowned")

_TONE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
         "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
         "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_ABBR = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân",
         "mttq": "mặt trận tổ quốc", "kh&cn": "khoa học và công nghệ",
         "khcn": "khoa học và công nghệ", "btv": "ban thường vụ",
         "bcs": "ban cán sự", "tw": "trung ương", "đ/c": "đồng chí"}
_PUNCT = re.compile(r"[*_“”\"'()\[\],.;:]")


def _norm(text: object) -> str:
    if text is None:
        return ""
    t = unicodedata.normalize("NFC", str(text)).lower()
    for old, new in _TONE.items():
        t = t.replace(old, new)
    words = [_ABBR.get(w, w) for w in _PUNCT.sub(" ", t).split()]
    return " ".join(" ".join(words).split())


def _similar(a: object, b: object, threshold: float = 0.75) -> bool:
    ta, tb = set(_norm(a).split()), set(_norm(b).split())
    if not ta or not tb:
        return False
    return len(ta & tb) / max(len(ta), len(tb)) >= threshold


def _number(num: object) -> str:
    return unicodedata.normalize("NFC", str(num)).upper().replace(" ", "") if num else ""


def _doc_key(number: object, issued: object) -> str:
    year = str(issued or "")[:4]
    return f"{_number(number)}@{year}" if year else _number(number)


def _id(ref: str) -> str:
    number, _, year = ref.partition("@")
    return f"{_number(number)}@{year}" if year else _number(number)


@dataclass
class Tally:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add_sets(self, gold: set[Any], pred: set[Any]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _refs(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[set[str], set[str]]:
    g = {_doc_key(r.get("number"), r.get("issued")) for r in gold}
    p = {_doc_key(r.get("number"), r.get("issued")) for r in pred}
    loose = {k for k in g if "@" not in k}
    adjusted = set()
    for k in p:
        base = k.split("@")[0]
        adjusted.add(base if k not in g and base in loose else k)
    return g, adjusted


def _bodies(gold: list[str], pred: list[str]) -> tuple[int, int, int]:
    used: set[int] = set()
    tp = 0
    for gb in gold:
        for i, pb in enumerate(pred):
            if i not in used and _similar(gb, pb):
                used.add(i)
                tp += 1
                break
    return tp, len(pred) - tp, len(gold) - tp


def _pair_tasks(gold: list[dict[str, Any]],
                pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, gt in enumerate(gold):
        gw = _norm(gt.get("starts_with")).split()[:5]
        for pi, pt in enumerate(pred):
            if pi in used:
                continue
            pw = _norm(pt.get("starts_with") or pt.get("text") or "").split()[:8]
            n = min(len(gw), len(pw))
            if n >= 3 and gw[:n] == pw[:n]:
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


def _target_key(t: Mapping[str, Any]) -> tuple[str, Any]:
    return re.sub(r"\s", "", str(t.get("value", ""))).replace(",", "."), t.get("year")


@dataclass(frozen=True)
class Miss:
    """One difference from the gold: a fact missed, a spurious one, or one wrong."""

    document: str
    field: str
    kind: str  # "missed" | "spurious" | "wrong"
    gold: str | None = None
    predicted: str | None = None


class _Document:
    """The tallies and misses of one document."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.tally = {field: Tally() for field in FIELDS}
        self.misses: list[Miss] = []

    def miss(self, field: str, kind: str, gold: object = None, predicted: object = None) -> None:
        self.misses.append(Miss(self.name, field, kind,
                                None if gold is None else str(gold),
                                None if predicted is None else str(predicted)))

    def sets(self, field: str, gold: set[Any], pred: set[Any]) -> None:
        self.tally[field].add_sets(gold, pred)
        for item in sorted(gold - pred, key=str):
            self.miss(field, "missed", gold=_shown(item))
        for item in sorted(pred - gold, key=str):
            self.miss(field, "spurious", predicted=_shown(item))


def _shown(item: object) -> str:
    if isinstance(item, tuple):
        return " ".join("∅" if part is None else str(part) for part in item)
    return str(item)


def _score_document(d: _Document, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    gd, pd = gold.get("document") or {}, pred.get("document") or {}
    t = d.tally["document"]
    for key in ("kind", "number", "issued", "issuer", "province"):
        gv, pv = gd.get(key), pd.get(key)
        if gv is None and pv is None:
            continue
        ok = _similar(gv, pv) if key == "issuer" else _norm(gv) == _norm(pv)
        if gv is None:
            t.add(fp=1)
            d.miss("document", "spurious", predicted=f"{key}={pv}")
        elif ok:
            t.add(tp=1)
        else:
            t.add(fn=1, fp=int(pv is not None))
            d.miss("document", "wrong" if pv is not None else "missed",
                   gold=f"{key}={gv}", predicted=None if pv is None else f"{key}={pv}")


def _task_label(task: Mapping[str, Any]) -> str:
    section = task.get("section") or ""
    text = " ".join(str(task.get("starts_with") or task.get("text") or "").split()[:8])
    return f"{section} {text}".strip()


def _score_tasks(d: _Document, gt: list[dict[str, Any]], pt: list[dict[str, Any]]) -> None:
    t = d.tally
    pairs = _pair_tasks(gt, pt)
    t["tasks"].add(tp=len(pairs), fp=len(pt) - len(pairs), fn=len(gt) - len(pairs))
    for gi, pi in pairs:
        g_owners, p_owners = gt[gi].get("owners", []), pt[pi].get("owners", [])
        tp, fp, fn = _bodies(g_owners, p_owners)
        t["owners"].add(tp, fp, fn)
        if fp or fn:
            d.miss("owners", "wrong", gold=f"{_task_label(gt[gi])}: {g_owners}",
                   predicted=str(p_owners))
        gdl, pdl = gt[gi].get("deadline"), pt[pi].get("deadline")
        if gdl or pdl:
            if gdl and pdl and _norm(gdl) == _norm(pdl):
                t["deadlines"].add(tp=1)
            else:
                t["deadlines"].add(fn=int(bool(gdl)), fp=int(bool(pdl)))
                d.miss("deadlines", "wrong", gold=f"{_task_label(gt[gi])}: {gdl}",
                       predicted=str(pdl))
    paired_g = {gi for gi, _ in pairs}
    paired_p = {pi: gi for gi, pi in pairs}
    for gi, g in enumerate(gt):
        if gi not in paired_g:
            t["owners"].add(fn=len(g.get("owners", [])))
            t["deadlines"].add(fn=int(bool(g.get("deadline"))))
            d.miss("tasks", "missed", gold=_task_label(g))
    for pi, p in enumerate(pt):
        if pi not in paired_p:
            t["owners"].add(fp=len(p.get("owners", [])))
            t["deadlines"].add(fp=int(bool(p.get("deadline"))))
            d.miss("tasks", "spurious", predicted=_task_label(p))
    by_gold = dict(pairs)
    for gi, g in enumerate(gt):
        match = by_gold.get(gi)
        found_unowned = match is not None and not pt[match].get("owners")
        if not g.get("owners"):
            t["unowned"].add(tp=int(found_unowned), fn=int(not found_unowned))
        elif found_unowned:
            t["unowned"].add(fp=1)


@dataclass(frozen=True)
class Scores:
    """Per-field and overall precision, recall and F1, per document as well; gold files
    with no prediction; every difference from the gold."""

    fields: dict[str, tuple[float, float, float]]
    overall: tuple[float, float, float]
    missing: tuple[str, ...]
    documents: dict[str, dict[str, tuple[float, float, float]]] = field(default_factory=dict)
    misses: tuple[Miss, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            name: _rounded(prf) for name, prf in (*self.fields.items(), ("overall", self.overall))
        }
        out["missing_predictions"] = list(self.missing)
        out["documents"] = {doc: {name: _rounded(prf) for name, prf in fields.items()}
                            for doc, fields in self.documents.items()}
        out["misses"] = [asdict(m) for m in self.misses]
        return out

    def lines(self) -> list[str]:
        """The report, line for line as the development set's scorer prints it."""
        out = [f"{name:16} P={p:.3f} R={r:.3f} F1={f:.3f}"
               for name, (p, r, f) in (*self.fields.items(), ("overall", self.overall))]
        if self.missing:
            out.append("no prediction for: " + ", ".join(self.missing))
        out.append(f"overall F1 {self.overall[2]:.3f}")
        return out


def _rounded(prf: tuple[float, float, float]) -> dict[str, float]:
    return dict(zip(("precision", "recall", "f1"), (round(v, 3) for v in prf), strict=True))


def score(gold_docs: Iterable[dict[str, Any]], predictions: Mapping[str, dict[str, Any]]) -> Scores:
    """Score ``predictions`` (by file base name) against ``gold_docs``."""
    t = {name: Tally() for name in FIELDS}
    missing: list[str] = []
    documents: dict[str, dict[str, tuple[float, float, float]]] = {}
    misses: list[Miss] = []
    for gold in gold_docs:
        name = str(gold["file"]).rsplit("/", 1)[-1]
        pred = predictions.get(name)
        if pred is None:
            missing.append(name)
            pred = {}
        d = _Document(name)
        _score_document(d, gold, pred)
        d.sets("references", *_refs(gold.get("references", []), pred.get("references", [])))
        d.sets("implements", {_id(x) for x in gold.get("implements", [])},
               {_id(x) for x in pred.get("implements", [])})

        def rel(r: Mapping[str, Any]) -> tuple[str, str, str]:
            return _id(r["from"]), r.get("rel", "implements"), _id(r["to"])

        d.sets("cited_relations", {rel(r) for r in gold.get("cited_relations", [])},
               {rel(r) for r in pred.get("cited_relations", [])})
        _score_tasks(d, gold.get("tasks", []), pred.get("tasks", []))
        d.sets("targets", {_target_key(x) for x in gold.get("targets", [])},
               {_target_key(x) for x in pred.get("targets", [])})
        for name_, tally in d.tally.items():
            t[name_].add(tally.tp, tally.fp, tally.fn)
        documents[name] = {f: d.tally[f].prf() for f in FIELDS}
        misses += d.misses
    total = Tally()
    for tally in t.values():
        total.add(tally.tp, tally.fp, tally.fn)
    return Scores({name: t[name].prf() for name in FIELDS}, total.prf(), tuple(missing),
                  documents, tuple(misses))
