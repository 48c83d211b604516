package schema

// Group is the spec's grouping of block kinds.
type Group string

// The groups of the spec's "Block kinds" table, in its order.
const (
	GroupCore          Group = "core patterns"
	GroupAdvanced      Group = "advanced"
	GroupCodegen       Group = "code generation"
	GroupVerification  Group = "verification"
	GroupObservability Group = "observability"
	GroupDeployment    Group = "deployment"
	GroupTesting       Group = "testing"
	GroupComposition   Group = "composition"
	GroupRecursive     Group = "recursive extensions"
)

// Block is the schema of one block kind. Body holds its members.
//
// NameRefersTo is the kind whose block of the same name this one checks
// (verify_fault_tolerance N checks fault_tolerance N; alerts N uses metrics
// N). UsesPatterns marks kinds that act on every pattern block of their name
// (generators, deployments, tests, benchmarks, chaos). IdentifiedBy lists
// keys that join the name in a block's identity (generate_tests: type).
type Block struct {
	Kind         string
	Group        Group
	Doc          string
	Body         *Object
	NameRefersTo string
	UsesPatterns bool
	IdentifiedBy []string
}

// Field returns the member field for key (see Object.Field).
func (b *Block) Field(key string) (*Field, bool) { return b.Body.Field(key) }

// Fields returns the known fields in canonical order.
func (b *Block) Fields() []*Field { return b.Body.Fields }

// blocks is the registry in spec order; byKind indexes it.
var (
	blocks = buildBlocks()
	byKind = indexBlocks(blocks)
)

// buildBlocks assembles every block kind in the order of the spec table.
func buildBlocks() []*Block {
	var all []*Block
	for _, group := range [][]*Block{
		coreBlocks(), advancedBlocks(), codegenBlocks(), verificationBlocks(),
		observabilityBlocks(), deploymentBlocks(), testingBlocks(),
		compositionBlocks(), recursiveBlocks(),
	} {
		all = append(all, group...)
	}
	return all
}

// indexBlocks maps kinds to blocks and panics on a duplicate, which can
// only be a bug in this package's data.
func indexBlocks(all []*Block) map[string]*Block {
	m := make(map[string]*Block, len(all))
	for _, b := range all {
		if _, dup := m[b.Kind]; dup {
			panic("schema: duplicate block kind " + b.Kind)
		}
		m[b.Kind] = b
	}
	return m
}

// Lookup returns the schema of a block kind.
func Lookup(kind string) (*Block, bool) {
	b, ok := byKind[kind]
	return b, ok
}

// Kinds returns every block kind in spec order (grouped as the spec's
// "Block kinds" table), which is also the completion order.
func Kinds() []string {
	kinds := make([]string, len(blocks))
	for i, b := range blocks {
		kinds[i] = b.Kind
	}
	return kinds
}

// Blocks returns every block schema in spec order.
func Blocks() []*Block { return append([]*Block(nil), blocks...) }

// ObjectAt returns the object schema at path in a block of kind: the block
// body for an empty path, else the object the field at path holds.
func ObjectAt(kind string, path []string) (*Object, bool) {
	if len(path) == 0 {
		b, ok := Lookup(kind)
		if !ok {
			return nil, false
		}
		return b.Body, true
	}
	f, ok := Resolve(kind, path)
	if !ok {
		return nil, false
	}
	return f.Object()
}

// Resolve finds the field at path inside a block of the given kind:
// Resolve("fault_tolerance", []string{"circuit_breaker", "failure_threshold"}).
// It descends through object alternatives of OneOf types (retry: count or
// object) and through list elements (servers, port); numeric segments
// ("0") index lists and are skipped.
func Resolve(kind string, path []string) (*Field, bool) {
	b, ok := Lookup(kind)
	if !ok || len(path) == 0 {
		return nil, false
	}
	obj := b.Body
	var f *Field
	for i, key := range path {
		if f != nil && isIndex(key) {
			if _, isList := f.Type.(*List); isList {
				continue
			}
		}
		if obj == nil {
			return nil, false
		}
		if f, ok = obj.Field(key); !ok {
			return nil, false
		}
		obj = nil
		if i < len(path)-1 {
			obj, _ = f.Object()
		}
	}
	return f, f != nil
}

// isIndex reports whether a path segment is a list index ("0", "12"),
// without strconv.Atoi's error value for every key that is not: Resolve
// runs for each value a rule reads.
func isIndex(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		if key[i] < '0' || key[i] > '9' {
			return false
		}
	}
	return true
}
