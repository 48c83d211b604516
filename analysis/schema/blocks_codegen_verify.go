package schema

// This file holds the code generation and verification kinds.

// codegenBlocks returns generate_java, generate_go and generate_nodejs.
func codegenBlocks() []*Block {
	return []*Block{
		generatorBlock("generate_java", "Java",
			enum("spring_cloud", "spring_boot", "quarkus"), "spring_boot",
			"Resilience4j on Spring Boot 3/4 replaces the draft's Hystrix, which has been in maintenance mode since 2018 "+
				"(target `hystrix` still writes the legacy form).",
			"`spring_cloud` meant Spring Cloud Netflix Hystrix in the draft; Hystrix has been in maintenance mode since 2018 "+
				"and left Spring Cloud in 2020.0, so every framework gets Resilience4j.",
			field("package", strT, "Java package of the generated classes.", ex(`"com.example.orderservice"`))),
		generatorBlock("generate_go", "Go",
			enum("go_micro", "go_kit", "grpc", "net_http"), "net_http",
			"Generated code uses failsafe-go; go_micro maps to net/http + failsafe-go.", "",
			field("module", strT, "Go module path of the generated code.", ex(`"github.com/example/payment"`))),
		generatorBlock("generate_nodejs", "Node.js",
			enum("express", "fastify", "nestjs"), "express",
			"Generated code uses opossum (or cockatiel) for the resilience patterns.", "",
			field("package_name", strT, "npm package name of the generated code.", ex(`"inventory-service"`))),
	}
}

// generatorBlock builds one generate_<lang> kind; they differ only in the
// framework enum, the notes on the kind and its framework (frameworkNote
// may be empty), and the output's package key.
func generatorBlock(kind, lang string, frameworks Enum, dflt, note, frameworkNote string, pkg *Field) *Block {
	frameworkDoc := "Framework the generated " + lang + " code targets."
	if frameworkNote != "" {
		frameworkDoc += " " + frameworkNote
	}
	return &Block{
		Kind:         kind,
		Group:        GroupCodegen,
		UsesPatterns: true,
		Doc:          "Generates " + lang + " client code implementing the pattern blocks of the same name. " + note,
		Body: obj(
			field("framework", frameworks, frameworkDoc, ex(`"`+dflt+`"`), def(dflt)),
			field("patterns", patternKinds, "Block kinds to implement; a block of each kind must exist for this name.",
				ex(`["fault_tolerance"]`)),
			field("output", obj(
				field("directory", String{Format: "path"}, "Directory the code is written to.", ex(`"src"`)),
				pkg,
			), "Where and under which package name the code is written.", ex(`{ directory: "src" }`)),
		),
	}
}

// verificationBlocks returns verify_fault_tolerance, verify_consistency
// and formal_verification.
func verificationBlocks() []*Block {
	return []*Block{
		{
			Kind: "verify_fault_tolerance", Group: GroupVerification, NameRefersTo: "fault_tolerance",
			Doc: "Properties and bounds that `fault_tolerance` of the same name must satisfy; the worst-case retry latency is checked against `max_response_time`.",
			Body: obj(
				field("properties", strList, "Properties to verify, e.g. `timeout_guarantee`, `circuit_breaker_activation`.", ex(`["timeout_guarantee"]`)),
				field("constraints", obj(
					field("max_response_time", posDuration, "End-to-end bound on one logical call, compared with the retry worst case W.",
						unit("end-to-end"), ex(`"3s"`)),
					field("min_availability", ratio, "Minimum fraction of successful calls (0.99 = 99%).", ex("0.99")),
					field("max_error_rate", ratio, "Maximum fraction of failed calls (0.01 = 1%).", ex("0.01")),
				), "Quantitative bounds.", ex(`{ max_response_time: "3s" }`)),
				field("scenarios", strList, "Failure scenarios to exercise, e.g. `network_partition`.", ex(`["dependency_failure"]`)),
			),
		},
		{
			Kind: "verify_consistency", Group: GroupVerification, NameRefersTo: "consistency",
			Doc: "Properties and bounds that `consistency` of the same name must satisfy.",
			Body: obj(
				field("properties", strList, "Properties to verify, e.g. `linearizability`; they must be possible under the consistency level.", ex(`["linearizability"]`)),
				field("constraints", obj(
					field("max_replication_lag", posDuration, "Maximum delay before a replica has a write.", ex(`"1s"`)),
					field("min_quorum_size", posCount, "Smallest quorum; it must be a majority ⌊n/2⌋ + 1 and at most `nodes`.",
						unit("nodes"), ex("3"), def("⌊n/2⌋ + 1")),
					field("max_network_delay", posDuration, "Assumed worst network delay; the election timeout should be ≥ 10× it.", ex(`"100ms"`)),
				), "Quantitative bounds.", ex(`{ max_replication_lag: "1s" }`)),
				field("scenarios", strList, "Failure scenarios to exercise, e.g. `node_failure`.", ex(`["node_failure"]`)),
			),
		},
		{
			Kind: "formal_verification", Group: GroupVerification,
			Doc: "Model-checks the patterns. Spin (LTL) is what dpls can run; CTL formulas are translated where an LTL form exists.",
			Body: obj(
				field("properties", strList, "Temporal properties to check.", ex(`["fault_tolerance_guarantee"]`)),
				field("model_checker", Enum{Members: []string{"spin", "nuxmv", "tlc"}, FoldCase: true},
					"Model checker. nuXmv and TLC are not available to dpls; Spin is.", ex(`"spin"`), def("spin")),
				field("temporal_logic", Enum{Members: []string{"LTL", "CTL"}, FoldCase: true},
					"Logic of the properties. Spin checks LTL; existential CTL has no LTL form.", ex(`"LTL"`), def("LTL")),
				field("verification_timeout", posDuration, "Time budget for the model checker.", ex(`"1h"`)),
			),
		},
	}
}
