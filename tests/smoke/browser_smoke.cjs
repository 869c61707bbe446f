// Browser smoke test driver (node + playwright-core + Debian's Chromium). Loads the page at URL,
// waits for the app's readiness flag, calls the exported cv_version() and screenshots the canvas.
// Prints one JSON line with what it saw; browser_smoke.py judges it.
//
//   node browser_smoke.cjs --url URL --node-modules DIR --chromium /usr/bin/chromium --out canvas.png
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const key of ['url', 'node-modules', 'chromium', 'out']) {
    if (!args[key]) throw new Error(`missing --${key}`);
  }
  return args;
}

// Flags known to work as root, headless, without network (see the toolchain notes).
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-unsafe-swiftshader',
];
const DEVICE_SCALE = 2;  // exercises the devicePixelRatio handling

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { chromium } = require(path.join(args['node-modules'], 'playwright-core'));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closureviz-chromium-'));
  const result = { console: [], pageErrors: [] };
  let context;
  try {
    // --headless and --user-data-dir are passed by Playwright from these options.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: args.chromium,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1280, height: 720 },
      deviceScaleFactor: DEVICE_SCALE,
      timeout: 60000,
    });
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => result.console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => result.pageErrors.push(String(e)));

    await page.goto(args.url, { waitUntil: 'load', timeout: 60000 });
    await page.waitForFunction(() => window.closurevizReady === true || window.closurevizError,
                               null, { timeout: 90000 });
    result.error = await page.evaluate(() => window.closurevizError || null);
    result.version = await page.evaluate(() => Module.ccall('cv_version', 'string', [], []));
    // Let a few more frames render after the first one before looking.
    const start = await page.evaluate(() => Module.ccall('cv_frame_count', 'number', [], []));
    await page.waitForFunction((n) => Module.ccall('cv_frame_count', 'number', [], []) >= n + 3,
                               start, { timeout: 30000 });
    result.frames = await page.evaluate(() => Module.ccall('cv_frame_count', 'number', [], []));
    result.canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight,
               devicePixelRatio: window.devicePixelRatio };
    });
    result.statusHidden = await page.evaluate(() => document.getElementById('status').hidden);
    await page.locator('#canvas').screenshot({ path: args.out, scale: 'css' });
    result.screenshot = args.out;
  } finally {
    if (context) await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(`browser_smoke.cjs: ${e.stack || e}`);
  process.exit(1);
});
