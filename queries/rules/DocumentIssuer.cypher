// name: shape_document_issuer
// title: Rule DocumentIssuer — a loaded document has an issuer
// description: Documents that are not stubs and have no ISSUED_BY edge (pkgsh:DocumentIssuer).
// param: ids list = null — only these focus node ids; null: every document
MATCH (d:Document)
WHERE ($ids IS NULL OR d.id IN $ids) AND NOT coalesce(d.stub, false)
OPTIONAL MATCH (d)-[i:ISSUED_BY]->()
WITH d, i
WHERE i IS NULL
RETURN d.id AS focus, null AS value, null AS value_label
