// name: graph_label_counts
// title: Nodes by label
// description: How many nodes carry each label (a node counts under its first label).
MATCH (n)
RETURN labels(n)[0] AS label, count(n) AS count
ORDER BY label

// name: graph_type_counts
// title: Relationships by type
// description: How many relationships there are of each type.
MATCH ()-[r]->()
RETURN type(r) AS type, count(r) AS count
ORDER BY type
