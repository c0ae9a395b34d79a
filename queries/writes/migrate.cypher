// Migrations of graphs loaded by earlier versions (policykg.queries.migrate).

// name: migrate_old_relations
// title: The relations between documents still stored one per stating document
// description: Relationships of the types stored once per pair (IMPLEMENTS, REPLACES, AMENDS, CITES) that have no assertions list yet, with their ends and properties.
// param: limit integer — at most this many
MATCH (a:Document)-[r:IMPLEMENTS|REPLACES|AMENDS|CITES]->(b:Document)
WHERE r.assertions IS NULL
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
LIMIT $limit

// name: migrate_pair_edges
// title: The relationships of given pairs
// description: Every relationship of the pairs (type, source, target), old or new, with its properties.
// param: rows list — {type, s, t} per pair
UNWIND $rows AS row
MATCH (a:Document {id: row.s})-[r]->(b:Document {id: row.t})
WHERE type(r) = row.type
RETURN row.type AS type, row.s AS s, row.t AS t, properties(r) AS props

// name: migrate_drop_pair
// title: Delete the relationships of given pairs
// description: Every relationship of the pairs (type, source, target), old or new, before one is written in their place.
// param: rows list — {type, s, t} per pair
UNWIND $rows AS row
MATCH (a:Document {id: row.s})-[r]->(b:Document {id: row.t})
WHERE type(r) = row.type
DELETE r

// name: migrate_bodies
// title: Every body's name, aliases and search key
// description: What a body's search key must hold (its folded name and aliases) and the key it has, for every body.
MATCH (b:Body)
RETURN b.id AS id, b.name AS name, b.aliases AS aliases, b.search AS search

// name: migrate_body_keys
// title: Set bodies' search keys
// description: The search key of each body given.
// param: rows list — {id, search} per body
UNWIND $rows AS row
MATCH (b:Body {id: row.id})
SET b.search = row.search

// name: migrate_unkeyed_documents
// title: The documents with a number but no number key
// description: Documents loaded before numbers were keyed (number_key, the indexed key of candidate lookups), with their numbers.
// param: limit integer — at most this many
MATCH (d:Document)
WHERE d.number IS NOT NULL AND d.number_key IS NULL
RETURN d.id AS id, d.number AS number
LIMIT $limit

// name: migrate_set_number_keys
// title: Key documents by their numbers
// description: Sets each document's number_key.
// param: rows list — {id, key} per document
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.number_key = row.key
