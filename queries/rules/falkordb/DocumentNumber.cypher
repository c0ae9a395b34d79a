// name: shape_document_number
// title: Rule DocumentNumber — a number is in the Party or the State form
// description: Documents whose number matches none of the shape's sh:pattern regular expressions (pkgsh:DocumentNumber); FalkorDB has no =~, so string.matchRegEx.
// param: ids list = null — only these focus node ids; null: every document
// param: patterns list = null — the shape's sh:pattern regular expressions, anchored (run_rules passes them)
MATCH (d:Document)
WHERE ($ids IS NULL OR d.id IN $ids) AND d.number IS NOT NULL
  AND none(p IN $patterns WHERE size(string.matchRegEx(d.number, p)) > 0)
RETURN d.id AS focus, d.number AS value, null AS value_label
