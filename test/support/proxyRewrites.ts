// Answers from AWS as they may arrive from a newer or a different AWS: a test rewrites the JSON
// answer of a chosen operation (drops fields, puts enum values this build has never seen) before
// the SDK reads it. JSON-protocol services only (ECS, CloudWatch Logs, ...); other answers and
// error answers pass unchanged.
import type { Step } from './awsLimitsProxy';

/** Rewrites a successful JSON answer: gets the parsed body, returns the body to send. */
export type AnswerRewrite = (body: Record<string, unknown>) => unknown;

export function rewriteJsonAnswers(rewrites: ReadonlyMap<string, AnswerRewrite>): Step {
  return async (req, next) => {
    const res = await next(req);
    const rewrite = rewrites.get(req.operation);
    if (!rewrite || res.status !== 200 || req.targetPrefix === undefined) return res;
    let body: unknown;
    try {
      body = JSON.parse(res.body.toString('utf8') || '{}');
    } catch {
      return res;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return res;
    const text = JSON.stringify(rewrite(body as Record<string, unknown>));
    return { ...res, headers: { ...res.headers, 'content-length': String(Buffer.byteLength(text)) }, body: Buffer.from(text) };
  };
}
