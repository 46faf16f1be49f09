/** What became of one external URL. */
export interface ExternalResult {
  ok: boolean;
  /** HTTP status of the last answer, when there was one. */
  status?: number;
  /** Why it failed without an answer (timeout, DNS, refused). */
  error?: string;
  /** When it was checked (ms since the epoch), for the cache's TTL. */
  checkedAt: number;
}

export interface ExternalCheckOptions {
  /** Requests in flight to one host at a time. */
  perHost: number;
  /** Requests in flight overall. */
  total: number;
  /** Milliseconds before a request is abandoned. */
  timeoutMs: number;
  /** Further attempts after a 429, a 5xx or a network error. */
  retries: number;
  /** Longest `Retry-After` wait honoured, in milliseconds; longer waits count as a failure. */
  maxRetryAfterMs: number;
  /** Results already known (from the cache), by URL. */
  known?: ReadonlyMap<string, ExternalResult>;
  /** `fetch` to use (tests pass their own only to count calls; the default is the global one). */
  fetch?: typeof fetch;
  now?: () => number;
}

export const DEFAULT_EXTERNAL_OPTIONS: ExternalCheckOptions = {
  perHost: 2,
  total: 16,
  timeoutMs: 10_000,
  retries: 2,
  maxRetryAfterMs: 30_000,
};

const HEAD_REFUSED = new Set([400, 403, 404, 405, 406, 429, 500, 501, 503]);

/**
 * Checks external URLs over HTTP: HEAD first, GET when HEAD is refused or fails (many servers
 * answer HEAD badly), with a timeout, bounded concurrency per host and overall, and retries that
 * honour `Retry-After`. URLs in `known` are not requested again. The fragment is never sent.
 */
export async function checkExternalUrls(
  urls: Iterable<string>,
  options: ExternalCheckOptions = DEFAULT_EXTERNAL_OPTIONS,
): Promise<Map<string, ExternalResult>> {
  const results = new Map<string, ExternalResult>();
  const pending: string[] = [];
  for (const url of new Set(urls)) {
    const cached = options.known?.get(url);
    if (cached) results.set(url, cached);
    else pending.push(url);
  }
  const perHost = new Map<string, number>();
  let inFlight = 0;
  const waiting: Array<() => void> = [];
  const hostOf = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return '';
    }
  };
  // A slot opens when a request ends; whoever waits re-checks both limits.
  const acquire = async (host: string) => {
    while (inFlight >= options.total || (perHost.get(host) ?? 0) >= options.perHost) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    inFlight++;
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
  };
  const release = (host: string) => {
    inFlight--;
    perHost.set(host, (perHost.get(host) ?? 1) - 1);
    for (const wake of waiting.splice(0)) wake();
  };
  await Promise.all(
    pending.map(async (url) => {
      const host = hostOf(url);
      await acquire(host);
      try {
        results.set(url, await checkOne(url, options));
      } finally {
        release(host);
      }
    }),
  );
  return results;
}

async function checkOne(url: string, options: ExternalCheckOptions): Promise<ExternalResult> {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const target = url.replace(/#.*$/, '');
  let last: ExternalResult = { ok: false, error: 'not checked', checkedAt: now() };
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    let response: Response | undefined;
    try {
      response = await request(doFetch, target, 'HEAD', options.timeoutMs);
      if (HEAD_REFUSED.has(response.status))
        response = await request(doFetch, target, 'GET', options.timeoutMs);
    } catch (error) {
      try {
        response = await request(doFetch, target, 'GET', options.timeoutMs);
      } catch {
        last = { ok: false, error: describe(error), checkedAt: now() };
        continue;
      }
    }
    last = { ok: response.status < 400, status: response.status, checkedAt: now() };
    if (response.status !== 429 && response.status < 500) return last;
    const wait = retryAfter(response.headers.get('retry-after'), now());
    if (wait === null || wait > options.maxRetryAfterMs) return last;
    if (attempt < options.retries) await sleep(wait);
  }
  return last;
}

async function request(
  doFetch: typeof fetch,
  url: string,
  method: string,
  timeoutMs: number,
): Promise<Response> {
  const response = await doFetch(url, {
    method,
    redirect: 'follow',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'user-agent': 'galley-link-check', accept: 'text/html,*/*;q=0.8' },
  });
  // Only the status matters; free the connection.
  await response.body?.cancel().catch(() => {});
  return response;
}

/** Milliseconds to wait from a `Retry-After` header (seconds or an HTTP date); 1 s when absent. */
export function retryAfter(header: string | null, now: number): number | null {
  if (header === null) return 1000;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function describe(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timed out';
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
