// name: search_candidates
// title: Search candidates
// description: Documents, bodies and tasks whose folded search key contains every term (a body also when one of its aliases, lower-cased, contains the raw text), at most limit of each label; search ranks them.
// param: terms string — folded search terms (policykg.vntext.fold) separated by single spaces, all of which must occur
// param: raw string — the query lower-cased as typed, for body aliases
// param: limit integer = 500 — at most this many candidates of each label
MATCH (n:Document)
WHERE all(t IN split($terms, ' ') WHERE n.search CONTAINS t)
RETURN labels(n)[0] AS label, properties(n) AS props
LIMIT $limit
UNION ALL
MATCH (n:Body)
WHERE all(t IN split($terms, ' ') WHERE n.search CONTAINS t)
   OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $raw)
RETURN labels(n)[0] AS label, properties(n) AS props
LIMIT $limit
UNION ALL
MATCH (n:Task)
WHERE all(t IN split($terms, ' ') WHERE n.search CONTAINS t)
RETURN labels(n)[0] AS label, properties(n) AS props
LIMIT $limit
