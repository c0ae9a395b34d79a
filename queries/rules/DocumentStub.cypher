// name: shape_document_stub
// title: Rule DocumentStub — a document cited but not loaded
// description: Stub documents (stub = true): cited, their text not loaded (pkgsh:DocumentStub).
// param: ids list = null — only these focus node ids; null: every document
MATCH (d:Document)
WHERE ($ids IS NULL OR d.id IN $ids) AND d.stub = true
RETURN d.id AS focus, 'true' AS value, null AS value_label
