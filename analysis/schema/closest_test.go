package schema

import "testing"

func TestClosest(t *testing.T) {
	kinds := Kinds()
	tests := []struct {
		name       string
		candidates []string
		want       string
		ok         bool
	}{
		{"exponental", []string{"fixed", "exponential", "exponential_jitter", "linear"}, "exponential", true},
		{"fault_tolerence", kinds, "fault_tolerance", true},
		{"load_balancr", kinds, "load_balancer", true},
		{"metircs", kinds, "metrics", true},
		{"Raft", []string{"raft", "paxos"}, "raft", true},
		{"ttl", []string{"tcp", "http"}, "", false},
		{"2", []string{"0", "1", "all"}, "", false},
		{"completely_different", kinds, "", false},
		{"x", nil, "", false},
		{"least_con", []string{"least_conn", "least_connections"}, "least_conn", true},
		{"failure_treshold", []string{"failure_threshold", "reset_timeout"}, "failure_threshold", true},
	}
	for _, tt := range tests {
		got, ok := Closest(tt.name, tt.candidates)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"ab", "ba", 1}, {"metrics", "metircs", 1}, {"same", "same", 0},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
