import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Caller } from './auth.js';

/** What the HTTP middlewares learnt about one request, for the next ones and the use case. */
export interface RequestState {
  caller?: Caller;
  /** The body as received (base64 decoded), before any parsing. */
  rawBody: string;
  params?: unknown;
  query?: unknown;
  body?: unknown;
}

const states = new WeakMap<APIGatewayProxyEventV2, RequestState>();

export function requestState(event: APIGatewayProxyEventV2): RequestState {
  let state = states.get(event);
  if (!state) {
    state = { rawBody: event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '' };
    states.set(event, state);
  }
  return state;
}
