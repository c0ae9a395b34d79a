// Schema of the graph on FalkorDB, applied by FalkorDBStore.ensure_schema().
// Exact-match (range) indexes are Cypher; unique constraints are not Cypher on
// FalkorDB but the GRAPH.CONSTRAINT CREATE command, one per `// unique:` line,
// created after the index on the same property.
CREATE INDEX FOR (n:Document) ON (n.id);
CREATE INDEX FOR (n:Body) ON (n.id);
CREATE INDEX FOR (n:Task) ON (n.id);
CREATE INDEX FOR (n:Target) ON (n.id);
CREATE INDEX FOR (n:Document) ON (n.number);
CREATE INDEX FOR (n:Document) ON (n.number_key);
CREATE INDEX FOR (n:Task) ON (n.document_id);
// unique: Document(id)
// unique: Body(id)
// unique: Task(id)
// unique: Target(id)
// Full-text indexes on the folded search keys (policykg.queries.search): no stemming,
// no stop words (folded Vietnamese is no language RediSearch knows).
CALL db.idx.fulltext.createNodeIndex({label: 'Document', stopwords: []}, {field: 'search', nostem: true});
CALL db.idx.fulltext.createNodeIndex({label: 'Body', stopwords: []}, {field: 'search', nostem: true});
CALL db.idx.fulltext.createNodeIndex({label: 'Task', stopwords: []}, {field: 'search', nostem: true});
