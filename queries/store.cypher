// name: count_nodes
// title: Number of nodes
// description: How many nodes the graph holds, of any label.
MATCH (n)
RETURN count(n) AS n

// name: documents_numbered
// title: Documents of scopes with numbers
// description: For each (scope, number key) asked, the documents of that issuing scope whose number is that one, ignoring case (found through the number_key index); the candidates undated citations may name.
// param: rows list — {scope, key} per number: an issuing scope such as tw or kon-tum, a number's key (policykg.ontology.identity.number_key) such as 29-CTR/TU
UNWIND $rows AS row
MATCH (d:Document)
WHERE d.number_key = row.key AND d.scope = row.scope
RETURN row.scope AS scope, row.key AS key, d.id AS id, d.year AS year

// name: documents_of_terms
// title: Central resolutions of terms
// description: The central resolutions (kind NghiQuyet, scope tw) of the given terms (khóa) the graph holds, with their titles: the documents a resolution cited by name only may be.
// param: terms list — terms, in Roman numerals (XI)
MATCH (d:Document)
WHERE d.scope = 'tw' AND d.kind = 'NghiQuyet' AND d.term IN $terms
RETURN d.term AS term, d.id AS id, d.title AS title

// name: unnumbered_of_sources
// title: Unnumbered documents of source files
// description: For each source file asked, the ids of the unnumbered documents (not stubs) loaded from it: the document an edited copy of the file is, its title changed.
// param: sources list — source files as stored (policykg.queries.public.public_source), such as upload/plan.txt
MATCH (d:Document)
WHERE d.source_file IN $sources AND d.number IS NULL AND d.stub = false
RETURN d.source_file AS source, d.id AS id

// name: documents_by_ids
// title: Documents by id
// description: Every stored property of the documents with these ids (found through the id index); what a load batch knows of the documents it writes.
// param: ids list — document ids
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN properties(d) AS props

// name: document_props
// title: A document's properties
// description: Every stored property of the document with this id (no row if there is none).
// param: id string — the document id
MATCH (d:Document {id: $id})
RETURN properties(d) AS props

// name: neighbourhood_step
// title: One step of a graph walk
// description: The relationships of the given types between the given nodes (of any label, each found through its id index) and their neighbours, with each neighbour's label and properties.
// param: ids list — ids of the nodes to step from
// param: types list — relationship types to follow, in both directions
// param: limit integer — at most this many rows per label of the nodes stepped from
MATCH (a:Document)-[r]-(b)
WHERE a.id IN $ids AND type(r) IN $types
RETURN DISTINCT startNode(r).id AS source, type(r) AS type, endNode(r).id AS target,
       labels(b)[0] AS label, properties(b) AS props
LIMIT $limit
UNION ALL
MATCH (a:Task)-[r]-(b)
WHERE a.id IN $ids AND type(r) IN $types
RETURN DISTINCT startNode(r).id AS source, type(r) AS type, endNode(r).id AS target,
       labels(b)[0] AS label, properties(b) AS props
LIMIT $limit
UNION ALL
MATCH (a:Target)-[r]-(b)
WHERE a.id IN $ids AND type(r) IN $types
RETURN DISTINCT startNode(r).id AS source, type(r) AS type, endNode(r).id AS target,
       labels(b)[0] AS label, properties(b) AS props
LIMIT $limit
UNION ALL
MATCH (a:Body)-[r]-(b)
WHERE a.id IN $ids AND type(r) IN $types
RETURN DISTINCT startNode(r).id AS source, type(r) AS type, endNode(r).id AS target,
       labels(b)[0] AS label, properties(b) AS props
LIMIT $limit

// name: document_bodies
// title: The bodies a document refers to
// description: Its issuers and addressees, its tasks' owners and coordinators, the issuers it states of the documents it cites, and the committees these are part of.
// param: id string — the document id
MATCH (d:Document {id: $id})
OPTIONAL MATCH (d)-[:ISSUED_BY|ADDRESSES]->(b1:Body)
OPTIONAL MATCH (d)-[:ASSIGNS]->(:Task)-[:OWNED_BY|COORDINATED_BY]->(b2:Body)
OPTIONAL MATCH (d)-[:CITES]->(:Document)-[r:ISSUED_BY]->(b3:Body)
WHERE r.asserted_by = $id
WITH collect(DISTINCT b1) + collect(DISTINCT b2) + collect(DISTINCT b3) AS bodies
UNWIND bodies AS b
OPTIONAL MATCH (b)-[:PART_OF]->(parent:Body)
RETURN collect(DISTINCT b.id) + collect(DISTINCT parent.id) AS ids
