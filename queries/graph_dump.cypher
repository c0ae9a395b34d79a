// name: dump_nodes
// title: All nodes, a page at a time
// description: Every node as its label and properties, in a stable order (label, id), for the RDF export.
// param: skip integer = 0 — skip this many nodes first
// param: limit integer = 10000 — at most this many nodes
MATCH (n)
WITH labels(n)[0] AS label, n
ORDER BY label, n.id
SKIP $skip LIMIT $limit
RETURN label, properties(n) AS props

// name: dump_relationships
// title: All relationships, a page at a time
// description: Every relationship as its type, the ids of its ends and its properties, in a stable order, for the RDF export.
// param: skip integer = 0 — skip this many relationships first
// param: limit integer = 10000 — at most this many relationships
MATCH (a)-[r]->(b)
WITH type(r) AS type, a.id AS source, b.id AS target, r
ORDER BY type, source, target, r.asserted_by, r.span_start
SKIP $skip LIMIT $limit
RETURN type, source, target, properties(r) AS props

// name: count_relationships
// title: Number of relationships
// description: How many relationships the graph holds, of any type: with count_nodes, the items an export reads.
MATCH ()-[r]->()
RETURN count(r) AS n
