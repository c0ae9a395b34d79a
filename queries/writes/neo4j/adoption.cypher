// Neo4j's own step of merging undated stubs (policykg.loaders.writer.adopt_stub_statements).

// name: lock_undated
// title: Take the undated stubs of the numbers a write touches
// description: The first step of merging undated stubs on Neo4j, in the writing transaction: each (scope, number) the batch's documents are or cite has its undated stub merged, so that two loaders at once (one writing the dated document, one a citation of it without a date) meet on that node's unique-constraint lock and the second sees what the first committed. A stub made only for this is deleted by drop_lonely_undated. (FalkorDB needs none: it runs one write query at a time.)
// param: keys list — {stub, scope, key} per number: the undated stub's id, the issuing scope, the number's key (policykg.ontology.identity.number_key)
UNWIND $keys AS k
MERGE (s:Document {id: k.stub})
ON CREATE SET s.stub = true
