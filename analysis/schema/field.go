package schema

// Field is one key of a block or object.
//
// Doc is hover markdown and states the semantics rules.md pins. Unit is the
// unit of the value as hover shows it. Default is the reference default
// ("what the target does when the field is absent"), naming each target
// where they differ. Hard ranges live on the Type (so each alternative of a
// OneOf has its own) and feed GEN002. Example is source text completion
// inserts.
type Field struct {
	Name       string
	Type       Type
	Doc        string
	Unit       string
	Default    string
	Targets    []TargetKey
	Deprecated string
	Required   bool
	Example    string
	Shorthand  *Shorthand
}

// TargetKey maps a field to one target system's key. Note states any
// conversion ("max_attempts − 1"); Default is that target's own default.
type TargetKey struct {
	Target  string
	Key     string
	Note    string
	Default string
}

// Shorthand describes a scalar that stands for an object: `retry: 5` means
// {max_attempts: 5}, `fallback: "returnEmpty"` means {strategy:
// "returnEmpty"}. For "host[:port]" strings Means is "host", SplitPort names
// the key that receives the part after ":", and Implied gives the long-form
// values the short form implies (weight 1). PerElement marks shorthands of
// list elements (servers).
type Shorthand struct {
	Literal    LiteralKind
	Means      string
	SplitPort  string
	Implied    map[string]string
	PerElement bool
}

// Check checks lit against the field's type, naming the field in messages
// ("failure_threshold must be in (0%, 100%]").
func (f *Field) Check(lit Literal) (Normalized, []Problem) {
	return f.Type.check(lit, f.Name)
}

// Object returns the field's object form (see ObjectOf).
func (f *Field) Object() (*Object, bool) { return ObjectOf(f.Type) }

// Target returns the key of the named target, if the field maps to it.
func (f *Field) Target(target string) (TargetKey, bool) {
	for _, k := range f.Targets {
		if k.Target == target {
			return k, true
		}
	}
	return TargetKey{}, false
}
