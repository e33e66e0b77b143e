/**
 * The shared email layout: a template describes an email as a list of blocks, and this
 * module renders them into a text part and an HTML part with the same content, so the
 * two can never drift apart. Links are shown as plain text in both parts; every value
 * is escaped in HTML; subjects are single-line.
 */
import type { EmailTexts } from '../catalogues.js';
import { html, type SafeHtml } from '../html.js';
import type { Language } from '../language.js';
import type { ProgramIdentity } from '../identity.js';
import { subjectLine } from '../text.js';
import { absoluteUrl } from '../urls.js';

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: readonly string[] }
  | { type: 'action'; label: string; url: string }
  | { type: 'quote'; heading: string; text: string }
  | { type: 'note'; text: string };

/** What a template produces. */
export interface EmailDraft {
  subject: string;
  greeting: string;
  blocks: readonly Block[];
}

/** A rendered email: one subject line, a text part and an HTML part. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export const paragraph = (text: string): Block => ({ type: 'paragraph', text });
export const list = (items: readonly string[]): Block => ({ type: 'list', items });
/** A call to action; the URL must be absolute (http/https). */
export const action = (label: string, url: string): Block => ({ type: 'action', label, url: absoluteUrl(url) });
/** User-supplied text quoted verbatim (line breaks kept). */
export const quote = (heading: string, text: string): Block => ({ type: 'quote', heading, text });
export const note = (text: string): Block => ({ type: 'note', text });

const FONT = 'font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;';
const SMALL = 'font-size:14px;color:#57606a;';
const BUTTON =
  'display:inline-block;padding:12px 20px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:600;';
const LINK = 'color:#0b5cad;word-break:break-all;';

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'note':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'action':
      return `${block.label}:\n${block.url}`;
    case 'quote':
      return `${block.heading}\n${block.text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')}`;
  }
}

function blockHtml(block: Block, catalogue: EmailTexts<never>): SafeHtml {
  switch (block.type) {
    case 'paragraph':
      return html`<p style="margin:0 0 16px;">${block.text}</p>`;
    case 'note':
      return html`<p style="margin:0 0 16px;${SMALL}">${block.text}</p>`;
    case 'list':
      return html`<ul style="margin:0 0 16px;padding-left:24px;">${block.items.map((item) => html`<li>${item}</li>`)}</ul>`;
    case 'action':
      return html`<p style="margin:24px 0 8px;"><a href="${block.url}" style="${BUTTON}">${block.label}</a></p>
<p style="margin:0 0 24px;${SMALL}">${catalogue.common.linkFallback}<br><a href="${block.url}" style="${LINK}">${block.url}</a></p>`;
    case 'quote':
      return html`<p style="margin:0 0 4px;">${block.heading}</p>
<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #d0d7de;background:#f6f8fa;white-space:pre-line;">${block.text}</blockquote>`;
  }
}

function renderText(draft: EmailDraft, catalogue: EmailTexts<never>, identity: ProgramIdentity): string {
  const { common } = catalogue;
  const f = common.footer;
  const parts = [draft.greeting, ...draft.blocks.map(blockText)];
  const footer = [
    common.automated,
    `${identity.programName} · ${f.operatedBy(identity)}`,
    `${f.questions} ${identity.supportEmail} · ${identity.supportUrl}`,
    `${f.privacy}: ${identity.privacyUrl}`,
  ];
  return `${parts.join('\n\n')}\n\n${common.signOff}\n${common.team}\n\n-- \n${footer.join('\n')}\n`;
}

function renderHtml(draft: EmailDraft, subject: string, catalogue: EmailTexts<never>, language: Language, identity: ProgramIdentity): string {
  const { common } = catalogue;
  const f = common.footer;
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;background:#f6f8fa;">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;${FONT}">
<p style="margin:0 0 16px;">${draft.greeting}</p>
${draft.blocks.map((block) => [blockHtml(block, catalogue), '\n'])}<p style="margin:24px 0 16px;">${common.signOff}<br>${common.team}</p>
<hr style="border:none;border-top:1px solid #d0d7de;margin:24px 0 16px;">
<p style="margin:0 0 8px;${SMALL}">${common.automated}</p>
${identity.logoUrl ? html`<p style="margin:0 0 8px;"><img src="${absoluteUrl(identity.logoUrl)}" alt="${identity.programName}" style="max-height:40px;max-width:200px;"></p>
` : ''}<p style="margin:0 0 4px;${SMALL}">${identity.programName} · ${f.operatedBy(identity)}</p>
<p style="margin:0 0 4px;${SMALL}">${f.questions} <a href="mailto:${identity.supportEmail}" style="${LINK}">${identity.supportEmail}</a> · <a href="${absoluteUrl(identity.supportUrl)}" style="${LINK}">${identity.supportUrl}</a></p>
<p style="margin:0;${SMALL}"><a href="${absoluteUrl(identity.privacyUrl)}" style="${LINK}">${f.privacy}</a></p>
</div>
</body>
</html>
`.toString();
}

/** Renders a template's draft into subject, text part and HTML part. */
export function composeEmail(draft: EmailDraft, catalogue: EmailTexts<never>, language: Language, identity: ProgramIdentity): RenderedEmail {
  const subject = subjectLine(draft.subject);
  return {
    subject,
    text: renderText(draft, catalogue, identity),
    html: renderHtml(draft, subject, catalogue, language, identity),
  };
}
