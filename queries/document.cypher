// name: document
// title: One document
// description: A document by id: its properties, the name of the body that issued it, whether it is a stub (cited but not loaded), and how many tasks and targets it sets.
// param: id string — the document id, e.g. tw:2012:20-nq-tw
MATCH (d:Document {id: $id})
OPTIONAL MATCH (d)-[:ISSUED_BY]->(b:Body)
WITH d, collect(DISTINCT b.name) AS issuers
OPTIONAL MATCH (d)-[:ASSIGNS]->(t:Task)
WITH d, issuers, count(DISTINCT t) AS tasks
OPTIONAL MATCH (d)-[:SETS_TARGET]->(g:Target)
WITH d, issuers, tasks, count(DISTINCT g) AS targets
RETURN d {.*, issuer: coalesce(d.issuer_name, issuers[0]), stub: coalesce(d.stub, false),
          tasks: tasks, targets: targets} AS document
