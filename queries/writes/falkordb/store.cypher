// name: create_graph
// title: Create the graph, empty
// description: FalkorDB creates a graph's key on its first write; GRAPH.RO_QUERY refuses a graph that does not exist yet.
RETURN 1 AS created

// name: scratch_index_document
// title: Index a scratch graph's documents by id
// description: Load-time validation writes a batch's dump into a scratch graph, its relationships found by their ends' ids: through this index, not by a scan per row.
CREATE INDEX FOR (n:Document) ON (n.id)

// name: scratch_index_body
// title: Index a scratch graph's bodies by id
// description: As scratch_index_document, for bodies.
CREATE INDEX FOR (n:Body) ON (n.id)

// name: scratch_index_task
// title: Index a scratch graph's tasks by id
// description: As scratch_index_document, for tasks.
CREATE INDEX FOR (n:Task) ON (n.id)

// name: scratch_index_target
// title: Index a scratch graph's targets by id
// description: As scratch_index_document, for targets.
CREATE INDEX FOR (n:Target) ON (n.id)
