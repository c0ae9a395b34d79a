// name: clear_graph
// title: Delete every node and relationship
// description: The graph emptied; its schema stays.
MATCH (n)
DETACH DELETE n
