// name: shape_task_owner
// title: Rule TaskOwner — a task has an owner
// description: Tasks with no OWNED_BY edge (pkgsh:TaskOwner, sh:minCount 1 on pkg:ownedBy).
// param: ids list = null — only these focus node ids; null: every task
MATCH (t:Task)
WHERE $ids IS NULL OR t.id IN $ids
OPTIONAL MATCH (t)-[o:OWNED_BY]->()
WITH t, o
WHERE o IS NULL
RETURN t.id AS focus, null AS value, null AS value_label
