import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`), as in TOOLCHAIN.md and `.ci/run`. */
export const CHROMIUM = '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args });

/** Screenshots go to `screenshots/` (git-ignored), for a person to look at. */
export const screenshotDir = resolve(import.meta.dirname, '../../screenshots');

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations the pages caused; a clean page leaves this empty. */
  problems: string[];
  shot(name: string): Promise<void>;
}

/** A fresh browser profile (no cookies) with the given browser language. */
export async function openSession(browser: Browser, locale = 'en-US'): Promise<BrowserSession> {
  mkdirSync(screenshotDir, { recursive: true });
  const context = await browser.newContext({ locale, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    // HTTP statuses are asserted by the tests themselves; Chrome also logs them as errors.
    if (/^Failed to load resource: the server responded with a status of/.test(message.text())) return;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return {
    context,
    page,
    problems,
    shot: async (name) => {
      await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage: true });
    },
  };
}
