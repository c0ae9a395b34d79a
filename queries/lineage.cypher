// name: lineage
// title: What a document implements
// description: The document (depth 0) and every document it implements, transitively up to 20 steps, each with its shortest distance; each row carries the node's distinct IMPLEMENTS edges within the result (several assertions of one edge count once). Rows are ordered by depth, then id.
// param: id string — the document id
MATCH (start:Document {id: $id})
OPTIONAL MATCH p = (start)-[:IMPLEMENTS*1..20]->(up:Document)
WITH start, up, min(length(p)) AS depth
WITH start, collect({node: up, depth: depth}) AS found
WITH [{node: start, depth: 0}] + [f IN found WHERE f.node IS NOT NULL] AS rows
WITH rows, [r IN rows | r.node.id] AS ids
UNWIND rows AS row
WITH row.node AS n, row.depth AS depth, ids
OPTIONAL MATCH (n)-[:IMPLEMENTS]->(parent:Document)
WHERE parent.id IN ids
WITH n, depth, collect(DISTINCT parent.id) AS parents
RETURN properties(n) AS node, depth, [pid IN parents | {from: n.id, to: pid}] AS edges
ORDER BY depth, n.id
