package generators

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// YAML output is built as yaml.v3 nodes and written by its encoder, so
// every DPL string is quoted or block-scaled as YAML requires: a value
// holding ": ", "#", "---", a newline or a quote stays one scalar and can
// never start a key or a document. Nodes (rather than Go structs) keep key
// order as the target's documentation writes it and carry comments.

// Pair is one key and its value in a mapping.
type Pair struct {
	Key   string
	Value *yaml.Node
	// Comment is written above the key: why a value was defaulted, which
	// DPL setting has no equivalent here.
	Comment string
}

// KV builds a pair.
func KV(key string, v *yaml.Node) Pair { return Pair{Key: key, Value: v} }

// Map builds a mapping; pairs with a nil value are left out, so optional
// settings read as `KV("replicas", maybeInt)`. A left-out pair's comment
// is kept, on the next key or, at the end, below the mapping.
func Map(pairs ...Pair) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	var pending []string
	for _, p := range pairs {
		if p.Comment != "" {
			pending = append(pending, p.Comment)
		}
		if p.Value == nil {
			continue
		}
		k := Str(p.Key)
		if len(pending) > 0 {
			k.HeadComment = Comment(strings.Join(pending, "\n"))
			pending = nil
		}
		m.Content = append(m.Content, k, p.Value)
	}
	if len(pending) > 0 {
		m.FootComment = Comment(strings.Join(pending, "\n"))
	}
	return m
}

// Seq builds a sequence of the non-nil items.
func Seq(items ...*yaml.Node) *yaml.Node {
	s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, it := range items {
		if it != nil {
			s.Content = append(s.Content, it)
		}
	}
	return s
}

// Str is a string scalar. yaml.v3 quotes text that YAML 1.2 would read as
// another type ("true", "100", "null"); Str also double-quotes what only
// YAML 1.1 reads as a boolean or a number ("yes", "on", "n", "12:30",
// "0b101"), because the consumers of these files — Kubernetes
// (sigs.k8s.io/yaml), Prometheus, Compose — parse YAML 1.1.
func Str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if yaml11NonString(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// yaml11Bools are the YAML 1.1 booleans (yaml.org/type/bool.html).
var yaml11Bools = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "n": true, "N": true, "no": true, "No": true, "NO": true,
	"true": true, "True": true, "TRUE": true, "false": true, "False": true, "FALSE": true,
	"on": true, "On": true, "ON": true, "off": true, "Off": true, "OFF": true,
}

// yaml11Numbers are the YAML 1.1 integer and float forms YAML 1.2 dropped:
// base 60 ("12:30", "1:20.5") and binary ("0b1010"), with "_" separators.
var yaml11Numbers = regexp.MustCompile(`^[-+]?(0b[01_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$`)

func yaml11NonString(s string) bool { return yaml11Bools[s] || yaml11Numbers.MatchString(s) }

// Int is an integer scalar.
func Int(n int64) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(n, 10)}
}

// Float is a number scalar in its shortest exact form.
func Float(f float64) *yaml.Node {
	if f == float64(int64(f)) {
		return Int(int64(f))
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(f, 'g', -1, 64)}
}

// Bool is a boolean scalar.
func Bool(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

// StrMap builds a mapping of strings from keys in the given order.
func StrMap(keys []string, values map[string]string) *yaml.Node {
	pairs := make([]Pair, 0, len(keys))
	for _, k := range keys {
		pairs = append(pairs, KV(k, Str(values[k])))
	}
	return Map(pairs...)
}

// Comment turns note text into YAML comment lines: every line gets its own
// "# " and control characters become spaces, so a DPL string quoted in a
// note cannot end the comment.
func Comment(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = "# " + oneLine(l)
	}
	return strings.Join(lines, "\n")
}

// EncodeYAML writes docs as one YAML stream (documents separated by
// "---") with two-space indentation.
func EncodeYAML(docs ...*yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			return nil, fmt.Errorf("encoding YAML: %w", err)
		}
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encoding YAML: %w", err)
	}
	return buf.Bytes(), nil
}

// YAMLFile encodes docs and seals them with dpls's header naming target and
// the source blocks.
func YAMLFile(path, target string, sources []rule.Ref, docs ...*yaml.Node) (File, error) {
	body, err := EncodeYAML(docs...)
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", path, err)
	}
	return File{Path: path, Content: Seal("#", target, sources, body)}, nil
}
