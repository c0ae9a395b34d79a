// name: shape_target_value
// title: Rule TargetValue — a target has a value
// description: Targets without a value (pkgsh:TargetValue).
// param: ids list = null — only these focus node ids; null: every target
MATCH (g:Target)
WHERE ($ids IS NULL OR g.id IN $ids) AND g.value IS NULL
RETURN g.id AS focus, null AS value, null AS value_label
