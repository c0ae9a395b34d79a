// name: shape_task_collective_owners
// title: Rule TaskCollectiveOwners — a task has a single body among its owners
// description: Tasks that have owners, all of them collective bodies (collective = true) (pkgsh:TaskCollectiveOwners).
// param: ids list = null — only these focus node ids; null: every task
MATCH (t:Task)-[:OWNED_BY]->(b)
WHERE $ids IS NULL OR t.id IN $ids
WITH t, count(b) AS owners, sum(CASE WHEN b.collective = true THEN 1 ELSE 0 END) AS collective
WHERE owners = collective
RETURN t.id AS focus, null AS value, null AS value_label
