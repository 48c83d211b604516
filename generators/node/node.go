package node

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/dpls-dev/dpls/analysis/facts"
	"github.com/dpls-dev/dpls/analysis/rule"
	"github.com/dpls-dev/dpls/analysis/typed"
	g "github.com/dpls-dev/dpls/generators"
	"github.com/dpls-dev/dpls/generators/policy"
)

// name is the target's name on the command line and in headers.
const name = "node"

// Versions the generated code is written and tested against.
const (
	ExpressVersion = "5"
	OpossumVersion = "9"
)

// Target generates an express + opossum service.
var Target = g.Target{
	Name:     name,
	Title:    "Node.js service (express + opossum)",
	Kinds:    []string{"generate_nodejs"},
	Generate: Generate,
}

// settings is the config object of server.js, encoded as JSON.
type settings struct {
	MaxAttempts     int     `json:"maxAttempts"`
	Waits           []int64 `json:"waitsMs"`
	Jitter          bool    `json:"jitter,omitempty"`
	AttemptTimeout  int64   `json:"attemptTimeoutMs,omitempty"`
	Breaker         breaker `json:"breaker"`
	Fallback        string  `json:"fallback,omitempty"`
	FallbackBody    any     `json:"fallbackBody,omitempty"`
	CacheTTL        int64   `json:"cacheTtlMs,omitempty"`
	breakerDeclared bool
}

// breaker holds opossum's options by their own names.
type breaker struct {
	Timeout                  int64   `json:"timeout"`
	ErrorThresholdPercentage float64 `json:"errorThresholdPercentage"`
	ResetTimeout             int64   `json:"resetTimeout"`
	VolumeThreshold          int     `json:"volumeThreshold"`
	RollingCountTimeout      int64   `json:"rollingCountTimeout,omitempty"`
	Capacity                 int     `json:"capacity,omitempty"`
}

type gen struct {
	svc     g.Service
	out     policy.Output
	notes   []g.Note
	comment []string
	sources []rule.Ref
}

// Generate writes server.js and server.test.js for svc.
func Generate(svc g.Service) (g.Result, error) {
	out, ok := policy.ReadOutput(svc, "generate_nodejs", "package_name")
	if !ok {
		return g.Result{}, nil
	}
	s := &gen{svc: svc, out: out, sources: []rule.Ref{out.Ref}}
	if out.Directory == "" {
		dir, err := g.KubeName(svc.Name)
		if err != nil {
			return g.Result{}, fmt.Errorf("naming the output directory: %w", err)
		}
		s.out.Directory = "node/" + dir
	}
	if out.Framework != "" && out.Framework != "express" {
		s.noteAt(out.Ref, out.Ref.Block.Name.Span, "framework "+out.Framework+" is generated as express")
	}
	if out.Package != "" {
		s.noteAt(out.Ref, out.PackageSpan, "output.package_name: no package.json is generated (JSON cannot carry dpls's header); install express@"+ExpressVersion+" and opossum@"+OpossumVersion)
	}
	cfg := s.settings()
	js, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return g.Result{}, fmt.Errorf("encoding the settings: %w", err)
	}
	var files []g.File
	files = append(files, g.File{Path: s.out.Join("server.js"), Content: g.Seal("//", name, s.sources, s.server(js))})
	tests, tnotes := policy.SelectTests(name, svc, policy.Node)
	s.notes = append(s.notes, tnotes...)
	if tests.Unit || tests.Integration {
		files = append(files, g.File{Path: s.out.Join("server.test.js"), Content: g.Seal("//", name, s.sources, s.tests(cfg))})
	}
	s.notes = append(s.notes, s.out.Unsupported(name, svc, "fault_tolerance")...)
	return g.Result{Files: files, Notes: s.notes}, nil
}

func (s *gen) noteAt(r rule.Ref, span g.Span, msg string) {
	s.notes = append(s.notes, g.NoteAt(name, r, span, msg))
	s.comment = append(s.comment, msg)
}

// ms is d in whole milliseconds, rounded up (opossum takes integers).
func ms(d time.Duration) int64 { return int64(g.RoundUp(d, time.Millisecond) / time.Millisecond) }

// settings maps fault_tolerance onto the retry loop and opossum's options.
func (s *gen) settings() settings {
	c := settings{MaxAttempts: 1, Waits: []int64{}, Breaker: breaker{Timeout: 10000, ErrorThresholdPercentage: 50, ResetTimeout: 30000}}
	p, ok := policy.Read(s.svc)
	if !ok || !s.out.Wants("fault_tolerance") {
		s.noteAt(s.out.Ref, s.out.Ref.Block.Name.Span, s.svc.Name+" declares no fault_tolerance block: opossum's defaults apply")
		return c
	}
	s.sources = append(s.sources, p.Ref)
	note := func(msg string, path ...string) {
		s.notes = append(s.notes, p.Note(name, msg, path...))
		s.comment = append(s.comment, msg)
	}
	if r := p.Retry; r != nil {
		c.MaxAttempts = r.MaxAttempts
		for k := 1; k < r.MaxAttempts; k++ {
			c.Waits = append(c.Waits, ms(policy.Wait(*r, k)))
		}
		if r.Backoff == "exponential_jitter" {
			c.Jitter = true
			note("fault_tolerance.retry.backoff exponential_jitter: waits are randomized in [0.5, 1.5] × the listed waits", "retry", "backoff")
		}
		if len(p.RetryOn) > 0 {
			note("fault_tolerance.retry.retry_on: the Node service retries every network error and 5xx; not generated", "retry", "retry_on")
		}
	}
	c.AttemptTimeout = ms(p.Timeout)
	// opossum's timeout bounds the whole retried call.
	switch {
	case p.TotalTimeout > 0:
		c.Breaker.Timeout = ms(p.TotalTimeout)
	case p.Timeout > 0:
		if w, ok := facts.WorstCase(typed.Of(p.Ref.Block)); ok {
			c.Breaker.Timeout = ms(w.Total)
		} else {
			c.Breaker.Timeout = ms(p.Timeout)
		}
	}
	if b := p.Breaker; b != nil {
		c.breakerDeclared = true
		switch {
		case b.Count > 0:
			// opossum opens when the error rate is strictly above the
			// percentage: 99 opens only when every call in the window failed.
			c.Breaker.ErrorThresholdPercentage = 99
			c.Breaker.VolumeThreshold = b.Count
			note(fmt.Sprintf("fault_tolerance.circuit_breaker.failure_threshold %d: opossum has only a percentage; generated as volumeThreshold %d with errorThresholdPercentage 99 (opens when every call of the rolling window failed, after at least %d)", b.Count, b.Count, b.Count), "circuit_breaker", "failure_threshold")
		case b.Percent > 0:
			c.Breaker.ErrorThresholdPercentage = b.Percent
			c.Breaker.VolumeThreshold = b.MinCalls
		}
		if b.Count == 0 && b.MinCalls > 0 {
			c.Breaker.VolumeThreshold = b.MinCalls
		} else if b.Count > 0 && b.MinCalls > 0 {
			note("fault_tolerance.circuit_breaker.minimum_request_count: the count threshold already sets volumeThreshold; not generated", "circuit_breaker", "minimum_request_count")
		}
		if b.ResetTimeout > 0 {
			c.Breaker.ResetTimeout = ms(b.ResetTimeout)
		}
		if b.WindowTime > 0 {
			c.Breaker.RollingCountTimeout = ms(b.WindowTime)
		} else if b.WindowCalls > 0 {
			note("fault_tolerance.circuit_breaker.sliding_window as a call count has no opossum equivalent (its window is time-based); not generated", "circuit_breaker", "sliding_window")
		}
		if b.HalfOpenCalls > 1 {
			note("fault_tolerance.circuit_breaker.half_open_max_calls: opossum allows exactly one trial call; not generated", "circuit_breaker", "half_open_max_calls")
		}
		if b.NoHalfOpen {
			note("fault_tolerance.circuit_breaker.half_open_state false cannot be generated: opossum always tries a call after resetTimeout", "circuit_breaker", "half_open_state")
		}
	}
	if b := p.Bulkhead; b != nil {
		c.Breaker.Capacity = b.MaxConcurrent
		if b.MaxWait > 0 {
			note("fault_tolerance.bulkhead.max_wait_duration: opossum's capacity rejects at once (no queue); not generated", "bulkhead", "max_wait_duration")
		}
	}
	if p.RateLimiter != nil {
		note("fault_tolerance.rate_limiter has no opossum equivalent; not generated", "rate_limiter")
	}
	if f := p.Fallback; f != nil {
		switch f.Strategy {
		case "returnDefault":
			c.Fallback, c.FallbackBody = f.Strategy, json.RawMessage(f.Default)
		case "returnEmpty":
			c.Fallback = f.Strategy
		case "useCache":
			if f.CacheTTL == 0 {
				note("fault_tolerance.fallback useCache needs cache_ttl; no fallback generated", "fallback")
			} else {
				c.Fallback, c.CacheTTL = f.Strategy, ms(f.CacheTTL)
			}
		case "failFast":
		default:
			note("fault_tolerance.fallback strategy "+f.Strategy+" is custom code; no fallback generated", "fallback")
		}
	}
	return c
}

// server builds server.js.
func (s *gen) server(cfg []byte) []byte {
	var b bytes.Buffer
	b.WriteString("\n")
	b.WriteString(g.SlashComment(s.svc.Name + ": an express " + ExpressVersion + " service whose calls to its upstream go through opossum " + OpossumVersion + ", with the policies declared in DPL."))
	if len(s.comment) > 0 {
		b.WriteString(g.SlashComment("Notes on the DPL settings:"))
		for _, c := range s.comment {
			b.WriteString(g.SlashComment("  - " + c))
		}
	}
	b.WriteString("'use strict';\n\nconst express = require('express');\nconst CircuitBreaker = require('opossum');\n\n")
	b.WriteString("// The settings declared in DPL (durations in milliseconds).\nconst settings = Object.freeze(")
	b.Write(cfg)
	b.WriteString(");\n")
	b.WriteString(serverSrc)
	return b.Bytes()
}
