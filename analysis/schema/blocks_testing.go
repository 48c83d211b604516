package schema

// This file holds the testing and composition kinds.

// chaosExperiments are the fault types chaos_engineering can inject.
var chaosExperiments = enum("network_partition", "service_failure", "high_latency", "resource_exhaustion",
	"pod_kill", "clock_skew", "packet_loss")

// testingBlocks returns generate_tests, benchmark and chaos_engineering.
func testingBlocks() []*Block {
	return []*Block{
		{
			Kind: "generate_tests", Group: GroupTesting, UsesPatterns: true, IdentifiedBy: []string{"type"},
			Doc: "Generates tests for the pattern blocks of the same name. Identified by name **and** `type`: one service may have a unit and an integration block.",
			Body: obj(
				field("type", enum("unit", "integration", "contract", "load"), "Kind of tests; part of the block's identity.", ex(`"unit"`), required()),
				field("framework", enum("junit", "testcontainers", "go_test", "jest", "mocha"), "Test framework.", ex(`"junit"`)),
				field("patterns", patternKinds, "Block kinds to test; a block of each kind must exist for this name.", ex(`["fault_tolerance"]`)),
				field("scenarios", strList, "Scenarios to generate, e.g. `timeout_scenario`.", ex(`["normal_operation"]`)),
			),
		},
		{
			Kind: "benchmark", Group: GroupTesting, UsesPatterns: true,
			Doc: "A load test (k6) for the service; `constraints` become thresholds and are compared with the retry worst case and rate limits.",
			Body: obj(
				field("patterns", patternKinds, "Block kinds under test.", ex(`["fault_tolerance"]`)),
				field("metrics", strList, "Measurements to report, e.g. `throughput`, `latency`.", ex(`["latency"]`)),
				field("scenarios", strList, "Load scenarios, e.g. `peak_load`.", ex(`["normal_load"]`),
					to("k6", "options.scenarios", "")),
				field("constraints", obj(
					field("max_latency_p95", posDuration, "95th-percentile latency bound; cannot exceed the p99 bound.", ex(`"100ms"`),
						to("k6", "thresholds.http_req_duration p(95)", "ms")),
					field("max_latency_p99", posDuration, "99th-percentile latency bound.", ex(`"250ms"`),
						to("k6", "thresholds.http_req_duration p(99)", "ms")),
					field("min_throughput", Rate{Range: Above(0, "")}, "Throughput the service must sustain, e.g. `\"1000 req/s\"` (also `rps`, `req/min`).",
						unit("req/s"), ex(`"1000 req/s"`), to("k6", "thresholds.iterations rate>=", "")),
					field("max_error_rate", ratio, "Maximum fraction of failed requests (0.001 = 0.1%).", ex("0.001"),
						to("k6", "thresholds.http_req_failed rate<", "")),
				), "Pass/fail thresholds.", ex(`{ max_latency_p95: "100ms" }`)),
			),
		},
		{
			Kind: "chaos_engineering", Group: GroupTesting, UsesPatterns: true,
			Doc: "Fault-injection experiments (Chaos Mesh, Toxiproxy) with a steady-state hypothesis in `success_criteria`.",
			Body: obj(
				field("experiments", listOf(chaosExperiments), "Faults to inject.", ex(`["pod_kill"]`),
					to("chaos-mesh", "NetworkChaos / PodChaos / StressChaos / TimeChaos", "")),
				field("metrics", strList, "Measurements that define steady state.", ex(`["error_rate"]`)),
				field("success_criteria", obj(
					field("availability_threshold", ratio, "Minimum availability during the experiment (0.99 = 99%).", ex("0.99")),
					field("max_response_time_increase", Percent{Range: AtLeast(0, "")}, "Allowed growth of response time over steady state.",
						unit("%"), ex(`"50%"`)),
				), "Steady-state hypothesis; without it the experiment cannot pass or fail.", ex("{ availability_threshold: 0.99 }")),
				field("duration", posDuration, "How long faults are injected; start small.", ex(`"5m"`), to("chaos-mesh", "spec.duration", "")),
				field("target", Reference{To: RefService, Open: true}, "Service the faults hit; defaults to the block name.", ex(`"order-service"`)),
			),
		},
	}
}

// compositionBlocks returns microservice_pattern and event_driven_pattern.
func compositionBlocks() []*Block {
	return []*Block{
		{
			Kind: "microservice_pattern", Group: GroupComposition,
			Doc: "Composes services and the patterns they share. The order of `services` is a call path for retry-amplification analysis.",
			Body: obj(
				field("patterns", patternKinds, "Pattern kinds every service applies.", ex(`["fault_tolerance"]`)),
				field("services", serviceList, "Member services; names matching blocks link to them.", ex(`["order-service"]`)),
				field("communication", obj(
					field("sync", strT, "Synchronous protocol, e.g. `http_rest`, `grpc`.", ex(`"http_rest"`)),
					field("async", strT, "Asynchronous channel, e.g. `message_queue`.", ex(`"message_queue"`)),
				), "How services talk.", ex(`{ sync: "grpc" }`)),
				field("data_consistency", consistencyLevels, "Consistency level between services.", ex(`"eventual"`)),
				field("deployment", strT, "Deployment platform, e.g. `kubernetes`.", ex(`"kubernetes"`)),
			),
		},
		{
			Kind: "event_driven_pattern", Group: GroupComposition,
			Doc: "An event-driven architecture: events, event store, saga coordinator and CQRS sides.",
			Body: obj(
				field("patterns", listOf(Reference{To: RefKind, Open: true}),
					"Patterns used; block kinds link to blocks, other names (`event_sourcing`, `cqrs`) are descriptive.", ex(`["message_queue"]`)),
				field("events", strList, "Domain events, e.g. `order_created`.", ex(`["order_created"]`)),
				field("event_store", strT, "Where events are stored, e.g. `kafka`.", ex(`"kafka"`)),
				field("saga_coordinator", strT, "Saga orchestration framework, e.g. `axon`.", ex(`"axon"`)),
				field("cqrs", obj(
					field("command_side", Reference{To: RefService, Open: true}, "Service handling commands.", ex(`"order_command_service"`)),
					field("query_side", Reference{To: RefService, Open: true}, "Service answering queries.", ex(`"order_query_service"`)),
				), "Command/query responsibility segregation.", ex(`{ command_side: "orders_cmd" }`)),
			),
		},
	}
}
