// name: shape_implements_not_older
// title: Rule ImplementsNotOlder — an implementing document is not older
// description: Documents issued before a document they implement (pkgsh:ImplementsNotOlder); the value is the newer issue date.
// param: ids list = null — only these focus node ids; null: every document
MATCH (d:Document)-[:IMPLEMENTS]->(x)
WHERE ($ids IS NULL OR d.id IN $ids) AND d.issued IS NOT NULL AND x.issued IS NOT NULL
  AND x.issued > d.issued
RETURN DISTINCT d.id AS focus, x.issued AS value, null AS value_label
