// Drives real VS Code (code-server's workbench in headless Chromium) with the
// DPL extension installed and the real dpls behind it: the language mode, the
// error squiggle from publishDiagnostics, completion, hover, and the quick
// fix applied from the code action menu. run.sh starts code-server and sets
// E2E_URL; prints one line per check and exits 1 on a failure.
import { chromium } from 'playwright-core';

const url = process.env.E2E_URL;
let passes = 0;
let failures = 0;
const check = (ok, what) => {
  if (ok) passes++;
  else failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};
const found = (locator, timeout) => locator.first().waitFor({ timeout }).then(() => true, () => false);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Generous waits: on a loaded machine code-server takes tens of seconds to serve.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 120000 });

  // Open the file from the Explorer, which lists the workspace once the
  // remote file system is up (slow on a loaded machine).
  const entry = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'broken.dpl' });
  await entry.first().waitFor({ timeout: 120000 });
  await entry.first().dblclick();
  // The editor opens as Plain Text and turns DPL once the extension's
  // contributions are read.
  const mode = (text) => page.locator('.statusbar-item[id="status.editor.mode"]', text && { hasText: text });
  const isDpl = await found(mode('DPL'), 60000);
  check(isDpl, `language mode: ${(await mode().first().innerText().catch(() => '?')).trim()}`);

  check(await found(page.locator('.monaco-editor .squiggly-error'), 60000), 'error squiggle from dpls');

  const goTo = async (lineCol) => {
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input');
    await page.keyboard.type(lineCol);
    await page.keyboard.press('Enter');
    // Keys pressed before the box closes would go to it, not the editor.
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  };

  // Line 6 is `  timeout: "2s"` in PaymentService; column 3 is the key's start.
  await goTo('6:3');
  await page.keyboard.press('Control+Space');
  const row = (label) => page.locator('.suggest-widget .monaco-list-row', { hasText: label });
  const offered = await found(row('retry'), 30000) && await found(row('circuit_breaker'), 1000);
  const labels = await page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
  check(offered, `completion: ${labels.map((l) => l.split('\n')[0]).join(', ')}`);
  await page.keyboard.press('Escape');

  await goTo('6:4');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I'); // editor.action.showHover
  check(await found(page.locator('.monaco-hover', { hasText: 'duration · per attempt' }), 15000), 'hover on timeout');
  await page.keyboard.press('Escape');

  // The quick fix on `fault_tolerence`, from the code action menu (Ctrl+.).
  await goTo('1:4');
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget').getByText('Change to fault_tolerance');
  check(await found(fix, 15000), 'quick fix offered');
  // The menu focuses its first item; its pointer block swallows clicks.
  await page.keyboard.press('Enter');
  // View lines render spaces as no-break spaces, which \s matches.
  const lines = (re) => page.locator('.monaco-editor .view-line', { hasText: re });
  check(await found(lines(/fault_tolerance\s+OrderService/), 10000)
    && (await lines(/fault_tolerence/).count()) === 0, 'quick fix applied');
  check(await page.locator('.monaco-editor .squiggly-error').waitFor({ state: 'detached', timeout: 15000 })
    .then(() => true, () => false), 'squiggle gone after the fix');
} catch (e) {
  failures++;
  console.log(`ERROR ${e.message}`);
}
if (process.env.E2E_SCREENSHOT) {
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: process.env.E2E_SCREENSHOT }).catch(() => {});
}
await browser.close();
console.log(`vscode e2e: ${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
