// name: shape_central_implements_national
// title: Rule CentralImplementsNational — a central document implements only national ones
// description: Documents of the central scope (the shape's sh:hasValue) implementing a document whose scope is not national (not in the shape's sh:in list) (pkgsh:CentralImplementsNational).
// param: ids list = null — only these focus node ids; null: every document
// param: has_value string = null — the central scope, "tw" (run_rules passes it)
// param: in_values list = null — the national scopes (run_rules passes them)
MATCH (d:Document)-[:IMPLEMENTS]->(x)
WHERE ($ids IS NULL OR d.id IN $ids) AND d.scope = $has_value
  AND x.scope IS NOT NULL AND NOT x.scope IN $in_values
RETURN DISTINCT d.id AS focus, null AS value, null AS value_label
