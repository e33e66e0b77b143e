/**
 * The shared page layout: a complete, small, accessible HTML document with one inline
 * `<style>`, no scripts and no external assets (works without JavaScript).
 */
import type { PageCommon } from '../catalogues.js';
import { html, raw, type SafeHtml } from '../html.js';
import type { Language } from '../language.js';
import type { ProgramIdentity } from '../identity.js';
import { absoluteUrl } from '../urls.js';

const STYLE = raw(`
*{box-sizing:border-box}
body{margin:0;background:#f6f8fa;color:#1f2328;font:16px/1.5 "Segoe UI",Helvetica,Arial,sans-serif}
main{max-width:40rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #d0d7de;border-radius:8px}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
p,ul,form{margin:0 0 1rem}
a{color:#0b5cad}
.muted{color:#57606a;font-size:.9375rem}
.button,button{display:inline-block;font:inherit;font-weight:600;padding:.625rem 1.25rem;border:2px solid #0b5cad;border-radius:6px;background:#0b5cad;color:#fff;text-decoration:none;cursor:pointer}
button.secondary{background:#fff;color:#0b5cad}
a:focus,button:focus,input:focus{outline:3px solid #1f6feb;outline-offset:2px}
a:focus:not(:focus-visible),button:focus:not(:focus-visible),input:focus:not(:focus-visible){outline:none}
:focus-visible{outline:3px solid #1f6feb;outline-offset:2px}
.check{display:flex;gap:.625rem;align-items:flex-start;margin:0 0 1rem}
.check input{width:1.25rem;height:1.25rem;margin:.125rem 0 0;flex:none}
fieldset{border:1px solid #d0d7de;border-radius:6px;margin:0 0 1rem;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}
.option{display:flex;gap:.5rem;align-items:center;padding:.25rem 0}
blockquote{margin:0 0 1rem;padding:.5rem 1rem;border-left:4px solid #d0d7de;background:#f6f8fa;white-space:pre-line}
.field{display:flex;flex-direction:column;gap:.25rem;margin:0 0 .75rem}
.field input,.field select{font:inherit;padding:.375rem .5rem;border:1px solid #8c959f;border-radius:6px;max-width:100%}
footer{max-width:40rem;margin:0 auto 2rem;padding:0 2rem}
footer p{margin:0 0 .25rem}footer img{max-height:2.5rem;max-width:12rem;display:block;margin:0 0 .5rem}
main,footer{overflow-wrap:anywhere}
@media (max-width:30rem){main{margin:0;border:0;border-radius:0;padding:1rem}footer{padding:0 1rem}}
`);

/** What a page template produces: its title (also the `<h1>`) and its body. */
export interface PageContent {
  title: string;
  body: SafeHtml;
}

/**
 * A page to render (`renderPage`): its kind, and its content in a language with the common
 * texts the layout adds. Made by a template's function (`verifyConfirmPage({…})`…), which
 * holds its own texts in every language: a bundle carries the templates its code calls,
 * and their texts only.
 */
export interface Page {
  readonly kind: string;
  in(language: Language): { content: PageContent; common: PageCommon };
}

/** A template's page: `content` from the parameters and the texts of the language asked for. */
export function pageOf<P, T extends PageCommon>(kind: string, params: P, texts: Readonly<Record<Language, T>>, content: (p: P, texts: T) => PageContent): Page {
  return { kind, in: (language) => ({ content: content(params, texts[language]), common: texts[language] }) };
}

/** The footer: who runs the program and how to reach its support (every value escaped). */
function footer(catalogue: PageCommon, identity: ProgramIdentity): SafeHtml {
  const t = catalogue.common.footer;
  return html`<footer>
${identity.logoUrl ? html`<img src="${absoluteUrl(identity.logoUrl)}" alt="${identity.programName}">
` : ''}<p class="muted">${identity.programName} · ${t.operatedBy(identity)}</p>
<p class="muted">${t.support}: <a href="mailto:${identity.supportEmail}">${identity.supportEmail}</a> · <a href="${absoluteUrl(identity.supportUrl)}">${identity.supportUrl}</a> · <a href="${absoluteUrl(identity.privacyUrl)}">${t.privacy}</a></p>
</footer>`;
}

/** Wraps a page body into a full HTML document in the given language. */
export function pageDocument({ title, body }: PageContent, catalogue: PageCommon, language: Language, identity: ProgramIdentity): string {
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title} – ${identity.programName}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
${footer(catalogue, identity)}
</body>
</html>
`.toString();
}
