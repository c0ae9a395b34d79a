// The writer's statements (policykg.loaders.writer): the rows of one document, or of a batch
// of documents none of which touches a document another touches, written in one
// transaction.  Re-loading a document first retracts what it asserted (every edge whose
// asserted_by is its id, its tasks and targets), so a reload leaves the graph as before.
// A relation between two documents (IMPLEMENTS, REPLACES, AMENDS, CITES) is one
// relationship per ordered pair, whoever states it: asserted_by lists the stating
// documents and assertions one "<document id> <origin> <start>-<end>" item per
// statement, both sorted (policykg.ontology.mapping.ASSERTIONS).  A document's
// assertions are retracted from it, and the relationship deleted when none is left.

// name: retract_tasks
// title: Remove a document's tasks
// description: The tasks the document assigns, with their edges.
// param: ids list — the document ids
UNWIND $ids AS id
MATCH (:Document {id: id})-[:ASSIGNS]->(t:Task)
DETACH DELETE t

// name: retract_targets
// title: Remove a document's targets
// description: The targets the document sets, with their edges.
// param: ids list — the document ids
UNWIND $ids AS id
MATCH (:Document {id: id})-[:SETS_TARGET]->(g:Target)
DETACH DELETE g

// name: retract_cited_assertions
// title: Remove what a document asserted about the documents it cites
// description: Their issuers and the relations between them that this document stated (found from the document, never by a scan of the graph).
// param: ids list — the document ids
UNWIND $ids AS id
MATCH (:Document {id: id})-[:CITES]->(:Document)-[r:ISSUED_BY]->()
WHERE r.asserted_by = id
DELETE r

// name: retract_cited_relations
// title: Remove what a document asserted of the relations between the documents it cites
// description: Its assertions of them; a relation no other document asserts goes (found from the document, never by a scan of the graph); each relation once, however many of the documents state it.
// param: ids list — the document ids
UNWIND $ids AS id
MATCH (:Document {id: id})-[:CITES]->(:Document)-[r:IMPLEMENTS|REPLACES|AMENDS]->()
WHERE id IN r.asserted_by
WITH r, collect(DISTINCT id) AS ids
SET r.asserted_by = [x IN r.asserted_by WHERE NOT x IN ids],
    r.assertions = [x IN r.assertions WHERE NOT split(x, ' ')[0] IN ids]

// name: drop_unasserted_cited_relations
// title: Delete the relations between cited documents that no document asserts any more
// description: Run after retract_cited_relations (a statement of its own: FalkorDB drops a SET followed by a DELETE in one query).
// param: ids list — the document ids
UNWIND $ids AS id
MATCH (:Document {id: id})-[:CITES]->(:Document)-[r:IMPLEMENTS|REPLACES|AMENDS]->()
WHERE size(r.asserted_by) = 0
WITH DISTINCT r
DELETE r

// name: retract_own_assertions
// title: Remove a document's own edges
// description: What it implements, replaces and amends, its issuers, addressees and citations, as it stated them.
// param: ids list — the document ids
UNWIND $ids AS id
MATCH (:Document {id: id})-[r:ISSUED_BY|ADDRESSES]->()
WHERE r.asserted_by = id
DELETE r

// name: retract_own_relations
// title: Remove a document's assertions of its own relations
// description: What it said it implements, replaces, amends and cites; a relation no other document asserts goes.
// param: ids list — the document ids
UNWIND $ids AS id
MATCH (:Document {id: id})-[r:IMPLEMENTS|REPLACES|AMENDS|CITES]->()
WHERE id IN r.asserted_by
SET r.asserted_by = [x IN r.asserted_by WHERE x <> id],
    r.assertions = [x IN r.assertions WHERE NOT x STARTS WITH (id + ' ')]

// name: drop_unasserted_own_relations
// title: Delete a document's own relations that no document asserts any more
// description: Run after retract_own_relations (a statement of its own, as drop_unasserted_cited_relations).
// param: ids list — the document ids
UNWIND $ids AS id
MATCH (:Document {id: id})-[r:IMPLEMENTS|REPLACES|AMENDS|CITES]->()
WHERE size(r.asserted_by) = 0
WITH DISTINCT r
DELETE r

// name: merge_document
// title: Write a document node
// description: The document itself; a stub of the same id is filled in.
// param: rows list — {id, props} per document
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d += row.props

// name: merge_cited
// title: Write the documents a document cites
// description: Created as stubs, or completed where they lack a fact a citation knows (policykg.loaders.rows.CITATION_PROPS, each coalesced).
// param: rows list — {id, props} per cited document
UNWIND $rows AS row
MERGE (c:Document {id: row.id})
ON CREATE SET c += row.props, c.stub = true
SET c.kind = coalesce(c.kind, row.props.kind), c.number = coalesce(c.number, row.props.number),
    c.number_key = coalesce(c.number_key, row.props.number_key),
    c.issued = coalesce(c.issued, row.props.issued), c.year = coalesce(c.year, row.props.year),
    c.term = coalesce(c.term, row.props.term), c.scope = coalesce(c.scope, row.props.scope),
    c.issuer_name = coalesce(c.issuer_name, row.props.issuer_name),
    c.search = coalesce(c.search, row.props.search)

// name: create_cites
// title: Write a document's citations
// description: One CITES edge per cited document, with its assertions and resolution.
// param: rows list — {doc, id, rel} per citing document and document it cites
UNWIND $rows AS row
MATCH (d:Document {id: row.doc}), (c:Document {id: row.id})
MERGE (d)-[r:CITES]->(c)
WITH r, row, coalesce(r.asserted_by, []) AS by, coalesce(r.assertions, []) AS said
SET r.resolution = row.rel.resolution,
    r.asserted_by = [x IN by WHERE x < row.rel.asserted_by[0]] + row.rel.asserted_by
        + [x IN by WHERE x > row.rel.asserted_by[0]],
    r.assertions = [x IN said WHERE x < row.rel.assertions[0]] + row.rel.assertions
        + [x IN said WHERE x > row.rel.assertions[0]]

// name: create_implements
// title: Write implements edges
// description: What the document itself implements and the implements relations it states between cited documents: the assertions of the documents stating it added to the one edge of each pair (theirs, retracted first, sort together).
// param: rows list — {source, target, props} per edge, props its asserted_by and assertions
UNWIND $rows AS row
MATCH (a:Document {id: row.source}), (b:Document {id: row.target})
MERGE (a)-[r:IMPLEMENTS]->(b)
WITH r, row, coalesce(r.asserted_by, []) AS by, coalesce(r.assertions, []) AS said
SET r.asserted_by = reduce(acc = by, x IN row.props.asserted_by |
        [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x]),
    r.assertions = reduce(acc = said, x IN row.props.assertions |
        [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x])

// name: create_replaces
// title: Write replaces edges
// description: What the document itself replaces and the replaces relations it states between cited documents: the assertions of the documents stating it added to the one edge of each pair (theirs, retracted first, sort together).
// param: rows list — {source, target, props} per edge, props its asserted_by and assertions
UNWIND $rows AS row
MATCH (a:Document {id: row.source}), (b:Document {id: row.target})
MERGE (a)-[r:REPLACES]->(b)
WITH r, row, coalesce(r.asserted_by, []) AS by, coalesce(r.assertions, []) AS said
SET r.asserted_by = reduce(acc = by, x IN row.props.asserted_by |
        [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x]),
    r.assertions = reduce(acc = said, x IN row.props.assertions |
        [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x])

// name: create_amends
// title: Write amends edges
// description: What the document itself amends and the amends relations it states between cited documents: the assertions of the documents stating it added to the one edge of each pair (theirs, retracted first, sort together).
// param: rows list — {source, target, props} per edge, props its asserted_by and assertions
UNWIND $rows AS row
MATCH (a:Document {id: row.source}), (b:Document {id: row.target})
MERGE (a)-[r:AMENDS]->(b)
WITH r, row, coalesce(r.asserted_by, []) AS by, coalesce(r.assertions, []) AS said
SET r.asserted_by = reduce(acc = by, x IN row.props.asserted_by |
        [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x]),
    r.assertions = reduce(acc = said, x IN row.props.assertions |
        [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x])

// name: merge_bodies
// title: Write bodies
// description: Bodies named by the document, merged by id; aliases added to those already known, and their folded forms not yet in its search key added to it.
// param: rows list — {id, props, alias_keys} per body, alias_keys the folded name and aliases
UNWIND $rows AS row
MERGE (b:Body {id: row.id})
ON CREATE SET b += row.props
WITH b, row, coalesce(b.aliases, []) AS known, coalesce(b.search, '') AS key
SET b.aliases = [a IN known WHERE NOT a IN row.props.aliases] + row.props.aliases,
    b.search = trim(reduce(s = key, k IN row.alias_keys |
        CASE WHEN (' ' + key + ' ') CONTAINS (' ' + k + ' ') THEN s ELSE s + ' ' + k END))

// name: merge_parts
// title: Write partOf edges between bodies
// description: A body and the committee it belongs to, the parent created when unknown.
// param: rows list — {child, parent, parent_name, parent_search, scope} per edge
UNWIND $rows AS row
MATCH (c:Body {id: row.child})
MERGE (p:Body {id: row.parent})
ON CREATE SET p.name = row.parent_name, p.scope = row.scope, p.collective = false,
    p.aliases = [row.parent_name], p.search = row.parent_search
MERGE (c)-[:PART_OF]->(p)

// name: create_issued_by
// title: Write issuedBy edges
// description: Who issued the document, and the issuers its citations name.
// param: rows list — {document, body, props} per edge
UNWIND $rows AS row
MATCH (d:Document {id: row.document}), (b:Body {id: row.body})
CREATE (d)-[r:ISSUED_BY]->(b)
SET r += row.props

// name: create_addresses
// title: Write addresses edges
// description: The bodies the document addresses collectively.
// param: rows list — {doc, body, props} per edge
UNWIND $rows AS row
MATCH (d:Document {id: row.doc}), (b:Body {id: row.body})
CREATE (d)-[r:ADDRESSES]->(b)
SET r += row.props

// name: create_tasks
// title: Write a document's tasks
// description: One Task node per task, assigned by the document.
// param: rows list — {doc, id, props} per task
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
CREATE (d)-[:ASSIGNS]->(t:Task {id: row.id})
SET t += row.props

// name: create_owners
// title: Write task owners
// description: One OWNED_BY edge per task and owning body.
// param: rows list — {task, body, props} per edge
UNWIND $rows AS row
MATCH (t:Task {id: row.task}), (b:Body {id: row.body})
CREATE (t)-[r:OWNED_BY]->(b)
SET r += row.props

// name: create_coordinators
// title: Write task coordinators
// description: One COORDINATED_BY edge per task and coordinating body.
// param: rows list — {task, body, props} per edge
UNWIND $rows AS row
MATCH (t:Task {id: row.task}), (b:Body {id: row.body})
CREATE (t)-[r:COORDINATED_BY]->(b)
SET r += row.props

// name: create_targets
// title: Write a document's targets
// description: One Target node per target, set by the document.
// param: rows list — {doc, id, props} per target
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
CREATE (d)-[:SETS_TARGET]->(g:Target {id: row.id})
SET g += row.props

// name: create_task_targets
// title: Tie targets to their tasks
// description: A HAS_TARGET edge from the task whose text states the target.
// param: rows list — {task, id} per target
UNWIND $rows AS row
MATCH (t:Task {id: row.task}), (g:Target {id: row.id})
CREATE (t)-[:HAS_TARGET]->(g)

// name: mark_adoptable
// title: Mark the undated stubs that one dated document of their number now takes over
// description: Decided in the writing transaction from what the graph holds, not from what the loader read before (a concurrent loader may have written since): the undated node of a number is marked with the id of the dated document of that scope and number when there is exactly one.
// param: keys list — {stub, scope, key} per number: the undated stub's id, the issuing scope, the number's key (policykg.ontology.identity.number_key)
UNWIND $keys AS k
MATCH (s:Document {id: k.stub})
OPTIONAL MATCH (d:Document)
WHERE d.number_key = k.key AND d.scope = k.scope AND d.year IS NOT NULL AND d.id <> k.stub
WITH s, collect(DISTINCT d.id) AS dated
SET s.adopt_into = CASE WHEN size(dated) = 1 THEN dated[0] END

// name: adopt_stub_into_implements
// title: Move the IMPLEMENTS edges into an undated stub onto the dated document
// description: Part of merging an undated stub into the dated document of its number (copied: drop_moved_into and drop_moved_from delete the originals).
// param: stubs list — undated stub ids (those mark_adoptable marked are merged)
UNWIND $stubs AS stub
MATCH (a)-[r:IMPLEMENTS]->(s:Document {id: stub})
WHERE s.adopt_into IS NOT NULL
WITH a, r, s.adopt_into AS into
MATCH (d:Document {id: into})
MERGE (a)-[n:IMPLEMENTS]->(d)
WITH r, n, coalesce(n.asserted_by, []) AS by, coalesce(n.assertions, []) AS said
SET n.asserted_by = reduce(acc = by, x IN r.asserted_by |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END),
    n.assertions = reduce(acc = said, x IN r.assertions |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)

// name: adopt_stub_from_implements
// title: Move the IMPLEMENTS edges out of an undated stub onto the dated document
// description: Part of merging an undated stub into the dated document of its number (copied: drop_moved_into and drop_moved_from delete the originals).
// param: stubs list — undated stub ids (those mark_adoptable marked are merged)
UNWIND $stubs AS stub
MATCH (s:Document {id: stub})-[r:IMPLEMENTS]->(b)
WHERE s.adopt_into IS NOT NULL
WITH r, b, s.adopt_into AS into
MATCH (d:Document {id: into})
MERGE (d)-[n:IMPLEMENTS]->(b)
WITH r, n, coalesce(n.asserted_by, []) AS by, coalesce(n.assertions, []) AS said
SET n.asserted_by = reduce(acc = by, x IN r.asserted_by |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END),
    n.assertions = reduce(acc = said, x IN r.assertions |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)

// name: adopt_stub_into_replaces
// title: Move the REPLACES edges into an undated stub onto the dated document
// description: Part of merging an undated stub into the dated document of its number (copied: drop_moved_into and drop_moved_from delete the originals).
// param: stubs list — undated stub ids (those mark_adoptable marked are merged)
UNWIND $stubs AS stub
MATCH (a)-[r:REPLACES]->(s:Document {id: stub})
WHERE s.adopt_into IS NOT NULL
WITH a, r, s.adopt_into AS into
MATCH (d:Document {id: into})
MERGE (a)-[n:REPLACES]->(d)
WITH r, n, coalesce(n.asserted_by, []) AS by, coalesce(n.assertions, []) AS said
SET n.asserted_by = reduce(acc = by, x IN r.asserted_by |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END),
    n.assertions = reduce(acc = said, x IN r.assertions |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)

// name: adopt_stub_from_replaces
// title: Move the REPLACES edges out of an undated stub onto the dated document
// description: Part of merging an undated stub into the dated document of its number (copied: drop_moved_into and drop_moved_from delete the originals).
// param: stubs list — undated stub ids (those mark_adoptable marked are merged)
UNWIND $stubs AS stub
MATCH (s:Document {id: stub})-[r:REPLACES]->(b)
WHERE s.adopt_into IS NOT NULL
WITH r, b, s.adopt_into AS into
MATCH (d:Document {id: into})
MERGE (d)-[n:REPLACES]->(b)
WITH r, n, coalesce(n.asserted_by, []) AS by, coalesce(n.assertions, []) AS said
SET n.asserted_by = reduce(acc = by, x IN r.asserted_by |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END),
    n.assertions = reduce(acc = said, x IN r.assertions |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)

// name: adopt_stub_into_amends
// title: Move the AMENDS edges into an undated stub onto the dated document
// description: Part of merging an undated stub into the dated document of its number (copied: drop_moved_into and drop_moved_from delete the originals).
// param: stubs list — undated stub ids (those mark_adoptable marked are merged)
UNWIND $stubs AS stub
MATCH (a)-[r:AMENDS]->(s:Document {id: stub})
WHERE s.adopt_into IS NOT NULL
WITH a, r, s.adopt_into AS into
MATCH (d:Document {id: into})
MERGE (a)-[n:AMENDS]->(d)
WITH r, n, coalesce(n.asserted_by, []) AS by, coalesce(n.assertions, []) AS said
SET n.asserted_by = reduce(acc = by, x IN r.asserted_by |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END),
    n.assertions = reduce(acc = said, x IN r.assertions |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)

// name: adopt_stub_from_amends
// title: Move the AMENDS edges out of an undated stub onto the dated document
// description: Part of merging an undated stub into the dated document of its number (copied: drop_moved_into and drop_moved_from delete the originals).
// param: stubs list — undated stub ids (those mark_adoptable marked are merged)
UNWIND $stubs AS stub
MATCH (s:Document {id: stub})-[r:AMENDS]->(b)
WHERE s.adopt_into IS NOT NULL
WITH r, b, s.adopt_into AS into
MATCH (d:Document {id: into})
MERGE (d)-[n:AMENDS]->(b)
WITH r, n, coalesce(n.asserted_by, []) AS by, coalesce(n.assertions, []) AS said
SET n.asserted_by = reduce(acc = by, x IN r.asserted_by |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END),
    n.assertions = reduce(acc = said, x IN r.assertions |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)

// name: adopt_stub_citers
// title: Move the citations of an undated stub onto the dated document
// description: Part of merging an undated stub into the dated document of its number: the citations now name the one dated document of that number, so they are resolved, whichever was loaded first.
// param: stubs list — undated stub ids (those mark_adoptable marked are merged)
UNWIND $stubs AS stub
MATCH (a)-[r:CITES]->(s:Document {id: stub})
WHERE s.adopt_into IS NOT NULL
WITH a, r, s.adopt_into AS into
MATCH (d:Document {id: into})
MERGE (a)-[n:CITES]->(d)
WITH r, n, coalesce(n.asserted_by, []) AS by, coalesce(n.assertions, []) AS said
SET n.resolution = 'resolved',
    n.asserted_by = reduce(acc = by, x IN r.asserted_by |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END),
    n.assertions = reduce(acc = said, x IN r.assertions |
        CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)

// name: adopt_stub_issuers
// title: Move the issuers of an undated stub onto the dated document
// description: Part of merging an undated stub into the dated document of its number (copied: drop_moved_into and drop_moved_from delete the originals).
// param: stubs list — undated stub ids (those mark_adoptable marked are merged)
UNWIND $stubs AS stub
MATCH (s:Document {id: stub})-[r:ISSUED_BY]->(b)
WHERE s.adopt_into IS NOT NULL
WITH r, b, s.adopt_into AS into
MATCH (d:Document {id: into})
CREATE (d)-[n:ISSUED_BY]->(b)
SET n += properties(r)

// name: drop_moved_into
// title: Delete the edges into the merged undated nodes, now copied onto the dated document
// description: Their relations and citations (a statement of its own: FalkorDB loses what a SET copied from an edge deleted in the same statement).
// param: stubs list — undated stub ids
UNWIND $stubs AS stub
MATCH ()-[r:IMPLEMENTS|REPLACES|AMENDS|CITES]->(s:Document {id: stub})
WHERE s.adopt_into IS NOT NULL
DELETE r

// name: drop_moved_from
// title: Delete the edges out of the merged undated nodes, now copied onto the dated document
// description: Their relations and issuers (as drop_moved_into).
// param: stubs list — undated stub ids
UNWIND $stubs AS stub
MATCH (s:Document {id: stub})-[r:IMPLEMENTS|REPLACES|AMENDS|ISSUED_BY]->()
WHERE s.adopt_into IS NOT NULL
DELETE r

// name: drop_adopted
// title: Delete the undated stubs merged into their dated document
// description: The last step of merging undated stubs: the stubs mark_adoptable marked, now without edges.
// param: stubs list — undated stub ids
UNWIND $stubs AS stub
MATCH (s:Document {id: stub})
WHERE s.adopt_into IS NOT NULL AND s.stub = true
DETACH DELETE s

// name: unmark_adopted
// title: Clear the mark of the loaded undated documents whose edges were merged
// description: An undated node that is a loaded document keeps its own tasks and stays; only its mark goes.
// param: stubs list — undated stub ids
UNWIND $stubs AS stub
MATCH (s:Document {id: stub})
WHERE s.adopt_into IS NOT NULL
REMOVE s.adopt_into

// name: drop_lonely_undated
// title: Delete the undated stubs that nothing refers to
// description: Those lock_undated (Neo4j) made for a number no citation leaves undated.
// param: stubs list — undated stub ids
UNWIND $stubs AS stub
MATCH (s:Document {id: stub})
WHERE s.stub = true
OPTIONAL MATCH (s)-[r]-()
WITH s, count(r) AS edges
WHERE edges = 0
DELETE s
