// name: constraints
// title: The graph's constraints
// description: FalkorDB's constraints with their state (they are built in the background).
CALL db.constraints() YIELD type, label, properties, status
RETURN type, label, properties, status
