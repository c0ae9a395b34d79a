// Schema of the graph on Neo4j, applied by Neo4jStore.ensure_schema().
// A uniqueness constraint brings its own index.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT body_id IF NOT EXISTS FOR (n:Body) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT target_id IF NOT EXISTS FOR (n:Target) REQUIRE n.id IS UNIQUE;
CREATE INDEX document_number IF NOT EXISTS FOR (n:Document) ON (n.number);
CREATE INDEX document_number_key IF NOT EXISTS FOR (n:Document) ON (n.number_key);
CREATE INDEX task_document_id IF NOT EXISTS FOR (n:Task) ON (n.document_id);
// Full-text indexes on the folded search keys (policykg.queries.search); the keys are
// already folded words, which the whitespace analyser keeps as they are.
CREATE FULLTEXT INDEX search_document IF NOT EXISTS FOR (n:Document) ON EACH [n.search] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE FULLTEXT INDEX search_body IF NOT EXISTS FOR (n:Body) ON EACH [n.search] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE FULLTEXT INDEX search_task IF NOT EXISTS FOR (n:Task) ON EACH [n.search] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
// Indexes are built in the background: searched at once, a new one must be online.
CALL db.awaitIndexes(300);
