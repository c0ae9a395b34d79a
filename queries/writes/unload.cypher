// Unloading a document (policykg.loaders.unload), in one transaction with the
// retractions of document.cypher.

// name: unload_orphan_stubs
// title: Delete the stubs only this document cites
// description: Cited, never loaded, and cited by no other document.
// param: id string — the document id
MATCH (:Document {id: $id})-[:CITES]->(c:Document)
WHERE c.stub = true
OPTIONAL MATCH (c)<-[:CITES]-(o:Document)
WITH c, count(DISTINCT o) AS citers
WHERE citers = 1
DETACH DELETE c

// name: unload_to_stub
// title: Turn an unloaded document that others cite back into a stub
// description: Its own facts go; what a citation knows of it stays (the given properties replace all of its own).
// param: id string — the document id
// param: props map — the properties it keeps as a stub
MATCH (d:Document {id: $id})
OPTIONAL MATCH (d)<-[:CITES]-(o:Document)
WITH d, count(o) AS citers
WHERE citers > 0
SET d = $props

// name: unload_uncited
// title: Delete an unloaded document no other document cites
// description: The document node itself, when nothing cites it.
// param: id string — the document id
MATCH (d:Document {id: $id})
OPTIONAL MATCH (d)<-[:CITES]-(o:Document)
WITH d, count(o) AS citers
WHERE citers = 0
DETACH DELETE d


// name: unload_orphan_bodies
// title: Delete the bodies nothing refers to any more
// description: Of the bodies the unloaded document referred to, those no document, task or body points to (run twice: a committee is orphaned once its boards are gone).
// param: ids list — ids of the bodies the document referred to
UNWIND $ids AS id
MATCH (b:Body {id: id})
WHERE NOT (b)<--()
DETACH DELETE b
