package node

// serverSrc is the part of server.js that does not depend on DPL.
const serverSrc = `
// UpstreamError is a failed attempt: a network error, a timeout or a 5xx.
class UpstreamError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// jittered spreads a wait over [0.5, 1.5] × ms for exponential_jitter.
function jittered(cfg, ms) {
  return cfg.jitter ? Math.round(ms * (0.5 + Math.random())) : ms;
}

// attempt makes one call, bounded by the per-attempt timeout.
async function attempt(cfg, url, hooks) {
  hooks.onAttempt();
  const init = cfg.attemptTimeoutMs ? { signal: AbortSignal.timeout(cfg.attemptTimeoutMs) } : {};
  let res;
  try {
    res = await fetch(url, init);
  } catch (err) {
    throw new UpstreamError('upstream call failed: ' + err.message, 502);
  }
  const body = await res.text();
  if (res.status >= 500) {
    throw new UpstreamError('upstream answered ' + res.status, res.status);
  }
  return { status: res.status, contentType: res.headers.get('content-type'), body };
}

// retried makes up to maxAttempts attempts (the first call included),
// waiting waitsMs[k-1] before retry k.
async function retried(cfg, url, hooks) {
  for (let k = 1; ; k++) {
    try {
      return await attempt(cfg, url, hooks);
    } catch (err) {
      if (k >= cfg.maxAttempts) {
        throw err;
      }
      await sleep(jittered(cfg, cfg.waitsMs[k - 1]));
    }
  }
}

// createApp builds the service. upstream is the base URL calls go to; cfg
// defaults to the DPL settings (tests shorten its durations). The breaker
// is returned so callers can watch it.
function createApp(upstream, cfg = settings) {
  const hooks = { onAttempt() {} };
  const cache = new Map();
  const breaker = new CircuitBreaker(async (path) => {
    const result = await retried(cfg, upstream + path, hooks);
    if (cfg.fallback === 'useCache') {
      cache.set(path, { result, at: Date.now() });
    }
    return result;
  }, cfg.breaker);
  if (cfg.fallback === 'returnDefault') {
    breaker.fallback(() => ({ status: 200, contentType: 'application/json', body: JSON.stringify(cfg.fallbackBody) }));
  } else if (cfg.fallback === 'returnEmpty') {
    breaker.fallback(() => ({ status: 204, contentType: null, body: '' }));
  } else if (cfg.fallback === 'useCache') {
    breaker.fallback((path, err) => {
      const hit = cache.get(path);
      if (hit && Date.now() - hit.at <= cfg.cacheTtlMs) {
        return hit.result;
      }
      throw err || new Error('no cached response for ' + path);
    });
  }

  const app = express();
  // The breaker is called inside the handler: express passes (req, res,
  // next), which breaker.fire would take as the action's arguments.
  app.use(async (req, res) => {
    try {
      const result = await breaker.fire(req.originalUrl);
      if (result.contentType) {
        res.type(result.contentType);
      }
      res.status(result.status).send(result.body);
    } catch (err) {
      res.status(503).json({ error: err.message });
    }
  });
  return { app, breaker, hooks };
}

module.exports = { createApp, settings };

if (require.main === module) {
  const upstream = process.env.UPSTREAM_URL;
  if (!upstream) {
    console.error('UPSTREAM_URL is not set');
    process.exit(2);
  }
  const port = Number(process.env.PORT || 3000);
  createApp(upstream).app.listen(port, () => console.log('listening on ' + port));
}
`
