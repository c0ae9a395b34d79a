// name: nodes_by_id
// title: Nodes by id
// description: The label and properties of the nodes with these ids, of any label (found through the id indexes).
// param: ids list = [] — node ids
UNWIND $ids AS id
OPTIONAL MATCH (d:Document {id: id})
OPTIONAL MATCH (t:Task {id: id})
OPTIONAL MATCH (g:Target {id: id})
OPTIONAL MATCH (b:Body {id: id})
WITH coalesce(d, t, g, b) AS n
WHERE n IS NOT NULL
RETURN labels(n)[0] AS label, properties(n) AS props

// name: node_names
// title: Names of nodes
// description: What a report needs to name nodes, by label: a document's number, title, year, kind and province; a task's section, first characters and document id; a target's value, unit and metric; a body's name and scope.
// param: documents list = [] — document ids
// param: tasks list = [] — task ids
// param: targets list = [] — target ids
// param: bodies list = [] — body ids
UNWIND $documents AS id
MATCH (n:Document {id: id})
RETURN 'Document' AS label, n.id AS id, n.number AS number, n.title AS title, n.year AS year,
       n.kind AS kind, n.province AS province, null AS scope,
       null AS section, null AS text, null AS document_id, null AS value, null AS unit,
       null AS metric, null AS name
UNION ALL
UNWIND $tasks AS id
MATCH (n:Task {id: id})
OPTIONAL MATCH (d:Document)-[:ASSIGNS]->(n)
RETURN 'Task' AS label, n.id AS id, null AS number, null AS title, null AS year,
       null AS kind, null AS province, null AS scope,
       n.section AS section, left(n.text, 200) AS text, d.id AS document_id, null AS value,
       null AS unit, null AS metric, null AS name
UNION ALL
UNWIND $targets AS id
MATCH (n:Target {id: id})
RETURN 'Target' AS label, n.id AS id, null AS number, null AS title, null AS year,
       null AS kind, null AS province, null AS scope,
       null AS section, n.text AS text, null AS document_id, n.value AS value, n.unit AS unit,
       n.metric AS metric, null AS name
UNION ALL
UNWIND $bodies AS id
MATCH (n:Body {id: id})
RETURN 'Body' AS label, n.id AS id, null AS number, null AS title, null AS year,
       null AS kind, null AS province, n.scope AS scope,
       null AS section, null AS text, null AS document_id, null AS value, null AS unit,
       null AS metric, n.name AS name

// name: audit_unowned
// title: Tasks without an owner
// description: Tasks with no OWNED_BY edge, with the document that assigns them and their section, ordered by document then position, one page at a time.
// param: document string = null — only the tasks of this document (an id)
// param: scope string = null — only the tasks of documents of this scope (tw, a province slug)
// param: limit integer = 50 — at most this many tasks
// param: offset integer = 0 — skip this many tasks first
MATCH (t:Task)
OPTIONAL MATCH (t)-[o:OWNED_BY]->()
WITH t, o
WHERE o IS NULL
MATCH (d:Document)-[:ASSIGNS]->(t)
WHERE ($document IS NULL OR d.id = $document) AND ($scope IS NULL OR d.scope = $scope)
WITH d, t
ORDER BY d.id, t.ordinal, t.id
SKIP $offset LIMIT $limit
RETURN t.id AS task, t.section AS section, t.text AS text, t.deadline AS deadline,
       d.id AS document, d.number AS number, d.year AS year, d.kind AS kind,
       d.province AS province, d.title AS title

// name: audit_unowned_count
// title: Number of tasks without an owner
// description: How many tasks have no OWNED_BY edge (of a document, of a scope).
// param: document string = null — only the tasks of this document (an id)
// param: scope string = null — only the tasks of documents of this scope (tw, a province slug)
MATCH (t:Task)
OPTIONAL MATCH (t)-[o:OWNED_BY]->()
WITH t, o
WHERE o IS NULL
MATCH (d:Document)-[:ASSIGNS]->(t)
WHERE ($document IS NULL OR d.id = $document) AND ($scope IS NULL OR d.scope = $scope)
RETURN count(DISTINCT t) AS count

// name: audit_overdue
// title: Overdue tasks
// description: Tasks whose deadline period (YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD) ended before the given date: a deadline is due at the end of its period (a quarter at the end of its last month); recurring tasks are never overdue. Ordered by deadline, document, position; one page at a time.
// param: as_of string — the date, YYYY-MM-DD
// param: document string = null — only the tasks of this document (an id)
// param: scope string = null — only the tasks of documents of this scope (tw, a province slug)
// param: limit integer = 50 — at most this many tasks
// param: offset integer = 0 — skip this many tasks first
MATCH (d:Document)-[:ASSIGNS]->(t:Task)
WHERE t.deadline IS NOT NULL AND NOT coalesce(t.recurring, false)
  AND ($document IS NULL OR d.id = $document) AND ($scope IS NULL OR d.scope = $scope)
WITH d, t, CASE right(t.deadline, 3)
             WHEN '-Q1' THEN left(t.deadline, size(t.deadline) - 3) + '-03'
             WHEN '-Q2' THEN left(t.deadline, size(t.deadline) - 3) + '-06'
             WHEN '-Q3' THEN left(t.deadline, size(t.deadline) - 3) + '-09'
             WHEN '-Q4' THEN left(t.deadline, size(t.deadline) - 3) + '-12'
             ELSE t.deadline END AS period_end
WHERE size(period_end) IN [4, 7, 10]
  AND all(i IN range(0, size(period_end) - 1) WHERE
          CASE WHEN i = 4 OR i = 7 THEN substring(period_end, i, 1) = '-'
               ELSE substring(period_end, i, 1) >= '0' AND substring(period_end, i, 1) <= '9' END)
  AND period_end < substring($as_of, 0, size(period_end))
WITH d, t
ORDER BY t.deadline, d.id, t.ordinal, t.id
SKIP $offset LIMIT $limit
RETURN t.id AS task, t.deadline AS deadline, t.section AS section, t.text AS text,
       d.id AS document, d.number AS number, d.year AS year, d.kind AS kind,
       d.province AS province, d.title AS title,
       [(t)-[:OWNED_BY]->(b:Body) | {id: b.id, name: b.name, scope: b.scope}] AS owners

// name: audit_overdue_count
// title: Number of overdue tasks
// description: How many tasks the overdue query lists for the given date.
// param: as_of string — the date, YYYY-MM-DD
// param: document string = null — only the tasks of this document (an id)
// param: scope string = null — only the tasks of documents of this scope (tw, a province slug)
MATCH (d:Document)-[:ASSIGNS]->(t:Task)
WHERE t.deadline IS NOT NULL AND NOT coalesce(t.recurring, false)
  AND ($document IS NULL OR d.id = $document) AND ($scope IS NULL OR d.scope = $scope)
WITH t, CASE right(t.deadline, 3)
          WHEN '-Q1' THEN left(t.deadline, size(t.deadline) - 3) + '-03'
          WHEN '-Q2' THEN left(t.deadline, size(t.deadline) - 3) + '-06'
          WHEN '-Q3' THEN left(t.deadline, size(t.deadline) - 3) + '-09'
          WHEN '-Q4' THEN left(t.deadline, size(t.deadline) - 3) + '-12'
          ELSE t.deadline END AS period_end
WHERE size(period_end) IN [4, 7, 10]
  AND all(i IN range(0, size(period_end) - 1) WHERE
          CASE WHEN i = 4 OR i = 7 THEN substring(period_end, i, 1) = '-'
               ELSE substring(period_end, i, 1) >= '0' AND substring(period_end, i, 1) <= '9' END)
  AND period_end < substring($as_of, 0, size(period_end))
RETURN count(DISTINCT t) AS count

// name: audit_workload
// title: Workload per body
// description: For every body that owns or coordinates a task: how many tasks it owns and how many it coordinates, most owned first; one page at a time.
// param: scope string = null — only the bodies of this scope (tw, a province slug)
// param: limit integer = 50 — at most this many bodies
// param: offset integer = 0 — skip this many bodies first
MATCH (b:Body)
WHERE $scope IS NULL OR b.scope = $scope
OPTIONAL MATCH (b)<-[:OWNED_BY]-(t:Task)
WITH b, count(DISTINCT t) AS owned
OPTIONAL MATCH (b)<-[:COORDINATED_BY]-(c:Task)
WITH b, owned, count(DISTINCT c) AS coordinated
WHERE owned + coordinated > 0
WITH b, owned, coordinated
ORDER BY owned DESC, coordinated DESC, b.id
SKIP $offset LIMIT $limit
RETURN b.id AS body, b.name AS name, b.scope AS scope, coalesce(b.collective, false) AS collective,
       owned, coordinated

// name: audit_workload_count
// title: Number of bodies with tasks
// description: How many bodies own or coordinate at least one task (of a scope).
// param: scope string = null — only the bodies of this scope (tw, a province slug)
MATCH (b:Body)
WHERE $scope IS NULL OR b.scope = $scope
OPTIONAL MATCH (b)<-[r:OWNED_BY|COORDINATED_BY]-(:Task)
WITH b, count(r) AS tasks
WHERE tasks > 0
RETURN count(b) AS count

// name: audit_unresolved
// title: Documents with unresolved or ambiguous citations
// description: Documents that cite a document their citation could not resolve ("unresolved") or could name several ("ambiguous"), each with those citations; ordered by id, one page at a time.
// param: limit integer = 50 — at most this many documents
// param: offset integer = 0 — skip this many documents first
MATCH (d:Document)-[r:CITES]->(c:Document)
WHERE r.resolution IN ['unresolved', 'ambiguous']
WITH d, c, r
ORDER BY c.id
WITH d, collect({cited: c.id, number: c.number, resolution: r.resolution}) AS citations
ORDER BY d.id
SKIP $offset LIMIT $limit
RETURN d.id AS document, d.number AS number, d.year AS year, d.kind AS kind,
       d.province AS province, d.title AS title, citations

// name: audit_unresolved_count
// title: Number of documents with unresolved or ambiguous citations
// description: How many documents the unresolved query lists.
MATCH (d:Document)-[r:CITES]->(:Document)
WHERE r.resolution IN ['unresolved', 'ambiguous']
RETURN count(DISTINCT d) AS count

// name: audit_coverage
// title: Documents implementing a document, with their provinces
// description: The documents of a province implementing the given one, directly or through a chain of up to 20 IMPLEMENTS edges, each with its shortest chain's length (depth), nearest first; queries.audit.coverage sets them against the map of provinces.
// param: id string — the implemented (central) document's id
MATCH (x:Document {id: $id})
MATCH path = (d:Document)-[:IMPLEMENTS*1..20]->(x)
WHERE d.province IS NOT NULL
WITH d, min(length(path)) AS depth
RETURN d.id AS id, d.number AS number, d.year AS year, d.kind AS kind, d.title AS title,
       d.province AS province, depth
ORDER BY depth, id

// name: audit_provinces
// title: Provinces of the graph's documents
// description: The distinct provinces written on the graph's documents.
MATCH (d:Document)
WHERE d.province IS NOT NULL
RETURN DISTINCT d.province AS province
ORDER BY province
