// Graph dumps written in UNWIND batches (policykg.queries.bulk): import, tests,
// benchmarks.  One statement per label and per relationship type of the mapping
// (a test checks there is one for each); nodes are created, not merged.

// name: bulk_nodes_document
// title: Create Document nodes
// description: One node per row of properties.
// param: rows list — property maps, each with an id
UNWIND $rows AS row
CREATE (n:Document)
SET n += row

// name: bulk_nodes_body
// title: Create Body nodes
// description: One node per row of properties.
// param: rows list — property maps, each with an id
UNWIND $rows AS row
CREATE (n:Body)
SET n += row

// name: bulk_nodes_task
// title: Create Task nodes
// description: One node per row of properties.
// param: rows list — property maps, each with an id
UNWIND $rows AS row
CREATE (n:Task)
SET n += row

// name: bulk_nodes_target
// title: Create Target nodes
// description: One node per row of properties.
// param: rows list — property maps, each with an id
UNWIND $rows AS row
CREATE (n:Target)
SET n += row

// name: bulk_rels_implements
// title: Create IMPLEMENTS relationships
// description: (:Document)-[:IMPLEMENTS]->(:Document) between nodes already written, one per row.
// param: rows list — {s, t, p}: source id, target id, properties
UNWIND $rows AS row
MATCH (a:Document {id: row.s}), (b:Document {id: row.t})
CREATE (a)-[r:IMPLEMENTS]->(b)
SET r += row.p

// name: bulk_rels_replaces
// title: Create REPLACES relationships
// description: (:Document)-[:REPLACES]->(:Document) between nodes already written, one per row.
// param: rows list — {s, t, p}: source id, target id, properties
UNWIND $rows AS row
MATCH (a:Document {id: row.s}), (b:Document {id: row.t})
CREATE (a)-[r:REPLACES]->(b)
SET r += row.p

// name: bulk_rels_amends
// title: Create AMENDS relationships
// description: (:Document)-[:AMENDS]->(:Document) between nodes already written, one per row.
// param: rows list — {s, t, p}: source id, target id, properties
UNWIND $rows AS row
MATCH (a:Document {id: row.s}), (b:Document {id: row.t})
CREATE (a)-[r:AMENDS]->(b)
SET r += row.p

// name: bulk_rels_cites
// title: Create CITES relationships
// description: (:Document)-[:CITES]->(:Document) between nodes already written, one per row.
// param: rows list — {s, t, p}: source id, target id, properties
UNWIND $rows AS row
MATCH (a:Document {id: row.s}), (b:Document {id: row.t})
CREATE (a)-[r:CITES]->(b)
SET r += row.p

// name: bulk_rels_issued_by
// title: Create ISSUED_BY relationships
// description: (:Document)-[:ISSUED_BY]->(:Body) between nodes already written, one per row.
// param: rows list — {s, t, p}: source id, target id, properties
UNWIND $rows AS row
MATCH (a:Document {id: row.s}), (b:Body {id: row.t})
CREATE (a)-[r:ISSUED_BY]->(b)
SET r += row.p

// name: bulk_rels_addresses
// title: Create ADDRESSES relationships
// description: (:Document)-[:ADDRESSES]->(:Body) between nodes already written, one per row.
// param: rows list — {s, t, p}: source id, target id, properties
UNWIND $rows AS row
MATCH (a:Document {id: row.s}), (b:Body {id: row.t})
CREATE (a)-[r:ADDRESSES]->(b)
SET r += row.p

// name: bulk_rels_assigns
// title: Create ASSIGNS relationships
// description: (:Document)-[:ASSIGNS]->(:Task) between nodes already written, one per row.
// param: rows list — {s, t, p}: source id, target id, properties
UNWIND $rows AS row
MATCH (a:Document {id: row.s}), (b:Task {id: row.t})
CREATE (a)-[r:ASSIGNS]->(b)
SET r += row.p

// name: bulk_rels_sets_target
// title: Create SETS_TARGET relationships
// description: (:Document)-[:SETS_TARGET]->(:Target) between nodes already written, one per row.
// param: rows list — {s, t, p}: source id, target id, properties
UNWIND $rows AS row
MATCH (a:Document {id: row.s}), (b:Target {id: row.t})
CREATE (a)-[r:SETS_TARGET]->(b)
SET r += row.p

// name: bulk_rels_owned_by
// title: Create OWNED_BY relationships
// description: (:Task)-[:OWNED_BY]->(:Body) between nodes already written, one per row.
// param: rows list — {s, t, p}: source id, target id, properties
UNWIND $rows AS row
MATCH (a:Task {id: row.s}), (b:Body {id: row.t})
CREATE (a)-[r:OWNED_BY]->(b)
SET r += row.p

// name: bulk_rels_coordinated_by
// title: Create COORDINATED_BY relationships
// description: (:Task)-[:COORDINATED_BY]->(:Body) between nodes already written, one per row.
// param: rows list — {s, t, p}: source id, target id, properties
UNWIND $rows AS row
MATCH (a:Task {id: row.s}), (b:Body {id: row.t})
CREATE (a)-[r:COORDINATED_BY]->(b)
SET r += row.p

// name: bulk_rels_has_target
// title: Create HAS_TARGET relationships
// description: (:Task)-[:HAS_TARGET]->(:Target) between nodes already written, one per row.
// param: rows list — {s, t, p}: source id, target id, properties
UNWIND $rows AS row
MATCH (a:Task {id: row.s}), (b:Target {id: row.t})
CREATE (a)-[r:HAS_TARGET]->(b)
SET r += row.p

// name: bulk_rels_part_of
// title: Create PART_OF relationships
// description: (:Body)-[:PART_OF]->(:Body) between nodes already written, one per row.
// param: rows list — {s, t, p}: source id, target id, properties
UNWIND $rows AS row
MATCH (a:Body {id: row.s}), (b:Body {id: row.t})
CREATE (a)-[r:PART_OF]->(b)
SET r += row.p
