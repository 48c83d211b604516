package schema

// Any accepts every literal. It types free-form payloads such as
// fallback.default_response, whose content DPL passes through to the
// generated code unchanged.
type Any struct{}

func (Any) String() string           { return "any value" }
func (Any) accepts(LiteralKind) bool { return true }
func (t Any) check(lit Literal, _ string) (Normalized, []Problem) {
	return Normalized{Kind: anyKind(lit.Kind), Type: t, Source: lit.Text, Text: lit.Text}, nil
}

// Check implements Type.
func (t Any) Check(lit Literal) (Normalized, []Problem) { return t.check(lit, "value") }

// anyKind maps a literal kind to the value kind Any reports.
func anyKind(k LiteralKind) ValueKind {
	switch k {
	case LitObject:
		return ValObject
	case LitArray:
		return ValList
	case LitBool:
		return ValBool
	case LitNumber:
		return ValNumber
	}
	return ValString
}
