// name: shape_citation_resolved
// title: Rule CitationResolved — every citation is resolved
// description: Documents with a CITES edge whose resolution is one of the shape's sh:in values, "ambiguous" or "unresolved" (pkgsh:CitationResolved).
// param: ids list = null — only these focus node ids; null: every document
// param: in_values list = null — the resolutions that make a finding (run_rules passes them)
MATCH (d:Document)-[r:CITES]->()
WHERE ($ids IS NULL OR d.id IN $ids) AND r.resolution IN $in_values
RETURN DISTINCT d.id AS focus, r.resolution AS value, null AS value_label
