// Schema of the graph on Neo4j, applied by Neo4jStore.ensure_schema().
// A uniqueness constraint brings its own index.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT body_id IF NOT EXISTS FOR (n:Body) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT target_id IF NOT EXISTS FOR (n:Target) REQUIRE n.id IS UNIQUE;
CREATE INDEX document_number IF NOT EXISTS FOR (n:Document) ON (n.number);
CREATE INDEX document_number_key IF NOT EXISTS FOR (n:Document) ON (n.number_key);
CREATE INDEX task_document_id IF NOT EXISTS FOR (n:Task) ON (n.document_id);
