// Package policy reads what the application-code targets (spring, go,
// node) share from one service: its fault_tolerance block as plain Go values
// (retry, per-attempt and total timeout, circuit breaker, fallback,
// bulkhead, rate limiter), the generate_<language> block's output settings,
// and which tests its generate_tests blocks ask for in each language.
//
// Values are read through analysis/typed and analysis/facts only, so
// shorthands and defaults mean here what they mean in hover and the rules.
// Every setting a target cannot carry becomes a Note at its DPL span; the
// targets add the same words to their output as comments.
package policy
