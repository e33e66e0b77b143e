/**
 * The documents a newcomer reads first stay true: the README's walkthrough block is
 * docs/walkthrough.sh verbatim, and every relative link of the README and docs/ points to
 * a file in the repository (nothing outside it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const documents = ['README.md', ...readdirSync(resolve(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('README and docs/', () => {
  it('the README walkthrough is docs/walkthrough.sh, verbatim', () => {
    const block = /<!-- walkthrough:start[^>]*-->\n```sh\n([\s\S]*?)```\n<!-- walkthrough:end -->/.exec(read('README.md'))?.[1];
    expect(block).toBe(read('docs/walkthrough.sh'));
  });

  it('the walkthrough takes its port from PORT and needs no tool beyond the listed ones', () => {
    const script = read('docs/walkthrough.sh');
    expect(script).toContain('API=${API:-http://127.0.0.1:${PORT:-3000}}');
    expect(script).not.toMatch(/\bxxd\b|date -d|gdate/);
    expect(execFileSync('bash', ['-n', resolve(root, 'docs/walkthrough.sh')]).toString()).toBe('');
  });

  it.each(documents)('%s links only to files inside the repository', (document) => {
    const text = read(document);
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
    for (const target of targets) {
      const file = resolve(root, dirname(document), target);
      expect(file.startsWith(`${root}/`), `${document} → ${target} leaves the repository`).toBe(true);
      expect(existsSync(file), `${document} → ${target}`).toBe(true);
    }
  });
});
