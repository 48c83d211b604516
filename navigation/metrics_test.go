package navigation

import (
	"strings"
	"testing"

	"github.com/dpls-dev/dpls/analysis"
)

// Metric names inside alert conditions link to the metrics block of the same
// name, across files, and a histogram's _bucket series links to the
// histogram.
func TestMetricLinks(t *testing.T) {
	w := analysis.New(analysis.Config{}).
		SetFile("m.dpl", []byte("metrics OrderService {\n  load_balancer: {\n    error_rate: \"gauge\"\n    response_time: \"histogram\"\n  }\n}\n")).
		SetFile("a.dpl", []byte("alerts order-service {\n  errors: {\n    condition: \"error_rate > 0.05 and rate(error_rate[5m]) > 0\"\n    duration: \"5m\"\n  }\n  slow: {\n    condition: \"histogram_quantile(0.9, rate(response_time_bucket[5m])) > 1\"\n    duration: \"5m\"\n  }\n}\n"))

	use := offsetOf(t, w, "a.dpl", "error_rate >")
	if got := strings.Join(render(w, Definition(w, "a.dpl", use)), "\n"); got != "m.dpl:error_rate" {
		t.Errorf("definition of error_rate from the condition = %q", got)
	}
	decl := offsetOf(t, w, "m.dpl", "error_rate")
	got := strings.Join(render(w, References(w, "m.dpl", decl, true)), "\n")
	want := "a.dpl:error_rate\na.dpl:error_rate\nm.dpl:error_rate"
	if got != want {
		t.Errorf("references of error_rate:\n%s\nwant:\n%s", got, want)
	}
	bucket := offsetOf(t, w, "a.dpl", "response_time_bucket")
	if got := strings.Join(render(w, Definition(w, "a.dpl", bucket)), "\n"); got != "m.dpl:response_time" {
		t.Errorf("definition of response_time_bucket = %q", got)
	}
	edits, err := Rename(w, "m.dpl", offsetOf(t, w, "m.dpl", "response_time"), "latency")
	if err != nil {
		t.Fatal(err)
	}
	var renamed []string
	for _, e := range edits {
		src := w.File(e.File).Src
		renamed = append(renamed, e.File+":"+string(src[e.Span.Start:e.Span.End])+"→"+e.NewText)
	}
	if got := strings.Join(renamed, "\n"); !strings.Contains(got, "a.dpl:response_time→latency") || !strings.Contains(got, "m.dpl:response_time→latency") || len(edits) != 2 {
		t.Errorf("rename response_time → latency edits:\n%s", got)
	}
}
