package gocode

// resilienceSrc is the part of resilience.go that does not depend on the
// DPL values: the Config type, the policies built from it and the client.
// DefaultConfig (config.go) carries the values; keeping the logic static
// means the generated code is the same tested code for every service.
const resilienceSrc = `
// Config holds the fault-tolerance settings. DefaultConfig returns the ones
// declared in DPL; a zero field turns its policy off.
type Config struct {
	// MaxAttempts counts the first call: 3 is one call and two retries.
	MaxAttempts int
	// Backoff is "fixed", "linear", "exponential" or "exponential_jitter".
	Backoff      string
	InitialDelay time.Duration
	// MaxDelay caps each wait; 0 leaves exponential backoff uncapped.
	MaxDelay   time.Duration
	Multiplier float64
	// JitterFactor randomizes each wait by ±factor (exponential_jitter).
	JitterFactor float64
	// RetryStatus are the HTTP statuses retried besides transport errors;
	// empty means 429 and every 5xx except 501.
	RetryStatus []int

	// Timeout bounds one attempt; TotalTimeout the whole call, retries
	// and waits included.
	Timeout      time.Duration
	TotalTimeout time.Duration

	// FailureThreshold opens the breaker after that many failures among
	// the last FailureWindowCalls calls (consecutive failures when the
	// window equals the threshold), or inside FailureWindow.
	FailureThreshold   uint
	FailureWindowCalls uint
	FailureWindow      time.Duration
	// FailureRate (0..1) opens the breaker when the failure ratio over
	// FailureWindow reaches it, once MinCalls calls were seen.
	FailureRate float64
	MinCalls    uint
	// ResetTimeout is how long the breaker stays open before trial calls.
	ResetTimeout time.Duration
	// SuccessThreshold trial calls must succeed to close it again.
	SuccessThreshold uint

	// MaxConcurrent calls at once; more wait up to MaxWait, then fail.
	MaxConcurrent uint
	MaxWait       time.Duration

	// RateLimit calls per RatePeriod; a call waits up to RateWait.
	RateLimit  uint
	RatePeriod time.Duration
	RateWait   time.Duration

	// Fallback is "returnDefault", "returnEmpty", "useCache" or "" (none).
	Fallback string
	// FallbackBody is the JSON body returnDefault answers with.
	FallbackBody string
	// CacheTTL is how long useCache may serve a response.
	CacheTTL time.Duration
}

// IsFailure is what every policy counts as a failure: a transport error or
// a 5xx response.
func IsFailure(resp *http.Response, err error) bool {
	return err != nil || (resp != nil && resp.StatusCode >= 500)
}

// Retryable says whether a failed attempt is retried.
func (c Config) Retryable(resp *http.Response, err error) bool {
	if err != nil {
		return !errors.Is(err, context.Canceled)
	}
	if resp == nil {
		return false
	}
	if len(c.RetryStatus) > 0 {
		return slices.Contains(c.RetryStatus, resp.StatusCode)
	}
	return resp.StatusCode == http.StatusTooManyRequests ||
		(resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented)
}

// Wait is the wait before retry k (k = 1 for the first retry), before
// jitter.
func (c Config) Wait(k int) time.Duration {
	var d time.Duration
	switch c.Backoff {
	case "linear":
		d = time.Duration(k) * c.InitialDelay
	case "exponential", "exponential_jitter":
		d = time.Duration(float64(c.InitialDelay) * math.Pow(c.Multiplier, float64(k-1)))
	default:
		d = c.InitialDelay
	}
	if c.MaxDelay > 0 && d > c.MaxDelay {
		d = c.MaxDelay
	}
	return d
}

// Retry is the retry policy, or nil when MaxAttempts < 2.
func (c Config) Retry() failsafe.Policy[*http.Response] {
	if c.MaxAttempts < 2 {
		return nil
	}
	b := retrypolicy.NewBuilder[*http.Response]().
		HandleIf(c.Retryable).
		WithMaxAttempts(c.MaxAttempts).
		WithDelayFunc(func(exec failsafe.ExecutionAttempt[*http.Response]) time.Duration {
			return c.Wait(exec.Attempts())
		}).
		OnRetry(func(e failsafe.ExecutionEvent[*http.Response]) {
			if r := e.LastResult(); r != nil {
				r.Body.Close()
			}
		}).
		ReturnLastFailure()
	if c.JitterFactor > 0 {
		b = b.WithJitterFactor(c.JitterFactor)
	}
	return b.Build()
}

// CircuitBreaker is the breaker, or nil when no threshold is set.
func (c Config) CircuitBreaker() circuitbreaker.CircuitBreaker[*http.Response] {
	b := circuitbreaker.NewBuilder[*http.Response]().HandleIf(IsFailure)
	switch {
	case c.FailureRate > 0:
		b = b.WithFailureRateThreshold(c.FailureRate, c.MinCalls, c.FailureWindow)
	case c.FailureThreshold > 0 && c.FailureWindow > 0:
		b = b.WithFailureThresholdPeriod(c.FailureThreshold, c.FailureWindow)
	case c.FailureThreshold > 0 && c.FailureWindowCalls > c.FailureThreshold:
		b = b.WithFailureThresholdRatio(c.FailureThreshold, c.FailureWindowCalls)
	case c.FailureThreshold > 0:
		b = b.WithFailureThreshold(c.FailureThreshold)
	default:
		return nil
	}
	if c.ResetTimeout > 0 {
		b = b.WithDelay(c.ResetTimeout)
	}
	if c.SuccessThreshold > 0 {
		b = b.WithSuccessThreshold(c.SuccessThreshold)
	}
	return b.Build()
}

// Policies composes the policies outermost first: fallback, total timeout,
// retry, circuit breaker, rate limiter, per-attempt timeout, bulkhead (the
// order of Resilience4j's aspects, so every attempt passes the breaker and
// the timeout bounds one attempt). breaker may be nil.
func (c Config) Policies(breaker circuitbreaker.CircuitBreaker[*http.Response]) []failsafe.Policy[*http.Response] {
	var ps []failsafe.Policy[*http.Response]
	add := func(p failsafe.Policy[*http.Response]) {
		if p != nil {
			ps = append(ps, p)
		}
	}
	switch c.Fallback {
	case "returnDefault":
		add(fallback.NewBuilderWithFunc(c.staticFallback(http.StatusOK, c.FallbackBody)).HandleIf(IsFailure).Build())
	case "returnEmpty":
		add(fallback.NewBuilderWithFunc(c.staticFallback(http.StatusNoContent, "")).HandleIf(IsFailure).Build())
	}
	if c.TotalTimeout > 0 {
		add(timeout.New[*http.Response](c.TotalTimeout))
	}
	add(c.Retry())
	if breaker != nil {
		add(breaker)
	}
	if c.RateLimit > 0 && c.RatePeriod > 0 {
		add(ratelimiter.NewBurstyBuilder[*http.Response](c.RateLimit, c.RatePeriod).WithMaxWaitTime(c.RateWait).Build())
	}
	if c.Timeout > 0 {
		add(timeout.New[*http.Response](c.Timeout))
	}
	if c.MaxConcurrent > 0 {
		add(bulkhead.NewBuilder[*http.Response](c.MaxConcurrent).WithMaxWaitTime(c.MaxWait).Build())
	}
	return ps
}

// staticFallback answers with a fixed status and body in place of a
// failure, closing the failed response.
func (c Config) staticFallback(status int, body string) func(failsafe.Execution[*http.Response]) (*http.Response, error) {
	return func(exec failsafe.Execution[*http.Response]) (*http.Response, error) {
		if r := exec.LastResult(); r != nil {
			r.Body.Close()
		}
		h := http.Header{}
		if body != "" {
			h.Set("Content-Type", "application/json")
		}
		return &http.Response{
			Status:        strconv.Itoa(status) + " " + http.StatusText(status),
			StatusCode:    status,
			Proto:         "HTTP/1.1",
			ProtoMajor:    1,
			ProtoMinor:    1,
			Header:        h,
			Body:          io.NopCloser(strings.NewReader(body)),
			ContentLength: int64(len(body)),
		}, nil
	}
}

// Client is an *http.Client whose every request goes through the policies,
// with the breaker exposed so callers can watch its state.
type Client struct {
	*http.Client
	Breaker circuitbreaker.CircuitBreaker[*http.Response]
}

// NewClient builds a client over base (http.DefaultTransport when nil).
func NewClient(cfg Config, base http.RoundTripper) *Client {
	breaker := cfg.CircuitBreaker()
	var rt http.RoundTripper = failsafehttp.NewRoundTripper(base, cfg.Policies(breaker)...)
	if cfg.Fallback == "useCache" && cfg.CacheTTL > 0 {
		rt = &cacheTransport{next: rt, ttl: cfg.CacheTTL, entries: map[string]cached{}}
	}
	return &Client{Client: &http.Client{Transport: rt}, Breaker: breaker}
}

// cacheTransport is the useCache fallback: it keeps the last successful
// GET response per URL for ttl and serves it when a call fails.
type cacheTransport struct {
	next    http.RoundTripper
	ttl     time.Duration
	mu      sync.Mutex
	entries map[string]cached
}

type cached struct {
	status int
	header http.Header
	body   []byte
	at     time.Time
}

func (t *cacheTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if req.Method != http.MethodGet {
		return resp, err
	}
	key := req.URL.String()
	if !IsFailure(resp, err) {
		body, rerr := io.ReadAll(resp.Body)
		resp.Body.Close()
		if rerr != nil {
			return nil, fmt.Errorf("reading %s: %w", key, rerr)
		}
		t.mu.Lock()
		t.entries[key] = cached{status: resp.StatusCode, header: resp.Header.Clone(), body: body, at: time.Now()}
		t.mu.Unlock()
		resp.Body = io.NopCloser(bytes.NewReader(body))
		return resp, nil
	}
	t.mu.Lock()
	c, ok := t.entries[key]
	t.mu.Unlock()
	if !ok || time.Since(c.at) > t.ttl {
		return resp, err
	}
	if resp != nil {
		resp.Body.Close()
	}
	return &http.Response{
		Status:        strconv.Itoa(c.status) + " " + http.StatusText(c.status),
		StatusCode:    c.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        c.header.Clone(),
		Body:          io.NopCloser(bytes.NewReader(c.body)),
		ContentLength: int64(len(c.body)),
		Request:       req,
	}, nil
}
`

// handlerSrc is handler.go's body: an HTTP handler that serves requests by
// calling the upstream through the client, so the policies protect the
// service's own endpoint.
const handlerSrc = `
// NewHandler serves every request by forwarding it to upstream (a base URL
// such as "http://inventory:8080") through client. A call that fails after
// the policies (breaker open, retries exhausted, timeout, bulkhead full)
// answers 503 Service Unavailable.
func NewHandler(upstream string, client *Client) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, err := http.NewRequestWithContext(r.Context(), r.Method, strings.TrimSuffix(upstream, "/")+r.URL.RequestURI(), r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		req.Header = r.Header.Clone()
		resp, err := client.Do(req)
		if err != nil {
			http.Error(w, "upstream unavailable: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		defer resp.Body.Close()
		for k, vs := range resp.Header {
			for _, v := range vs {
				w.Header().Add(k, v)
			}
		}
		w.WriteHeader(resp.StatusCode)
		if _, err := io.Copy(w, resp.Body); err != nil {
			return // the client went away; nothing left to tell it
		}
	})
}
`
