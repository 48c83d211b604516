package gocode

// testHelpersSrc is the shared part of resilience_test.go: a stand-in
// upstream that counts hits and fails, stalls or blocks on demand.
const testHelpersSrc = `
// upstream is a stand-in dependency: it counts hits, answers 503 while
// failing (or for the first failFirst hits), and blocks while hold is open,
// announcing each blocked hit on arrived so a test waits for the calls to
// be in flight instead of sleeping.
type upstream struct {
	hits      atomic.Int64
	failing   atomic.Bool
	failFirst atomic.Int64
	hold      chan struct{}
	arrived   chan struct{}
}

func newUpstream(t *testing.T) (*upstream, *httptest.Server) {
	t.Helper()
	u := &upstream{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := u.hits.Add(1)
		if u.hold != nil {
			u.arrived <- struct{}{}
			<-u.hold
		}
		if u.failing.Load() || n <= u.failFirst.Load() {
			http.Error(w, "unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, "{\"hit\":%d}", n)
	}))
	t.Cleanup(srv.Close)
	return u, srv
}

// get calls url and returns the status and body, or the error.
func get(t *testing.T, c *Client, url string) (int, string, error) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the body: %v", err)
	}
	return resp.StatusCode, string(body), nil
}
`

// testRetrySrc checks the attempt count and the waits.
const testRetrySrc = `
// TestRetryAttempts: a failing upstream is called exactly MaxAttempts
// times, the first call included, and the last 503 is returned.
func TestRetryAttempts(t *testing.T) {
	want := DefaultConfig()
	cfg := Config{MaxAttempts: want.MaxAttempts, Backoff: want.Backoff, InitialDelay: time.Millisecond, Multiplier: want.Multiplier, RetryStatus: want.RetryStatus}
	u, srv := newUpstream(t)
	u.failing.Store(true)
	status, _, err := get(t, NewClient(cfg, nil), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusServiceUnavailable {
		t.Errorf("status = %%d, want 503", status)
	}
	if got := u.hits.Load(); got != int64(want.MaxAttempts) {
		t.Errorf("upstream hit %%d times, want %%d", got, want.MaxAttempts)
	}
}

// TestRetryRecovers: failures before the last attempt are hidden.
func TestRetryRecovers(t *testing.T) {
	want := DefaultConfig()
	cfg := Config{MaxAttempts: want.MaxAttempts, Backoff: want.Backoff, InitialDelay: time.Millisecond, Multiplier: want.Multiplier, RetryStatus: want.RetryStatus}
	u, srv := newUpstream(t)
	u.failFirst.Store(int64(want.MaxAttempts - 1))
	status, body, err := get(t, NewClient(cfg, nil), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusOK || body != fmt.Sprintf("{\"hit\":%%d}", want.MaxAttempts) {
		t.Errorf("got %%d %%q, want 200 from hit %%d", status, body, want.MaxAttempts)
	}
}

// TestRetryWaits pins the wait before each retry, as DPL computes it.
func TestRetryWaits(t *testing.T) {
	want := []time.Duration{%s}
	cfg := DefaultConfig()
	for k := 1; k < cfg.MaxAttempts; k++ {
		if got := cfg.Wait(k); got != want[k-1] {
			t.Errorf("wait before retry %%d = %%v, want %%v", k, got, want[k-1])
		}
	}
}
`

// testBreakerSrc drives the breaker open and closed again.
const testBreakerSrc = `
// TestCircuitBreakerOpensAndCloses: the breaker opens after exactly %d
// failing calls, then rejects without calling the upstream, and closes
// again once reset_timeout passed and trial calls succeed.
//
// The open window (and a time-based failure window) lasts an hour, so no
// machine is slow enough to reach its end during the test: with a short
// one, a loaded machine let the rejected call through as a half-open
// trial. failsafe-go's clock cannot be injected, so the end of
// reset_timeout is stood in for by Breaker.HalfOpen.
func TestCircuitBreakerOpensAndCloses(t *testing.T) {
	def := DefaultConfig()
	cfg := Config{
		FailureThreshold: def.FailureThreshold, FailureWindowCalls: def.FailureWindowCalls,
		FailureWindow: def.FailureWindow, FailureRate: def.FailureRate, MinCalls: def.MinCalls,
		SuccessThreshold: def.SuccessThreshold, ResetTimeout: time.Hour,
	}
	if cfg.FailureWindow > 0 {
		cfg.FailureWindow = time.Hour
	}
	const opensAfter = %d
	u, srv := newUpstream(t)
	u.failing.Store(true)
	c := NewClient(cfg, nil)
	for i := 1; i <= opensAfter; i++ {
		if c.Breaker.IsOpen() {
			t.Fatalf("breaker opened after %%d calls, want %%d", i-1, opensAfter)
		}
		if status, _, err := get(t, c, srv.URL); err != nil || status != http.StatusServiceUnavailable {
			t.Fatalf("call %%d: %%d %%v, want 503", i, status, err)
		}
	}
	if !c.Breaker.IsOpen() {
		t.Fatalf("breaker still closed after %%d failures", opensAfter)
	}
	if d := c.Breaker.RemainingDelay(); d <= 0 || d > cfg.ResetTimeout {
		t.Fatalf("open breaker waits %%v before trial calls, want (0, %%v]", d, cfg.ResetTimeout)
	}
	if _, _, err := get(t, c, srv.URL); !errors.Is(err, circuitbreaker.ErrOpen) {
		t.Fatalf("call on an open breaker: %%v, want circuitbreaker.ErrOpen", err)
	}
	if got := u.hits.Load(); got != opensAfter {
		t.Errorf("upstream hit %%d times, want %%d (an open breaker must not call it)", got, opensAfter)
	}
	u.failing.Store(false)
	c.Breaker.HalfOpen() // reset_timeout has passed
	trials := int(max(cfg.SuccessThreshold, 1))
	for i := 0; i < trials; i++ {
		if status, _, err := get(t, c, srv.URL); err != nil || status != http.StatusOK {
			t.Fatalf("trial call %%d: %%d %%v, want 200", i+1, status, err)
		}
	}
	if !c.Breaker.IsClosed() {
		t.Errorf("breaker is %%v after %%d successful trial calls, want closed", c.Breaker.State(), trials)
	}
}
`

// testTimeoutSrc checks the per-attempt timeout.
const testTimeoutSrc = `
// stallTransport stands in for a connection that never answers: each
// round trip is counted and blocks until its request is cancelled. It
// replaces the network so that a timeout is observed whatever the load of
// the machine: a real server may not even have read the request yet when
// a short timeout fires.
type stallTransport struct {
	calls     atomic.Int64
	cancelled atomic.Int64
}

func (s *stallTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	s.calls.Add(1)
	<-r.Context().Done()
	s.cancelled.Add(1)
	return nil, r.Context().Err()
}

// TestTimeoutBoundsOneAttempt: a stalled call fails with the timeout and
// its request is cancelled.
func TestTimeoutBoundsOneAttempt(t *testing.T) {
	if DefaultConfig().Timeout != %s {
		t.Fatalf("DefaultConfig().Timeout = %%v, want %s", DefaultConfig().Timeout)
	}
	stall := &stallTransport{}
	_, _, err := get(t, NewClient(Config{Timeout: 20 * time.Millisecond}, stall), "http://upstream.invalid/")
	if !errors.Is(err, timeout.ErrExceeded) {
		t.Fatalf("got %%v, want timeout.ErrExceeded", err)
	}
	if calls, cancelled := stall.calls.Load(), stall.cancelled.Load(); calls != 1 || cancelled != 1 {
		t.Errorf("%%d round trips, %%d cancelled, want 1 and 1", calls, cancelled)
	}
}
`

// testBulkheadSrc fills the bulkhead.
const testBulkheadSrc = `
// TestBulkheadRejectsWhenFull: with MaxConcurrent calls in flight, one
// more is rejected at once; the others complete.
func TestBulkheadRejectsWhenFull(t *testing.T) {
	n := int(DefaultConfig().MaxConcurrent)
	if n != %d {
		t.Fatalf("MaxConcurrent = %%d, want %d", n)
	}
	u, srv := newUpstream(t)
	u.hold, u.arrived = make(chan struct{}), make(chan struct{}, n)
	c := NewClient(Config{MaxConcurrent: uint(n)}, nil)
	var wg sync.WaitGroup
	statuses := make([]int, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			resp, err := c.Get(srv.URL)
			if err != nil {
				t.Errorf("call %%d: %%v", i, err)
				return
			}
			resp.Body.Close()
			statuses[i] = resp.StatusCode
		}(i)
	}
	for i := 0; i < n; i++ {
		<-u.arrived
	}
	if _, _, err := get(t, c, srv.URL); !errors.Is(err, bulkhead.ErrFull) {
		t.Errorf("call beyond the bulkhead: %%v, want bulkhead.ErrFull", err)
	}
	close(u.hold)
	wg.Wait()
	for i, s := range statuses {
		if s != http.StatusOK {
			t.Errorf("call %%d: status %%d, want 200", i, s)
		}
	}
}
`

// testRateLimiterSrc exhausts the permits of one period.
const testRateLimiterSrc = `
// TestRateLimiterRejectsBeyondTheLimit: RateLimit calls pass in one
// period, the next is rejected when it may not wait.
func TestRateLimiterRejectsBeyondTheLimit(t *testing.T) {
	n := DefaultConfig().RateLimit
	if n != %d {
		t.Fatalf("RateLimit = %%d, want %d", n)
	}
	_, srv := newUpstream(t)
	c := NewClient(Config{RateLimit: n, RatePeriod: time.Hour}, nil)
	for i := uint(0); i < n; i++ {
		if status, _, err := get(t, c, srv.URL); err != nil || status != http.StatusOK {
			t.Fatalf("call %%d: %%d %%v", i+1, status, err)
		}
	}
	if _, _, err := get(t, c, srv.URL); !errors.Is(err, ratelimiter.ErrExceeded) {
		t.Errorf("call %%d: %%v, want ratelimiter.ErrExceeded", n+1, err)
	}
}
`

// testFallbackStaticSrc checks returnDefault / returnEmpty.
const testFallbackStaticSrc = `
// TestFallbackAnswersForFailures: a failing upstream is answered with the
// fallback declared in DPL.
func TestFallbackAnswersForFailures(t *testing.T) {
	def := DefaultConfig()
	u, srv := newUpstream(t)
	u.failing.Store(true)
	status, body, err := get(t, NewClient(Config{Fallback: def.Fallback, FallbackBody: def.FallbackBody}, nil), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if status != %d || body != %s {
		t.Errorf("got %%d %%q, want the fallback %%d %%q", status, body, %d, %s)
	}
}
`

// testFallbackCacheSrc checks useCache.
const testFallbackCacheSrc = `
// TestFallbackServesTheCache: once the upstream fails, the last good
// response is served for CacheTTL.
func TestFallbackServesTheCache(t *testing.T) {
	if ttl := DefaultConfig().CacheTTL; ttl != %s {
		t.Fatalf("CacheTTL = %%v, want %s", ttl)
	}
	u, srv := newUpstream(t)
	c := NewClient(Config{Fallback: "useCache", CacheTTL: time.Hour}, nil)
	if status, body, err := get(t, c, srv.URL); err != nil || status != 200 || body != "{\"hit\":1}" {
		t.Fatalf("first call: %%d %%q %%v", status, body, err)
	}
	u.failing.Store(true)
	if status, body, err := get(t, c, srv.URL); err != nil || status != 200 || body != "{\"hit\":1}" {
		t.Errorf("failing call: %%d %%q %%v, want the cached 200 {\"hit\":1}", status, body, err)
	}
}
`

// testHandlerSrc checks the handler in front of the client.
const testHandlerSrc = `
// TestHandlerForwards: the handler passes the upstream's answer through
// and answers 503 when the policies give up with an error.
func TestHandlerForwards(t *testing.T) {
	_, up := newUpstream(t)
	srv := httptest.NewServer(NewHandler(up.URL, NewClient(Config{}, nil)))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/orders?id=1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(body) != "{\"hit\":1}" {
		t.Errorf("got %d %q", resp.StatusCode, body)
	}
	up.Close()
	resp, err = http.Get(srv.URL + "/orders")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("upstream down: status %d, want 503", resp.StatusCode)
	}
}
`

// testRegistrySrc checks the Consul registration body.
const testRegistrySrc = `
// TestRegisterSendsTheDefinition: Register PUTs the DPL service
// definition to a stand-in Consul agent.
func TestRegisterSendsTheDefinition(t *testing.T) {
	var got Registration
	agent := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPut || r.URL.Path != "/v1/agent/service/register" {
			http.Error(w, "unexpected "+r.Method+" "+r.URL.Path, http.StatusBadRequest)
			return
		}
		if err := json.NewDecoder(r.Body).Decode(&got); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
		}
	}))
	defer agent.Close()
	want := NewRegistration("i-1", "10.0.0.7", 8080)
	if err := Register(context.Background(), agent.Client(), agent.URL, want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("agent received %%+v, want %%+v", got, want)
	}
	if got.Name != %s {
		t.Errorf("Name = %%q, want %%q", got.Name, %s)
	}
}
`

// testIntegrationSrc runs the whole chain on loopback.
const testIntegrationSrc = `
// TestIntegrationOnLoopback serves the handler on a loopback listener in
// front of a stand-in upstream, with every policy of DefaultConfig: answers
// pass through while the upstream is healthy; once it fails, the breaker
// (when declared) opens so calls stop reaching it, and closes again after
// it recovered.
//
// Waits are shortened, and every window a slow machine could outlast is
// lengthened to an hour: a short reset_timeout let the call that checks
// the open breaker through as a half-open trial ("upstream hit 1 more
// times" under -race load), and an attempt timed out under load can reach
// the upstream after its caller gave up. The end of reset_timeout is
// stood in for by Breaker.HalfOpen (failsafe-go's clock cannot be
// injected).
func TestIntegrationOnLoopback(t *testing.T) {
	cfg := DefaultConfig()
	if cfg.InitialDelay > 0 {
		cfg.InitialDelay, cfg.MaxDelay = time.Millisecond, 2*time.Millisecond
	}
	long := func(d *time.Duration) {
		if *d > 0 {
			*d = time.Hour
		}
	}
	long(&cfg.Timeout)
	long(&cfg.TotalTimeout)
	long(&cfg.FailureWindow)
	cfg.ResetTimeout = time.Hour
	cfg.MaxWait, cfg.RateWait, cfg.RateLimit = 0, 0, 0
	u, up := newUpstream(t)
	client := NewClient(cfg, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: NewHandler(up.URL, client)}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	status := func() int {
		resp, err := http.Get(base + "/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := status(); s != http.StatusOK {
		t.Fatalf("healthy upstream: status %d", s)
	}
	u.failing.Store(true)
	if s := status(); s == http.StatusOK && cfg.Fallback == "" {
		t.Errorf("failing upstream answered 200 without a fallback")
	}
	if client.Breaker == nil {
		return
	}
	for i := 0; i < 1000 && !client.Breaker.IsOpen(); i++ {
		status()
	}
	if !client.Breaker.IsOpen() {
		t.Fatal("breaker never opened while the upstream failed")
	}
	hits := u.hits.Load()
	status()
	if got := u.hits.Load(); got != hits {
		t.Errorf("open breaker: upstream hit %d more times, want 0", got-hits)
	}
	u.failing.Store(false)
	client.Breaker.HalfOpen() // reset_timeout has passed
	for i := 0; i < int(max(cfg.SuccessThreshold, 1)); i++ {
		if s := status(); s != http.StatusOK {
			t.Fatalf("recovered upstream: status %d", s)
		}
	}
	if !client.Breaker.IsClosed() {
		t.Errorf("breaker is %v after the upstream recovered, want closed", client.Breaker.State())
	}
}
`
