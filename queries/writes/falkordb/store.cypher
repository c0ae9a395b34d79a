// name: create_graph
// title: Create the graph, empty
// description: FalkorDB creates a graph's key on its first write; GRAPH.RO_QUERY refuses a graph that does not exist yet.
RETURN 1 AS created
