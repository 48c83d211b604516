// Package expr parses the conditions of `alerts` blocks: the subset of
// PromQL that alert conditions are written in ("error_rate > 0.05",
// "rate(fallback_calls[5m]) > 1", "histogram_quantile(0.99,
// sum by (le) (rate(response_time_bucket[5m]))) > 0.5").
//
// A real parser, rather than a regular expression, is what lets dpls tell a
// metric name from a function, a label or a keyword: the identifiers it finds
// are linked to the `metrics` block of the same name (diagnostics, go to
// definition, rename, completion), and their position in the tree says
// whether a counter is compared raw or through rate(). Positions are byte
// offsets into the condition text. The package knows nothing of DPL files.
package expr
