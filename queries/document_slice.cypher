// name: document_slice
// title: One document's subgraph
// description: The document, its outgoing edges, its tasks' edges and the edges it asserts between the documents it cites — with the nodes at their ends.
// param: id string — the document id
MATCH (d:Document {id: $id})
RETURN properties(d) AS document,
       [(d)-[r]->(n) | {type: type(r), source: d.id, target: n.id, props: properties(r),
                        label: labels(n)[0], node: properties(n)}] AS own,
       [(d)-[:ASSIGNS]->(t:Task)-[r]->(n) | {type: type(r), source: t.id, target: n.id,
                        props: properties(r), label: labels(n)[0], node: properties(n)}] AS task_edges,
       [(d)-[:CITES]->(c:Document)-[r]->(n) WHERE r.asserted_by = d.id |
                       {type: type(r), source: c.id, target: n.id, props: properties(r),
                        label: labels(n)[0], node: properties(n)}] AS cited_edges
