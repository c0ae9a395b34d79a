// name: shape_document_kind
// title: Rule DocumentKind — a loaded document has one known kind
// description: Documents that are not stubs whose kind is missing or not one of the kinds the shape lists (pkgsh:DocumentKind).
// param: ids list = null — only these focus node ids; null: every document
// param: in_values list = null — the document kinds of the shape's sh:in list (run_rules passes them)
MATCH (d:Document)
WHERE ($ids IS NULL OR d.id IN $ids) AND NOT coalesce(d.stub, false)
  AND (d.kind IS NULL OR NOT d.kind IN $in_values)
RETURN d.id AS focus, d.kind AS value, null AS value_label
