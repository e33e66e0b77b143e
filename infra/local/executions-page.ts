/**
 * `GET /_local/executions`: every execution of the local Step Functions server, newest
 * first, each with a link to its history (`?arn=`) and to the entity it conducts. Read
 * through `@aws-sdk/client-sfn` like any other client of the server.
 */
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
  type ExecutionListItem,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const time = (d: Date | undefined) => (d ? d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:72rem;margin:1.5rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #ddd}
body *{overflow-wrap:anywhere;word-break:break-word}pre{white-space:pre-wrap;margin:0;font:12px/1.4 ui-monospace,monospace}
@media (max-width:40rem){table,tbody,tr,td{display:block}thead{display:none}tr{border-bottom:1px solid #ddd;padding:.4rem 0}td{border:0;padding:.1rem 0}}
.RUNNING{color:#0050a0}.SUCCEEDED{color:#1d6b2f}.FAILED,.TIMED_OUT,.ABORTED{color:#a01919}.meta{color:#555}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** Where the API shows the entity a workflow conducts, by state machine name ({id} = the execution input's id). */
const ENTITY_ROUTES: Record<string, { label: string; path: string }> = {
  enrollment: { label: 'enrollment', path: '/enrollments/{id}' },
  'partnership-request': { label: 'partnership request', path: '/partnership-requests' },
  'customer-invitation': { label: 'customer invitation', path: '/customer-invitations' },
  order: { label: 'order', path: '/orders/{id}' },
};

/** A link to the entity an execution conducts, from its state machine and input (`id`; older inputs: `enrollmentId`, `requestId`). */
function entityLink(stateMachineArn: string | undefined, input: string | undefined): string {
  const machine = stateMachineArn?.split(':').at(-1) ?? '';
  let id: unknown;
  try {
    const parsed = JSON.parse(input ?? '{}') as { id?: unknown; enrollmentId?: unknown; requestId?: unknown };
    id = parsed.id ?? parsed.enrollmentId ?? parsed.requestId;
  } catch {
    return '';
  }
  if (typeof id !== 'string') return '';
  const route = ENTITY_ROUTES[machine];
  if (!route) return escapeHtml(`${machine} ${id}`);
  const path = route.path.replace('{id}', encodeURIComponent(id));
  return `<a href="${escapeHtml(path)}">${escapeHtml(`${route.label} ${id}`)}</a>`;
}

/** The page: the list, or one execution's history when `arn` is given. */
export async function executionsPage(stepFunctionsUrl: string, arn: string | null): Promise<{ status: number; body: string }> {
  const sfn = new SFNClient({ endpoint: stepFunctionsUrl, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    return arn === null ? { status: 200, body: await listPage(sfn) } : await historyPage(sfn, arn);
  } finally {
    sfn.destroy();
  }
}

async function listPage(sfn: SFNClient): Promise<string> {
  const machines = (await sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? [];
  const executions: ExecutionListItem[] = [];
  for (const machine of machines) {
    let nextToken: string | undefined;
    do {
      const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machine.stateMachineArn, maxResults: 1000, ...(nextToken ? { nextToken } : {}) }));
      executions.push(...(listed.executions ?? []));
      nextToken = listed.nextToken;
    } while (nextToken);
  }
  executions.sort((a, b) => (b.startDate?.getTime() ?? 0) - (a.startDate?.getTime() ?? 0));
  const inputs = await Promise.all(executions.map((e) => sfn.send(new DescribeExecutionCommand({ executionArn: e.executionArn })).then((d) => d.input)));
  const rows = executions
    .map(
      (e, i) => `<tr><td><a href="/_local/executions?arn=${encodeURIComponent(e.executionArn ?? '')}">${escapeHtml(e.name ?? '')}</a></td>
<td>${escapeHtml(e.stateMachineArn?.split(':').at(-1) ?? '')}</td><td class="${escapeHtml(e.status ?? '')}">${escapeHtml(e.status ?? '')}</td>
<td>${time(e.startDate)}</td><td>${time(e.stopDate)}</td><td>${entityLink(e.stateMachineArn, inputs[i])}</td></tr>`,
    )
    .join('\n');
  const machineList = machines.map((m) => `<li><code>${escapeHtml(m.stateMachineArn ?? '')}</code></li>`).join('');
  return page(
    'Local executions',
    `<h1>Executions</h1><p class="meta">${executions.length} execution(s) of the local Step Functions server, newest first. Times are on the local clock. Executions live in memory: a restart forgets them (the sweep re-drives open entities, GEN-4).</p>
<p>State machines:</p><ul>${machineList}</ul>
<table><thead><tr><th>execution</th><th>state machine</th><th>status</th><th>started</th><th>stopped</th><th>entity</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** The state name and the details of an event, for the history table. */
function describeEvent(event: HistoryEvent): { state: string; details: string } {
  const { id: _id, previousEventId: _previous, timestamp: _timestamp, type: _type, ...rest } = event;
  const details = Object.values(rest).find((value): value is Record<string, unknown> => typeof value === 'object' && value !== null) ?? {};
  const state = typeof details.name === 'string' ? details.name : '';
  const shown = Object.fromEntries(
    Object.entries(details)
      .filter(([key]) => key !== 'name' && !key.endsWith('Details'))
      .map(([key, value]) => [key, typeof value === 'string' && /^[[{]/.test(value) ? safeParse(value) : value]),
  );
  return { state, details: Object.keys(shown).length === 0 ? '' : JSON.stringify(shown, null, 2) };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function historyPage(sfn: SFNClient, arn: string): Promise<{ status: number; body: string }> {
  let execution;
  try {
    execution = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return { status: 404, body: page('Execution not found', `<h1>No such execution</h1><p>${escapeHtml(name)}: <code>${escapeHtml(arn)}</code></p><p><a href="/_local/executions">All executions</a></p>`) };
  }
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const got = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 1000, ...(nextToken ? { nextToken } : {}) }));
    events.push(...(got.events ?? []));
    nextToken = got.nextToken;
  } while (nextToken);
  const rows = events
    .map((event) => {
      const { state, details } = describeEvent(event);
      return `<tr><td>${event.id ?? ''}</td><td>${time(event.timestamp)}</td><td>${escapeHtml(event.type ?? '')}</td><td>${escapeHtml(state)}</td><td>${details ? `<pre>${escapeHtml(details)}</pre>` : ''}</td></tr>`;
    })
    .join('\n');
  return {
    status: 200,
    body: page(
      `Execution ${execution.name ?? ''}`,
      `<p><a href="/_local/executions">All executions</a></p><h1>${escapeHtml(execution.name ?? '')}</h1>
<p class="meta"><code>${escapeHtml(arn)}</code><br>status <span class="${escapeHtml(execution.status ?? '')}">${escapeHtml(execution.status ?? '')}</span> · started ${time(execution.startDate)}${execution.stopDate ? ` · stopped ${time(execution.stopDate)}` : ''} · ${entityLink(execution.stateMachineArn, execution.input)}</p>
${execution.error ? `<p class="FAILED">${escapeHtml(execution.error)}: ${escapeHtml(execution.cause ?? '')}</p>` : ''}
<table><thead><tr><th>#</th><th>time</th><th>event</th><th>state</th><th>details</th></tr></thead><tbody>${rows}</tbody></table>`,
    ),
  };
}
