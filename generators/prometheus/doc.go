// Package prometheus generates a service's Prometheus configuration from
// its `alerts` and `metrics` blocks: an alerting rules file that `promtool
// check rules` accepts, a `promtool test rules` file with one test per
// alert that proves it stays silent before its `for` duration and fires
// after it, and the prometheus-operator objects (PrometheusRule with the
// same groups, ServiceMonitor scraping the service's `http` port).
//
// Alert conditions are DPL's PromQL subset (package analysis/expr), so they
// become `expr` unchanged; alert names are CamelCase of service and alert
// (OrderServiceCircuitBreakerOpen). Annotations are Go templates in
// Prometheus: any "{{" coming from DPL text is escaped so it prints as
// itself instead of running as a template action.
package prometheus
