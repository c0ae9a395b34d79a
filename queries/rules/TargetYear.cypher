// name: shape_target_year
// title: Rule TargetYear — a target has a year
// description: Targets without a target year (pkgsh:TargetYear).
// param: ids list = null — only these focus node ids; null: every target
MATCH (g:Target)
WHERE ($ids IS NULL OR g.id IN $ids) AND g.year IS NULL
RETURN g.id AS focus, null AS value, null AS value_label
