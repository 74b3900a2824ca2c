// npm run axe [-- URL ...]: runs axe-core (WCAG 2.0/2.1/2.2 A and AA) in Debian's Chromium against running pages,
// at a desktop and a phone width, and reports Content-Security-Policy refusals and sideways scrolling at 320 px.
// Start the site first: ./resmonitor serve --urls http://127.0.0.1:5099
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const urls = process.argv.slice(2).length ? process.argv.slice(2) : ['http://127.0.0.1:5099/'];
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failures = 0;
try {
  for (const url of urls) {
    for (const width of [1280, 375, 320]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const refused = [];
      page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text()); });
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(axeSource); // evaluated over the DevTools protocol, so the page's CSP stays on
      const result = await page.evaluate((t) => window.axe.run(document, { runOnly: { type: 'tag', values: t } }), tags);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      const problems = [
        ...result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ...refused.map((r) => `CSP: ${r}`),
        ...(sideways ? ['the page scrolls sideways'] : []),
      ];
      failures += problems.length;
      console.log(`${url} @${width}px: ${result.passes.length} rules passed, ${result.incomplete.length} to review, ${problems.length} problems`);
      for (const p of problems) console.log(`  - ${p}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`axe-core ${require('axe-core/package.json').version}: ${failures === 0 ? 'no violations' : `${failures} problems`}`);
process.exit(failures === 0 ? 0 : 1);
