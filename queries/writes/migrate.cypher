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

// name: migrate_server_sources
// title: How many nodes and relationships hold a server path as their source
// description: Sources stored as absolute paths by an earlier version (every source is now stored relative to the corpus folder, or by its name).
MATCH (n)
WHERE n.source_file STARTS WITH '/'
RETURN count(n) AS nodes

// name: migrate_server_sources_edges
// title: How many relationships hold a server path as their source
// description: As migrate_server_sources, for relationships.
MATCH ()-[r]->()
WHERE r.source_file STARTS WITH '/'
RETURN count(r) AS relationships

// name: migrate_public_sources
// title: Sources stored as server paths made public
// description: A source inside the corpus folder relative to it, any other by its file name (as clients were shown it), on nodes.
// param: prefix string — the corpus folder's path, with a trailing slash
MATCH (n)
WHERE n.source_file STARTS WITH '/'
SET n.source_file = CASE WHEN n.source_file STARTS WITH $prefix
                         THEN substring(n.source_file, size($prefix))
                         ELSE last(split(n.source_file, '/')) END

// name: migrate_public_sources_edges
// title: Sources stored as server paths made public, on relationships
// description: As migrate_public_sources, for relationships.
// param: prefix string — the corpus folder's path, with a trailing slash
MATCH ()-[r]->()
WHERE r.source_file STARTS WITH '/'
SET r.source_file = CASE WHEN r.source_file STARTS WITH $prefix
                         THEN substring(r.source_file, size($prefix))
                         ELSE last(split(r.source_file, '/')) END
