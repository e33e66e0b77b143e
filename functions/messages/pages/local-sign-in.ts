/** Local-only demo sign-in (never deployed). */
import type { Catalogue } from '../catalogues.js';
import { html } from '../html.js';
import type { PageContent } from './layout.js';

export interface LocalSignInPage {
  kind: 'local.signIn';
  /** Where to go after signing in; sent back as the `returnTo` field. */
  returnTo: string;
  /** Demo users; the chosen `value` is sent as the `user` field. */
  users: { label: string; value: string }[];
}

/** Posts `user` and `returnTo` to `/_local/sign-in`. */
export function localSignInPage(p: LocalSignInPage, catalogue: Catalogue): PageContent {
  const t = catalogue.pages.localSignIn;
  const options = p.users.map(
    (user, i) => html`<div class="option">
<input type="radio" id="user-${i}" name="user" value="${user.value}" required${i === 0 && html` checked`}>
<label for="user-${i}">${user.label}</label>
</div>
`,
  );
  return {
    title: t.title,
    body: html`<p>${t.intro}</p>
<form method="post" action="/_local/sign-in">
<input type="hidden" name="returnTo" value="${p.returnTo}">
<fieldset>
<legend>${t.legend}</legend>
${p.users.length ? options : html`<p>${t.noUsers}</p>`}</fieldset>
<button type="submit"${!p.users.length && html` disabled`}>${t.button}</button>
</form>`,
  };
}
