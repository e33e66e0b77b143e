import { describe, expect, it } from 'vitest';
import { api, eventually } from '../support/api.js';
import { enroll, newReseller } from '../support/enrollment.js';

describe('local-only routes', () => {
  it('health answers 200 with every local service up', async () => {
    const res = await api('GET', '/_local/health');
    expect(res.status).toBe(200);
    expect(res.body.services).toEqual({ dynamodb: true, ses: true, stepFunctions: true, cognito: true, gateway: true, demoData: true });
  });

  it('tokens are validated like any input: 400 with the bad field', async () => {
    const res = await api('POST', '/_local/tokens', { body: { tenantId: 't', tenantCountry: 'DE', email: 'a@b.example', roles: ['king'] } });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('roles.0');
  });

  it('the clock only moves forward', async () => {
    const before = (await api('POST', '/_local/clock', { body: { advanceSeconds: 0 } })).body.now;
    expect((await api('POST', '/_local/clock', { body: { advanceSeconds: -60 } })).status).toBe(400);
    const after = (await api('POST', '/_local/clock', { body: { advanceSeconds: 0 } })).body.now;
    expect(Date.parse(after)).toBeGreaterThanOrEqual(Date.parse(before));
  });

  it('an unknown route answers the error envelope, not a stack trace', async () => {
    const res = await api('GET', '/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ type: 'not_found', code: 'route_not_found' });
  });

  it('/_local/executions lists an enrollment\'s execution with a link to it, and its history in AWS\'s event names', async () => {
    const { id } = await enroll(await newReseller());
    const list = await eventually(async () => {
      const res = await api('GET', '/_local/executions');
      return res.text.includes(`enrollment ${id}`) ? res : undefined;
    });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toContain('text/html');
    expect(list.text).toContain('arn:aws:states:us-east-1:000000000000:stateMachine:enrollment');
    expect(list.text).toContain(`href="/enrollments/${id}"`);
    const historyHref = new RegExp(`href="(/_local/executions\\?arn=[^"]+)">[^<]*</a></td>\\s*<td>enrollment</td>(?:(?!</tr>)[\\s\\S])*enrollment ${id}`).exec(list.text)?.[1];
    expect(historyHref).toBeDefined();
    // The first task parks the workflow on a callback once the verification email is out.
    const history = await eventually(async () => {
      const res = await api('GET', historyHref ?? '');
      return res.text.includes('TaskSubmitted') ? res : undefined;
    });
    expect(history.status).toBe(200);
    for (const type of ['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskSubmitted']) expect(history.text).toContain(type);
    expect(history.text).toContain(`&#34;id&#34;: &#34;${id}&#34;`);
    const missing = await api('GET', '/_local/executions?arn=arn:aws:states:us-east-1:000000000000:execution:enrollment:nope');
    expect(missing.status).toBe(404);
  });
});
