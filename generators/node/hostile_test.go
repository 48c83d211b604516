package node

import (
	"bytes"
	"encoding/json"
	"path"
	"testing"

	"github.com/dpls-dev/dpls/internal/gentest"
)

// hostileBody is the default_response of testdata/generate/code/hostile.dpl.
var hostileBody = map[string]string{
	"msg": "\"); System.exit(1); //",
	"js":  "`${process.exit(1)}` */ </script>",
	"go":  "\" + os.Args[0] + \"\n}\nfunc init() { panic(1) }",
	"uni": "\n\u2028\\u0022 done",
}

// TestHostileStringsStayJSON reads the settings object of the generated
// server.js back as JSON: the hostile strings are whole values of it, and
// the code after it is the fixed code, not a fragment of a DPL string.
func TestHostileStringsStayJSON(t *testing.T) {
	files := gentest.Generated(gentest.Run(t, Target, gentest.Load(t, "testdata/generate/code/hostile.dpl")))
	for _, f := range files {
		if path.Base(f.Path) != "server.js" {
			continue
		}
		start := bytes.Index(f.Content, []byte("Object.freeze(")) + len("Object.freeze(")
		end := bytes.Index(f.Content, []byte(");\n\n// UpstreamError"))
		if start < len("Object.freeze(") || end < start {
			t.Fatalf("%s: settings object not found", f.Path)
		}
		var cfg struct {
			FallbackBody map[string]string `json:"fallbackBody"`
		}
		if err := json.Unmarshal(f.Content[start:end], &cfg); err != nil {
			t.Fatalf("%s: settings are not one JSON value: %v", f.Path, err)
		}
		for k, want := range hostileBody {
			if cfg.FallbackBody[k] != want {
				t.Errorf("fallbackBody.%s = %q, want %q", k, cfg.FallbackBody[k], want)
			}
		}
		if !bytes.HasSuffix(f.Content, []byte(serverSrc)) {
			t.Errorf("%s: the code after the settings is not the fixed server code", f.Path)
		}
		return
	}
	t.Fatal("no server.js generated")
}
