package policy

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/dpls-dev/dpls/analysis/model"
)

// JSON encodes a DPL value with encoding/json, keeping object members in
// source order (a map would sort them). Strings are escaped by the encoder,
// so the result is safe to embed wherever JSON is a literal: a JS
// expression, a Java or Go string after that language's own quoting.
func JSON(v model.Value) json.RawMessage {
	var buf bytes.Buffer
	writeJSON(&buf, v)
	return buf.Bytes()
}

func writeJSON(buf *bytes.Buffer, v model.Value) {
	switch n := v.(type) {
	case *model.String:
		writeString(buf, n.Value)
	case *model.Number:
		if f, err := strconv.ParseFloat(n.Text, 64); err == nil {
			buf.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		} else {
			buf.WriteString("null")
		}
	case *model.Bool:
		buf.WriteString(strconv.FormatBool(n.Value))
	case *model.Array:
		buf.WriteByte('[')
		for i, e := range n.Elems {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeJSON(buf, e)
		}
		buf.WriteByte(']')
	case *model.Object:
		buf.WriteByte('{')
		seen := map[string]bool{}
		first := true
		for _, m := range n.Members {
			if seen[m.Key.Text] {
				continue // a duplicate key is reported by the analyzer; the first wins
			}
			seen[m.Key.Text] = true
			if !first {
				buf.WriteByte(',')
			}
			first = false
			writeString(buf, m.Key.Text)
			buf.WriteByte(':')
			writeJSON(buf, m.Value)
		}
		buf.WriteByte('}')
	default:
		buf.WriteString("null")
	}
}

// writeString writes s as a JSON string with encoding/json's escaping,
// which also escapes <, > and & and the JS line terminators U+2028/2029.
func writeString(buf *bytes.Buffer, s string) {
	b, _ := json.Marshal(s) // a string always marshals
	buf.Write(b)
}
