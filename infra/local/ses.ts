import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { freePort, waitFor } from './ports.js';

const require = createRequire(import.meta.url);
const sesServer = (require('aws-ses-v2-local') as { default: (config: { host: string; port: number }) => Promise<Server> }).default;

/** An email as `GET /_local/emails` answers it (API.md). */
export interface LocalEmail {
  id: string;
  to: string[];
  from: string;
  replyTo: string[];
  subject: string;
  text: string;
  html: string;
  links: string[];
  sentAt: string;
}

interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  at: number;
}

/** The SES event's `mail` part for the last email sent to an address (as SES publishes it). */
export interface SentMail {
  messageId: string;
  /** The email's tags, each a list of values (SES's event shape). */
  tags: Record<string, string[]>;
}

export interface LocalSes {
  endpoint: string;
  emails(to?: string): Promise<LocalEmail[]>;
  /** The last email sent to `to` (exact address, any case), with the tags it was sent with. */
  lastSentTo(to: string): Promise<SentMail | undefined>;
  /**
   * Notes the tags of a sent email, from the SendEmail request and its answer (the emulator
   * validates EmailTags but does not keep them; the local cloud's SES proxy calls this).
   */
  recordSent(operation: string, request: Buffer, answer: Buffer): Promise<void>;
  stop(): Promise<void>;
}

const decodeEntities = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&#x2F;', '/').replaceAll('&#47;', '/');

/** Absolute http(s) URLs in a body, in order, without duplicates. */
export function extractLinks(...bodies: string[]): string[] {
  const found = new Set<string>();
  for (const body of bodies) {
    for (const match of body.matchAll(/https?:\/\/[^\s"'<>)]+/g)) found.add(decodeEntities(match[0]).replace(/[.,;:!?]+$/, ''));
  }
  return [...found];
}

/** Starts the SES v2 emulator in-process on a free loopback port. */
export async function startSes(): Promise<LocalSes> {
  const port = await freePort();
  const server = await sesServer({ host: '127.0.0.1', port });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitFor('SES emulator', async () => (await fetch(`${endpoint}/health-check`)).ok);
  const tagsOf = new Map<string, Record<string, string[]>>();
  const store = async () => ((await (await fetch(`${endpoint}/store`)).json()) as { emails: StoredEmail[] }).emails;
  return {
    endpoint,
    async recordSent(operation, request, answer) {
      if (operation !== 'SendEmail') return;
      try {
        const { EmailTags } = JSON.parse(request.toString('utf8')) as { EmailTags?: { Name: string; Value: string }[] };
        const { MessageId } = JSON.parse(answer.toString('utf8')) as { MessageId?: string };
        if (!MessageId || !EmailTags?.length) return;
        const tags: Record<string, string[]> = {};
        for (const { Name, Value } of EmailTags) (tags[Name] ??= []).push(Value);
        tagsOf.set(MessageId, tags);
      } catch {
        // Not a JSON SendEmail: nothing to note.
      }
    },
    async lastSentTo(to) {
      const wanted = to.toLowerCase();
      const last = (await store()).filter((e) => e.destination.to.some((t) => t.toLowerCase() === wanted)).at(-1);
      return last ? { messageId: last.messageId, tags: tagsOf.get(last.messageId) ?? {} } : undefined;
    },
    async emails(to) {
      const wanted = to?.toLowerCase();
      return (await store())
        .filter((e) => !wanted || e.destination.to.some((t) => t.toLowerCase().includes(wanted)))
        .map((e) => ({
          id: e.messageId,
          to: e.destination.to,
          from: e.from,
          replyTo: e.replyTo,
          subject: e.subject,
          text: e.body.text ?? '',
          html: e.body.html ?? '',
          links: extractLinks(e.body.text ?? '', e.body.html ?? ''),
          sentAt: new Date(e.at * 1000).toISOString(),
        }));
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
