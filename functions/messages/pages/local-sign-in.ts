/** Local-only demo sign-in (never deployed). */
import { localSignInTexts, type PageTexts } from '../catalogues.js';
import { html } from '../html.js';
import { pageOf, type Page, type PageContent } from './layout.js';

/** Roles the "someone else" form offers, `global_admin` first (the one most flows need). */
export const SIGN_IN_ROLES = ['global_admin', 'admin_agent', 'user_admin', 'sales_agent', 'operator'] as const;

export interface LocalSignInPage {
  /** Where to go after signing in; sent back as the `returnTo` field. */
  returnTo: string;
  /** Demo users; the chosen `value` is sent as the `user` field. None is chosen in advance unless `checked`. */
  users: { label: string; value: string; checked?: boolean }[];
}

function localSignInContent(p: LocalSignInPage, catalogue: PageTexts<'localSignIn'>): PageContent {
  const t = catalogue.pages.localSignIn;
  const options = p.users.map(
    (user, i) => html`<div class="option">
<input type="radio" id="user-${i}" name="user" value="${user.value}" required${user.checked === true && html` checked`}>
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
</form>
<h2>${t.otherHeading}</h2>
<p class="muted">${t.otherIntro}</p>
<form method="post" action="/_local/sign-in">
<input type="hidden" name="returnTo" value="${p.returnTo}">
<div class="field"><label for="tenantId">${t.tenantIdLabel}</label><input id="tenantId" name="tenantId" required maxlength="100" autocomplete="off"></div>
<div class="field"><label for="tenantCountry">${t.countryLabel}</label><input id="tenantCountry" name="tenantCountry" required pattern="[A-Za-z]{2}" maxlength="2" autocomplete="off"></div>
<div class="field"><label for="email">${t.emailLabel}</label><input id="email" name="email" type="email" required maxlength="254" autocomplete="off"></div>
<div class="field"><label for="role">${t.roleLabel}</label><select id="role" name="role">${SIGN_IN_ROLES.map((role) => html`<option value="${role}">${role}</option>`)}</select></div>
<button type="submit">${t.otherButton}</button>
</form>
<h2>${t.signOutHeading}</h2>
<form method="post" action="/_local/sign-out">
<input type="hidden" name="returnTo" value="${p.returnTo}">
<p class="muted">${t.signOutText}</p>
<button type="submit" class="secondary">${t.signOutButton}</button>
</form>`,
  };
}

/**
 * Two ways to sign in, both posting to `/_local/sign-in`: choose a listed user (`user`), or
 * type any tenant, country, email and role (`tenantId`, `tenantCountry`, `email`, `role`) —
 * a freshly enrolled reseller or a customer tenant's admin. And a sign-out.
 */
export const localSignInPage = (p: LocalSignInPage): Page => pageOf('local.signIn', p, localSignInTexts, localSignInContent);
