/** A request's JSON body, at most `limit` bytes (413 past it, the rest not read), parsed (400 when it is not JSON); an empty body is `{}`. */
import type { IncomingMessage } from 'node:http';
import { HubRequestError } from '../errors.js';

export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HubRequestError(400, 'invalid-json', `the body is not JSON: ${(e as Error).message}`);
  }
}

function tooLarge(limit: number): HubRequestError {
  return new HubRequestError(413, 'body-too-large', `the body is larger than ${limit} bytes`);
}
