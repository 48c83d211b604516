package schema

import (
	"reflect"
	"strings"
	"testing"
)

// specFields lists, per kind, the fields the spec's "Block kinds" section
// names; the schema must know each of them.
var specFields = map[string][]string{
	"fault_tolerance":             {"retry", "timeout", "total_timeout", "circuit_breaker", "fallback", "bulkhead", "rate_limiter"},
	"consistency":                 {"type", "nodes", "election_timeout", "heartbeat_interval", "snapshot_interval", "log_compaction", "network_partition", "data_replication", "read_quorum", "write_quorum"},
	"load_balancer":               {"strategy", "servers", "health_check", "session_affinity", "rate_limiting"},
	"service_discovery":           {"registry", "service_name", "service_tags", "health_check", "metadata", "discovery"},
	"distributed_lock":            {"provider", "lock_key", "ttl", "retry", "auto_renewal", "deadlock_detection", "nodes"},
	"distributed_transaction":     {"coordinator", "participants", "compensation", "timeout", "retry", "isolation"},
	"distributed_cache":           {"provider", "nodes", "sharding", "replication", "eviction", "persistence"},
	"message_queue":               {"provider", "topic", "partitions", "replication_factor", "min_insync_replicas", "brokers", "retention", "producer", "consumer", "dead_letter_queue"},
	"generate_java":               {"framework", "patterns", "output"},
	"generate_go":                 {"framework", "patterns", "output"},
	"generate_nodejs":             {"framework", "patterns", "output"},
	"verify_fault_tolerance":      {"properties", "constraints", "scenarios"},
	"verify_consistency":          {"properties", "constraints", "scenarios"},
	"formal_verification":         {"properties", "model_checker", "temporal_logic", "verification_timeout"},
	"metrics":                     {},
	"alerts":                      {},
	"deploy_kubernetes":           {"replicas", "resources", "liveness_probe", "readiness_probe", "horizontal_pod_autoscaler", "image", "port", "namespace"},
	"deploy_docker_compose":       {"services", "networks", "volumes", "environment"},
	"generate_tests":              {"type", "framework", "patterns", "scenarios"},
	"benchmark":                   {"patterns", "metrics", "scenarios", "constraints"},
	"chaos_engineering":           {"experiments", "metrics", "success_criteria", "duration", "target"},
	"microservice_pattern":        {"patterns", "services", "communication", "data_consistency", "deployment"},
	"event_driven_pattern":        {"patterns", "events", "event_store", "saga_coordinator", "cqrs"},
	"multi_level_fault_tolerance": {},
	"dynamic_consistency":         {"auto_switch"},
	"adaptive_load_balancer":      {"strategies", "auto_selection", "health_check"},
}

func TestKindsInSpecOrder(t *testing.T) {
	want := []string{
		"fault_tolerance", "consistency", "load_balancer", "service_discovery",
		"distributed_lock", "distributed_transaction", "distributed_cache", "message_queue",
		"generate_java", "generate_go", "generate_nodejs",
		"verify_fault_tolerance", "verify_consistency", "formal_verification",
		"metrics", "alerts", "deploy_kubernetes", "deploy_docker_compose",
		"generate_tests", "benchmark", "chaos_engineering",
		"microservice_pattern", "event_driven_pattern",
		"multi_level_fault_tolerance", "dynamic_consistency", "adaptive_load_balancer",
	}
	if got := Kinds(); !reflect.DeepEqual(got, want) {
		t.Errorf("Kinds() = %v", got)
	}
	if len(Blocks()) != len(want) {
		t.Errorf("Blocks() has %d entries", len(Blocks()))
	}
	for _, k := range want {
		b, ok := Lookup(k)
		if !ok || b.Kind != k {
			t.Errorf("Lookup(%q) failed", k)
			continue
		}
		for _, name := range specFields[k] {
			if _, ok := b.Field(name); !ok {
				t.Errorf("%s lacks spec field %s", k, name)
			}
		}
	}
	if _, ok := Lookup("fault_tolerence"); ok {
		t.Error("Lookup accepted a typo")
	}
}

// walkFields visits every field reachable from o, including key-pattern,
// open-key, OneOf-object and list-element fields, once each.
func walkFields(o *Object, path string, seen map[*Field]bool, visit func(string, *Field)) {
	all := append([]*Field(nil), o.Fields...)
	for _, p := range o.KeyPatterns {
		all = append(all, p.Field)
	}
	if o.OpenKeys != nil {
		all = append(all, o.OpenKeys)
	}
	for _, f := range all {
		if seen[f] {
			continue
		}
		seen[f] = true
		visit(path+"."+f.Name, f)
		if sub, ok := f.Object(); ok {
			walkFields(sub, path+"."+f.Name, seen, visit)
		}
	}
}

func TestEveryBlockAndFieldHasDocs(t *testing.T) {
	for _, b := range Blocks() {
		if strings.TrimSpace(b.Doc) == "" || b.Group == "" {
			t.Errorf("%s: missing doc or group", b.Kind)
		}
		walkFields(b.Body, b.Kind, map[*Field]bool{}, func(path string, f *Field) {
			if strings.TrimSpace(f.Doc) == "" {
				t.Errorf("%s: empty doc", path)
			}
			if f.Type == nil {
				t.Errorf("%s: nil type", path)
			}
			for _, k := range f.Targets {
				if k.Target == "" || k.Key == "" {
					t.Errorf("%s: incomplete target key %+v", path, k)
				}
			}
		})
	}
}

func TestExamplesCheckClean(t *testing.T) {
	for _, b := range Blocks() {
		walkFields(b.Body, b.Kind, map[*Field]bool{}, func(path string, f *Field) {
			lit, ok := exampleLiteral(f.Example)
			if !ok {
				return
			}
			if _, probs := f.Check(lit); hasErrors(probs) {
				t.Errorf("%s: example %s does not check: %+v", path, f.Example, probs)
			}
		})
	}
}

// exampleLiteral reads a scalar example; composite examples are skipped.
func exampleLiteral(src string) (Literal, bool) {
	switch {
	case src == "" || src[0] == '{' || src[0] == '[':
		return Literal{}, false
	case src[0] == '"':
		return Str(strings.Trim(src, `"`)), true
	case src == "true" || src == "false":
		return Literal{Kind: LitBool, Text: src}, true
	}
	return Num(src), true
}

func TestNameRelations(t *testing.T) {
	for kind, want := range map[string]string{
		"verify_fault_tolerance": "fault_tolerance", "verify_consistency": "consistency", "alerts": "metrics",
	} {
		if b, _ := Lookup(kind); b.NameRefersTo != want {
			t.Errorf("%s.NameRefersTo = %q", kind, b.NameRefersTo)
		}
	}
	if b, _ := Lookup("generate_tests"); !b.UsesPatterns || len(b.IdentifiedBy) != 1 || b.IdentifiedBy[0] != "type" {
		t.Errorf("generate_tests identity: %+v", b)
	}
}
