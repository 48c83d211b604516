package expr

// aggregations take an optional `by`/`without` clause; the ones in
// paramAggregations take a parameter before the vector (topk(5, x)).
var aggregations = map[string]bool{
	"sum": true, "avg": true, "min": true, "max": true, "count": true, "group": true,
	"stddev": true, "stdvar": true, "topk": true, "bottomk": true, "quantile": true,
	"count_values": true, "limitk": true, "limit_ratio": true,
}

// functions are PromQL's functions, with how many arguments they take
// (min, max; max -1 means any number).
var functions = map[string][2]int{
	"abs": {1, 1}, "absent": {1, 1}, "absent_over_time": {1, 1}, "ceil": {1, 1}, "changes": {1, 1},
	"clamp": {3, 3}, "clamp_max": {2, 2}, "clamp_min": {2, 2}, "day_of_month": {0, 1},
	"day_of_week": {0, 1}, "day_of_year": {0, 1}, "days_in_month": {0, 1}, "delta": {1, 1},
	"deriv": {1, 1}, "exp": {1, 1}, "floor": {1, 1}, "histogram_avg": {1, 1},
	"histogram_count": {1, 1}, "histogram_fraction": {3, 3}, "histogram_quantile": {2, 2},
	"histogram_sum": {1, 1}, "histogram_stddev": {1, 1}, "histogram_stdvar": {1, 1},
	"holt_winters": {3, 3}, "hour": {0, 1}, "idelta": {1, 1}, "increase": {1, 1}, "irate": {1, 1},
	"label_join": {3, -1}, "label_replace": {5, 5}, "ln": {1, 1}, "log2": {1, 1}, "log10": {1, 1},
	"minute": {0, 1}, "month": {0, 1}, "predict_linear": {2, 2}, "rate": {1, 1}, "resets": {1, 1},
	"round": {1, 2}, "scalar": {1, 1}, "sgn": {1, 1}, "sort": {1, 1}, "sort_desc": {1, 1},
	"sqrt": {1, 1}, "time": {0, 0}, "timestamp": {1, 1}, "vector": {1, 1}, "year": {0, 1},
	"avg_over_time": {1, 1}, "min_over_time": {1, 1}, "max_over_time": {1, 1},
	"sum_over_time": {1, 1}, "count_over_time": {1, 1}, "quantile_over_time": {2, 2},
	"stddev_over_time": {1, 1}, "stdvar_over_time": {1, 1}, "last_over_time": {1, 1},
	"present_over_time": {1, 1}, "acos": {1, 1}, "asin": {1, 1}, "atan": {1, 1}, "cos": {1, 1},
	"sin": {1, 1}, "tan": {1, 1}, "deg": {1, 1}, "rad": {1, 1}, "pi": {0, 0},
}

// paramAggregations take a parameter first.
var paramAggregations = map[string]bool{"topk": true, "bottomk": true, "quantile": true, "count_values": true, "limitk": true, "limit_ratio": true}

// keywords cannot be metric names in an expression.
var keywords = map[string]bool{
	"and": true, "or": true, "unless": true, "by": true, "without": true, "on": true,
	"ignoring": true, "group_left": true, "group_right": true, "bool": true, "offset": true,
	"atan2": true,
}

// IsFunction reports whether name is a PromQL function or aggregation.
func IsFunction(name string) bool {
	_, fn := functions[name]
	return fn || aggregations[name]
}

// Functions returns every function and aggregation name, for completion.
func Functions() []string {
	out := make([]string, 0, len(functions)+len(aggregations))
	for f := range functions {
		out = append(out, f)
	}
	for a := range aggregations {
		out = append(out, a)
	}
	return out
}
