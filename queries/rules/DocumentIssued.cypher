// name: shape_document_issued
// title: Rule DocumentIssued — a loaded document has an issue date
// description: Documents that are not stubs and have no issue date (pkgsh:DocumentIssued).
// param: ids list = null — only these focus node ids; null: every document
MATCH (d:Document)
WHERE ($ids IS NULL OR d.id IN $ids) AND NOT coalesce(d.stub, false) AND d.issued IS NULL
RETURN d.id AS focus, null AS value, null AS value_label
