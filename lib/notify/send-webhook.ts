import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { DestinationRefused, resolveDestination, type DestinationPolicy } from './destination';

export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** How much of a refusing receiver's answer is kept in the delivery log. */
const ERROR_BODY_CHARS = 200;

/**
 * POSTs one delivery attempt and never throws: a 2xx answer within `timeoutMs` is success,
 * anything else (another status, a refused destination, a network error, the deadline) is a
 * failure described in `error`. The request connects to the address resolveDestination
 * checked, whatever the name resolves to a moment later; redirects are not followed.
 */
export async function sendWebhookRequest({
  url,
  headers,
  body,
  timeoutMs,
  policy,
}: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  policy: DestinationPolicy;
}): Promise<SendOutcome> {
  let pinned: { address: string; family: 4 | 6 };
  try {
    pinned = await resolveDestination(url, policy);
  } catch (error) {
    const reason = error instanceof DestinationRefused ? `Destination refused: ${error.message}` : `Could not resolve the host: ${(error as Error).message}`;
    return { ok: false, statusCode: null, error: reason };
  }
  const target = new URL(url);
  const lookupPinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(outcome);
    };
    const request = client.request(
      target,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: lookupPinned, agent: false },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length < ERROR_BODY_CHARS) text += chunk;
        });
        response.on('error', (error) => finish({ ok: false, statusCode, error: error.message }));
        response.on('end', () => {
          const ok = statusCode >= 200 && statusCode < 300;
          const snippet = text.trim().slice(0, ERROR_BODY_CHARS);
          finish({ ok, statusCode, error: ok ? null : `HTTP ${statusCode}${snippet ? `: ${snippet}` : ''}` });
        });
      },
    );
    const deadline = setTimeout(() => {
      request.destroy();
      finish({ ok: false, statusCode: null, error: `No answer within ${Math.round(timeoutMs / 100) / 10} s` });
    }, timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, statusCode: null, error: error.code ? `${error.code}: ${error.message}` : error.message }));
    request.end(body);
  });
}
