package expr

// Use is one metric selector of a condition and where it sits.
type Use struct {
	*Selector
	// InCall is the innermost function or aggregation around the selector,
	// "" when the selector is used raw.
	InCall string
	// Compared is set when the selector takes part, through arithmetic
	// only, in a comparison: `errors > 5`, `errors / 2 > 5`.
	Compared bool
}

// Uses returns every metric selector of n in source order.
func Uses(n Node) []Use {
	var out []Use
	walk(n, "", false, &out)
	return out
}

func walk(n Node, call string, compared bool, out *[]Use) {
	switch x := n.(type) {
	case *Selector:
		*out = append(*out, Use{Selector: x, InCall: call, Compared: compared && call == ""})
	case *Call:
		for _, a := range x.Args {
			walk(a, x.Func, compared, out)
		}
	case *Binary:
		cmp := compared || IsComparison(x.Op)
		if x.Op == "and" || x.Op == "or" || x.Op == "unless" {
			cmp = false
		}
		walk(x.L, call, cmp, out)
		walk(x.R, call, cmp, out)
	case *Unary:
		walk(x.X, call, compared, out)
	case *Paren:
		walk(x.X, call, compared, out)
	case *Subquery:
		walk(x.X, call, compared, out)
	}
}
