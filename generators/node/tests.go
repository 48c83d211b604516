package node

import (
	"bytes"
	"fmt"

	g "github.com/dpls-dev/dpls/generators"
)

// tests builds server.test.js: the service on loopback in front of a
// stand-in upstream, driven through retries, the breaker opening (calls
// stop reaching the upstream, the fallback or a 503 answers) and closing
// after resetTimeout.
func (s *gen) tests(c settings) []byte {
	var b bytes.Buffer
	b.WriteString("\n")
	b.WriteString(g.SlashComment("Tests of server.js with node:test: run `node --test` after `npm install express@" + ExpressVersion + " opossum@" + OpossumVersion + "`."))
	b.WriteString(testHeadSrc)
	fmt.Fprintf(&b, "const OPENS_AFTER = %d;\n", opensAfter(c))
	b.WriteString(testBodySrc)
	return b.Bytes()
}

// opensAfter is how many failing calls open the breaker: opossum opens
// once volumeThreshold calls were seen and the error percentage reached;
// with every call failing, that is max(volumeThreshold, 1).
func opensAfter(c settings) int {
	return max(c.Breaker.VolumeThreshold, 1)
}

const testHeadSrc = `'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { createApp, settings } = require('./server.js');

`

const testBodySrc = `
// fast is the DPL settings with waits and timeouts shortened for tests.
function fast() {
  const cfg = structuredClone(settings);
  cfg.waitsMs = cfg.waitsMs.map(() => 1);
  cfg.jitter = false;
  cfg.breaker.resetTimeout = 500;
  cfg.breaker.timeout = false;
  return cfg;
}

// listen starts server on a loopback port and returns its base URL.
function listen(server) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve('http://127.0.0.1:' + server.address().port));
  });
}

async function withService(cfg, fn) {
  const state = { failing: false, hits: 0 };
  const upstream = http.createServer((req, res) => {
    state.hits++;
    if (state.failing) {
      res.writeHead(503).end('down');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ hit: state.hits }));
  });
  const upstreamURL = await listen(upstream);
  const { app, breaker } = createApp(upstreamURL, cfg);
  const server = http.createServer(app);
  const base = await listen(server);
  try {
    await fn({ base, state, breaker });
  } finally {
    breaker.shutdown();
    server.close();
    upstream.close();
  }
}

test('a healthy upstream is passed through', async () => {
  await withService(fast(), async ({ base, state }) => {
    const res = await fetch(base + '/orders?id=1');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { hit: 1 });
    assert.equal(state.hits, 1);
  });
});

test('a failing call is attempted maxAttempts times', async () => {
  await withService(fast(), async ({ base, state }) => {
    await fetch(base + '/');
    state.failing = true;
    state.hits = 0;
    await fetch(base + '/');
    assert.equal(state.hits, settings.maxAttempts);
  });
});

test('the breaker opens after OPENS_AFTER failing calls and closes again', async () => {
  await withService(fast(), async ({ base, state, breaker }) => {
    state.failing = true;
    for (let i = 1; i <= OPENS_AFTER; i++) {
      assert.equal(breaker.opened, false, 'opened after ' + (i - 1) + ' calls');
      await fetch(base + '/');
    }
    assert.equal(breaker.opened, true);
    const hits = state.hits;
    const res = await fetch(base + '/');
    assert.equal(state.hits, hits, 'an open breaker must not call the upstream');
    if (settings.fallback === 'returnDefault') {
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), settings.fallbackBody);
    } else if (settings.fallback === 'returnEmpty') {
      assert.equal(res.status, 204);
    } else {
      assert.equal(res.status, 503);
    }
    state.failing = false;
    await new Promise((resolve) => breaker.once('halfOpen', resolve));
    const again = await fetch(base + '/');
    assert.equal(again.status, 200);
    assert.equal(breaker.closed, true);
  });
});

if (settings.fallback === 'useCache') {
  test('a failing call is answered from the cache', async () => {
    await withService(fast(), async ({ base, state }) => {
      const first = await fetch(base + '/items');
      assert.deepEqual(await first.json(), { hit: 1 });
      state.failing = true;
      const cached = await fetch(base + '/items');
      assert.equal(cached.status, 200);
      assert.deepEqual(await cached.json(), { hit: 1 });
    });
  });
}
`
