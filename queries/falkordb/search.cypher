// name: search_page
// title: Search by index
// description: The documents, bodies and tasks whose folded search key matches a full-text query, by the full-text index of each label (the first scan matches of each): how many (found), and the best window, ranked by how the key matches one of the phrases (100 equal, 80 starts with it, 60 holds it, 40 holds the words), plus the label's bonus, plus the index's score s as s / (1 + s); with what captions need.
// param: query string — a RediSearch query over folded words (policykg.queries.search.index_query)
// param: phrases list — the folded phrases the query asks for, words separated by one space
// param: bonus map — points added to the rank of each label: {Document, Body, Task}
// param: scan integer = 500 — at most this many matches of each label counted and ranked
// param: window integer = 20 — at most this many nodes returned
CALL {
    CALL db.idx.fulltext.queryNodes('Document', $query) YIELD node
    WITH node LIMIT $scan
    RETURN count(node) AS n
    UNION ALL
    CALL db.idx.fulltext.queryNodes('Body', $query) YIELD node
    WITH node LIMIT $scan
    RETURN count(node) AS n
    UNION ALL
    CALL db.idx.fulltext.queryNodes('Task', $query) YIELD node
    WITH node LIMIT $scan
    RETURN count(node) AS n
}
WITH sum(n) AS found
CALL {
    CALL db.idx.fulltext.queryNodes('Document', $query) YIELD node, score
    WITH node, score LIMIT $scan
    WITH node, score, ' ' + node.search + ' ' AS key
    WITH node, score, $bonus.Document + CASE
        WHEN node.search IN $phrases THEN 100
        WHEN any(p IN $phrases WHERE node.search STARTS WITH (p + ' ')) THEN 80
        WHEN any(p IN $phrases WHERE key CONTAINS (' ' + p + ' ')) THEN 60
        ELSE 40 END AS rank
    ORDER BY rank DESC, score DESC, node.id LIMIT $window
    RETURN 'Document' AS label, rank + score / (1 + score) AS rank,
           node {.id, .number, .kind, .year, .province, .title} AS props
    UNION ALL
    CALL db.idx.fulltext.queryNodes('Body', $query) YIELD node, score
    WITH node, score LIMIT $scan
    WITH node, score, ' ' + node.search + ' ' AS key
    WITH node, score, $bonus.Body + CASE
        WHEN node.search IN $phrases THEN 100
        WHEN any(p IN $phrases WHERE node.search STARTS WITH (p + ' ')) THEN 80
        WHEN any(p IN $phrases WHERE key CONTAINS (' ' + p + ' ')) THEN 60
        ELSE 40 END AS rank
    ORDER BY rank DESC, score DESC, node.id LIMIT $window
    RETURN 'Body' AS label, rank + score / (1 + score) AS rank,
           node {.id, .name, .scope, .aliases} AS props
    UNION ALL
    CALL db.idx.fulltext.queryNodes('Task', $query) YIELD node, score
    WITH node, score LIMIT $scan
    WITH node, score, ' ' + node.search + ' ' AS key
    WITH node, score, $bonus.Task + CASE
        WHEN node.search IN $phrases THEN 100
        WHEN any(p IN $phrases WHERE node.search STARTS WITH (p + ' ')) THEN 80
        WHEN any(p IN $phrases WHERE key CONTAINS (' ' + p + ' ')) THEN 60
        ELSE 40 END AS rank
    ORDER BY rank DESC, score DESC, node.id LIMIT $window
    RETURN 'Task' AS label, rank + score / (1 + score) AS rank,
           node {.id, .text, .document_id} AS props
}
WITH found, label, rank, props ORDER BY rank DESC, props.id LIMIT $window
RETURN found, label, rank, props
