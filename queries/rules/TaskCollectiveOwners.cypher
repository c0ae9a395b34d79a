// name: shape_task_collective_owners
// title: Rule TaskCollectiveOwners — a task has a single body among its owners
// description: Tasks that have owners, all of them collective bodies (collective = true) (pkgsh:TaskCollectiveOwners). Only tasks with a collective owner are gathered (a set of ids); the rest stream past, so the memory does not grow with every task of the graph.
// param: ids list = null — only these focus node ids; null: every task
MATCH (t:Task)-[:OWNED_BY]->(c)
WHERE ($ids IS NULL OR t.id IN $ids) AND c.collective = true
WITH DISTINCT t
OPTIONAL MATCH (t)-[o:OWNED_BY]->(b)
WHERE NOT coalesce(b.collective = true, false)
WITH t, o
WHERE o IS NULL
RETURN t.id AS focus, null AS value, null AS value_label
