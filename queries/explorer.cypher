// The web explorer's reads (policykg.queries.explorer): a document's tasks, targets and
// references, a body and its tasks.  Each comprehension names its own variables
// (FalkorDB returns later comprehensions empty when they reuse an earlier one's).

// name: document_tasks
// title: A document's tasks
// description: The tasks a document assigns, in document order, with their owners and coordinators (id and name) and where each was read (source file and span).
// param: id string — the document id
MATCH (d:Document {id: $id})-[:ASSIGNS]->(t:Task)
RETURN t.id AS task, t.section AS section, t.text AS text, t.deadline AS deadline,
       t.deadline_phrase AS deadline_phrase, coalesce(t.recurring, false) AS recurring,
       t.ordinal AS ordinal, t.source_file AS source_file, t.span_start AS span_start,
       t.span_end AS span_end,
       [(t)-[:OWNED_BY]->(o1:Body) | {id: o1.id, name: o1.name}] AS owners,
       [(t)-[:COORDINATED_BY]->(c2:Body) | {id: c2.id, name: c2.name}] AS coordinators
ORDER BY ordinal, task

// name: document_targets
// title: A document's targets
// description: The targets (figures with a unit and a year) a document sets.
// param: id string — the document id
MATCH (d:Document {id: $id})-[:SETS_TARGET]->(g:Target)
RETURN g.id AS target, g.text AS text, g.metric AS metric, g.value AS value, g.unit AS unit,
       g.qualifier AS qualifier, g.year AS year, g.span_start AS span_start,
       g.span_end AS span_end
ORDER BY span_start, target

// name: document_references
// title: A document's references
// description: The documents a document cites, with how the citation was resolved and the relations (implements, replaces, amends) the document states towards each.
// param: id string — the document id
MATCH (d:Document {id: $id})-[r:CITES]->(c:Document)
RETURN c.id AS id, c.number AS number, c.year AS year, c.kind AS kind, c.title AS title,
       coalesce(c.stub, false) AS stub, r.resolution AS resolution,
       [(d)-[x1:IMPLEMENTS|REPLACES|AMENDS]->(c) | type(x1)] AS relations
ORDER BY year, number, id

// name: document_cited_by
// title: Documents citing a document
// description: The documents that cite the given one.
// param: id string — the document id
MATCH (c:Document)-[:CITES]->(d:Document {id: $id})
RETURN c.id AS id, c.number AS number, c.year AS year, c.kind AS kind, c.title AS title,
       coalesce(c.stub, false) AS stub
ORDER BY year, number, id

// name: body
// title: One body
// description: A body by id: name, scope, whether it is a collective, aliases, the committee it is part of and the bodies part of it.
// param: id string — the body id
MATCH (b:Body {id: $id})
RETURN b.id AS id, b.name AS name, b.scope AS scope, coalesce(b.collective, false) AS collective,
       coalesce(b.aliases, []) AS aliases,
       [(b)-[:PART_OF]->(p1:Body) | {id: p1.id, name: p1.name}] AS part_of,
       [(m2:Body)-[:PART_OF]->(b) | {id: m2.id, name: m2.name}] AS parts

// name: body_tasks
// title: A body's tasks
// description: The tasks a body owns or coordinates (role owner or coordinator), across documents and provinces, by deadline.
// param: id string — the body id
MATCH (b:Body {id: $id})<-[r:OWNED_BY|COORDINATED_BY]-(t:Task)<-[:ASSIGNS]-(d:Document)
RETURN CASE type(r) WHEN 'OWNED_BY' THEN 'owner' ELSE 'coordinator' END AS role,
       t.id AS task, t.section AS section, t.text AS text, t.deadline AS deadline,
       coalesce(t.recurring, false) AS recurring, d.id AS document, d.number AS number,
       d.year AS year, d.province AS province
ORDER BY role DESC, deadline, document, t.ordinal, task
