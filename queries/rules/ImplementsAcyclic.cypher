// name: shape_implements_acyclic
// title: Rule ImplementsAcyclic — no implements cycles
// description: Documents that implement themselves through a chain of IMPLEMENTS edges (pkgsh:ImplementsAcyclic).
// param: ids list = null — only these focus node ids; null: every document
MATCH (d:Document)-[:IMPLEMENTS]->()
WHERE $ids IS NULL OR d.id IN $ids
WITH DISTINCT d
MATCH (d)-[:IMPLEMENTS*1..]->(d)
RETURN DISTINCT d.id AS focus, null AS value, null AS value_label
