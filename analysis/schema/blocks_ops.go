package schema

// This file holds the observability and deployment kinds.

// metricTypes are the Prometheus instrument types.
var metricTypes = enum("counter", "gauge", "histogram", "summary")

// observabilityBlocks returns metrics and alerts.
func observabilityBlocks() []*Block {
	metric := field("<metric>", metricTypes,
		"Instrument type: `counter` only grows (alert on `rate()`), `gauge` goes up and down, `histogram`/`summary` record distributions (alert on a quantile). Counters should end in `_total`.",
		ex(`"counter"`), to("prometheus", "metric type", ""))
	alert := obj(
		field("condition", Expression{Over: RefMetric}, "Condition over the metrics declared in `metrics` of the same name, e.g. `error_rate > 0.05`.",
			ex(`"error_rate > 0.05"`), required(), to("prometheus", "expr", "PromQL")),
		field("duration", nonNegDur, "How long the condition must hold before the alert fires. Rules are evaluated every 1m by default, so shorter values act like 1m.",
			ex(`"5m"`), def("0 (fires on first evaluation)"), to("prometheus", "for", "")),
		field("severity", enum("critical", "warning", "info"), "Severity label for routing.", ex(`"warning"`), to("prometheus", "labels.severity", "")),
	)
	return []*Block{
		{
			Kind: "metrics", Group: GroupObservability,
			Doc:  "Metrics the service exports, grouped by pattern (`fault_tolerance: { retry_attempts: \"histogram\" }`). Alerts of the same name refer to them.",
			Body: openObj(field("<group>", openObj(metric), "A group of metrics, usually named after a pattern kind.", ex(`{ request_count: "counter" }`))),
		},
		{
			Kind: "alerts", Group: GroupObservability, NameRefersTo: "metrics",
			Doc: "Alert rules over the metrics of the same name; one object per alert (Prometheus alerting rules).",
			Body: openObj(field("<alert>", alert, "One alert rule.", ex(`{ condition: "error_rate > 0.05", duration: "5m", severity: "warning" }`),
				to("prometheus", "groups[].rules[].alert", "CamelCase of name"))),
		},
	}
}

// probe builds a liveness/readiness probe object.
func probe() *Object {
	return obj(
		field("http_get", String{Format: "path"}, "HTTP path probed; 200–399 is success.", ex(`"/health"`), def("/"),
			to("kubernetes", "httpGet.path", "port from `port`")),
		field("initial_delay_seconds", nonNegCount, "Seconds before the first probe; prefer a startup probe to a long delay.",
			unit("s"), ex("10"), def("0"), to("kubernetes", "initialDelaySeconds", "")),
		field("period_seconds", Count{Range: AtLeast(1, "Kubernetes")}, "Seconds between probes.", unit("s"), ex("10"), def("10"),
			to("kubernetes", "periodSeconds", "")),
		field("timeout_seconds", Count{Range: AtLeast(1, "Kubernetes")}, "Seconds before one probe times out.", unit("s"), ex("1"), def("1"),
			to("kubernetes", "timeoutSeconds", "")),
		field("failure_threshold", Count{Range: AtLeast(1, "Kubernetes")}, "Consecutive failures before the container is restarted (liveness) or unready (readiness).",
			unit("consecutive failures"), ex("3"), def("3"), to("kubernetes", "failureThreshold", "")),
		field("success_threshold", Count{Range: AtLeast(1, "Kubernetes")}, "Consecutive successes to count as healthy again; must be 1 for liveness.",
			unit("consecutive successes"), ex("1"), def("1"), to("kubernetes", "successThreshold", "")),
	)
}

// cpuMem builds a requests/limits object.
func cpuMem(what string) *Object {
	return obj(
		field("cpu", Quantity{Resource: "cpu"}, "CPU "+what+" in cores; `m` is 1/1000 core (`\"500m\"`).", unit("cores"), ex(`"500m"`),
			to("kubernetes", "resources."+what+".cpu", "")),
		field("memory", Quantity{Resource: "memory"}, "Memory "+what+" in bytes: `Mi`, `Gi` are 1024-based, `M`, `G` 1000-based; lowercase `m` means millibytes.",
			unit("bytes"), ex(`"512Mi"`), to("kubernetes", "resources."+what+".memory", "")),
	)
}

// deploymentBlocks returns deploy_kubernetes and deploy_docker_compose.
func deploymentBlocks() []*Block {
	return []*Block{
		{
			Kind: "deploy_kubernetes", Group: GroupDeployment, UsesPatterns: true,
			Doc: "Deployment, Service, ConfigMap and HPA for the service; the pattern blocks of the same name become configuration.",
			Body: obj(
				field("replicas", nonNegCount, "Pods to run; omit when an HPA manages the count.", unit("pods"), ex("3"), def("1"),
					to("kubernetes", "Deployment.spec.replicas", "")),
				field("resources", obj(
					field("requests", cpuMem("requests"), "What the scheduler reserves; must not exceed limits.", ex(`{ cpu: "100m" }`)),
					field("limits", cpuMem("limits"), "Hard caps; a limit without a request sets the request to the limit.", ex(`{ memory: "512Mi" }`)),
				), "CPU and memory requests and limits.", ex(`{ requests: { cpu: "100m" } }`)),
				field("liveness_probe", probe(), "Restarts the container when it fails.", ex(`{ http_get: "/health" }`),
					to("kubernetes", "livenessProbe", "")),
				field("readiness_probe", probe(), "Removes the pod from Service endpoints when it fails.", ex(`{ http_get: "/ready" }`),
					to("kubernetes", "readinessProbe", "")),
				field("horizontal_pod_autoscaler", obj(
					field("min_replicas", Count{Range: AtLeast(1, "Kubernetes")}, "Lower bound of the replica count.", unit("pods"), ex("2"), def("1"),
						to("kubernetes", "HorizontalPodAutoscaler.spec.minReplicas", "")),
					field("max_replicas", Count{Range: AtLeast(1, "Kubernetes")}, "Upper bound of the replica count; at least `min_replicas`.",
						unit("pods"), ex("10"), required(), to("kubernetes", "HorizontalPodAutoscaler.spec.maxReplicas", "")),
					field("target_cpu_utilization_percentage", Count{Range: Above(0, "Kubernetes")},
						"Target average CPU as a percent of the CPU **request** (needs `resources.requests.cpu`). The controller ignores ±10%.",
						unit("% of CPU request"), ex("70"), def("80"),
						to("kubernetes", "autoscaling/v2 metrics[].resource.target.averageUtilization", "")),
				), "Scales replicas on CPU utilization.", ex("{ max_replicas: 10 }")),
				field("image", strT, "Container image; pin a tag (not `latest`).", ex(`"example/order-service:1.0.0"`),
					to("kubernetes", "containers[].image", "")),
				field("port", Count{Range: Between(1, 65535, "Kubernetes")}, "Container port, also used by the probes.", unit("TCP port"), ex("8080"),
					to("kubernetes", "containers[].ports[].containerPort", "")),
				field("namespace", strT, "Namespace of the objects.", ex(`"default"`), to("kubernetes", "metadata.namespace", "")),
			),
		},
		{
			Kind: "deploy_docker_compose", Group: GroupDeployment, UsesPatterns: true,
			Doc: "A Docker Compose project for the service and its dependencies (no top-level `version:`).",
			Body: obj(
				field("services", serviceList, "Compose services; names matching blocks link to them.", ex(`["order-service"]`), to("compose", "services", "")),
				field("networks", strList, "Networks to create.", ex(`["backend"]`), to("compose", "networks", "")),
				field("volumes", strList, "Volumes, as `name:/path` mounts.", ex(`["data:/data"]`), to("compose", "volumes", "")),
				field("environment", openObj(field("<variable>", strT, "An environment variable value.")),
					"Environment variables of the service.", ex(`{ LOG_LEVEL: "info" }`), to("compose", "services.<name>.environment", "")),
				field("version", Any{}, "Compose file format version of Compose V1. The Compose Specification keeps the top-level `version` only as information and Compose V2 ignores it, so nothing is generated for it.",
					deprecated("Compose V2 ignores the top-level version (the Compose Specification keeps it only as information); remove it")),
			),
		},
	}
}
