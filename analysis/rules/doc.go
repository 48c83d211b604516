// Package rules holds dpls's diagnostic rules, one per file, each
// registering itself with package rule. The file name is the rule code and a
// short name (ft001_max_attempts.go); the rule's Doc is its documentation,
// printed by `dpls explain` and checked by a test to exist, as is a testdata
// case that fires it.
package rules
