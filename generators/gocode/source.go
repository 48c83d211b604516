package gocode

import (
	"bytes"
	"fmt"
	"strings"

	g "github.com/dpls-dev/dpls/generators"
)

// resilience builds resilience.go.
func (s *gen) resilience(c config) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%spackage %s\n\n", g.SlashComment("Package "+s.pkg+" calls the dependencies of "+s.svc.Name+" through the fault-tolerance policies declared in DPL (github.com/failsafe-go/failsafe-go "+FailsafeVersion+")."), s.pkg)
	b.WriteString(`import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/failsafe-go/failsafe-go"
	"github.com/failsafe-go/failsafe-go/bulkhead"
	"github.com/failsafe-go/failsafe-go/circuitbreaker"
	"github.com/failsafe-go/failsafe-go/failsafehttp"
	"github.com/failsafe-go/failsafe-go/fallback"
	"github.com/failsafe-go/failsafe-go/ratelimiter"
	"github.com/failsafe-go/failsafe-go/retrypolicy"
	"github.com/failsafe-go/failsafe-go/timeout"
)
`)
	b.WriteString("\n")
	b.WriteString(g.SlashComment("DefaultConfig returns the settings declared in DPL for " + s.svc.Name + "."))
	if len(c.comments) > 0 {
		b.WriteString("//\n")
		b.WriteString(g.SlashComment("Notes on the DPL settings:\n" + strings.Join(bullets(c.comments), "\n")))
	}
	fmt.Fprintf(&b, "func DefaultConfig() Config {\n\treturn Config{\n%s\t}\n}\n", c.render())
	b.WriteString(resilienceSrc)
	return b.Bytes()
}

func bullets(items []string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = "  - " + it
	}
	return out
}

// handler builds handler.go.
func (s *gen) handler() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"io\"\n\t\"net/http\"\n\t\"strings\"\n)\n", s.pkg)
	b.WriteString(handlerSrc)
	return b.Bytes()
}
