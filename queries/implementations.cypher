// name: implementations
// title: What implements a document
// description: The document (depth 0) and every document that implements it, transitively up to 20 steps, each with its shortest distance; each row carries the node's distinct incoming IMPLEMENTS edges within the result (several assertions of one edge count once). Rows are ordered by depth, then id.
// param: id string — the document id
MATCH (start:Document {id: $id})
OPTIONAL MATCH p = (start)<-[:IMPLEMENTS*1..20]-(down:Document)
WITH start, down, min(length(p)) AS depth
WITH start, collect({node: down, depth: depth}) AS found
WITH [{node: start, depth: 0}] + [f IN found WHERE f.node IS NOT NULL] AS rows
WITH rows, [r IN rows | r.node.id] AS ids
UNWIND rows AS row
WITH row.node AS n, row.depth AS depth, ids
OPTIONAL MATCH (n)<-[:IMPLEMENTS]-(child:Document)
WHERE child.id IN ids
WITH n, depth, collect(DISTINCT child.id) AS children
RETURN properties(n) AS node, depth, [cid IN children | {from: cid, to: n.id}] AS edges
ORDER BY depth, n.id
