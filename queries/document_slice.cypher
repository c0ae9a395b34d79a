// name: document_slice
// title: One document's subgraph
// description: The document, its outgoing edges, its tasks' edges and the edges it asserts between the documents it cites (those it is one of the asserters of) — with the nodes at their ends. Each comprehension names its own variables: FalkorDB returns later comprehensions empty when they reuse an earlier one's (the per-document check then saw no owner).
// param: id string — the document id
MATCH (d:Document {id: $id})
RETURN properties(d) AS document,
       [(d)-[r1]->(n1) | {type: type(r1), source: d.id, target: n1.id, props: properties(r1),
                          label: labels(n1)[0], node: properties(n1)}] AS own,
       [(d)-[:ASSIGNS]->(t2:Task)-[r2]->(n2) | {type: type(r2), source: t2.id, target: n2.id,
                          props: properties(r2), label: labels(n2)[0],
                          node: properties(n2)}] AS task_edges,
       [(d)-[:CITES]->(c3:Document)-[r3]->(n3)
                          WHERE d.id IN CASE WHEN type(r3) IN ['IMPLEMENTS', 'REPLACES', 'AMENDS',
                                'CITES'] THEN r3.asserted_by ELSE [r3.asserted_by] END |
                         {type: type(r3), source: c3.id, target: n3.id, props: properties(r3),
                          label: labels(n3)[0], node: properties(n3)}] AS cited_edges
