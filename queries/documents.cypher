// name: documents
// title: Documents
// description: Documents matching the filters (a null filter matches any value), ordered by date of issue then id, one page at a time.
// param: kind string = null — document kind, e.g. NghiQuyet
// param: scope string = null — scope, e.g. central or provincial
// param: year integer = null — year of issue
// param: stub boolean = null — true: only stubs (cited, not loaded); false: only loaded documents
// param: limit integer = 50 — at most this many documents
// param: offset integer = 0 — skip this many documents first
MATCH (d:Document)
WHERE ($kind IS NULL OR d.kind = $kind) AND ($scope IS NULL OR d.scope = $scope)
  AND ($year IS NULL OR d.year = $year) AND ($stub IS NULL OR coalesce(d.stub, false) = $stub)
WITH d
ORDER BY d.issued, d.id
SKIP $offset LIMIT $limit
RETURN d {.*, stub: coalesce(d.stub, false)} AS document

// name: documents_count
// title: Number of documents
// description: How many documents match the filters of the documents query.
// param: kind string = null — document kind, e.g. NghiQuyet
// param: scope string = null — scope, e.g. central or provincial
// param: year integer = null — year of issue
// param: stub boolean = null — true: only stubs (cited, not loaded); false: only loaded documents
MATCH (d:Document)
WHERE ($kind IS NULL OR d.kind = $kind) AND ($scope IS NULL OR d.scope = $scope)
  AND ($year IS NULL OR d.year = $year) AND ($stub IS NULL OR coalesce(d.stub, false) = $stub)
RETURN count(d) AS count
