// Browser tests of the tutorial page (node + playwright-core + Debian's Chromium), one case per run; prints one JSON line {case, failures, info}.
//
//   node page_test.mjs --case NAME --url http://127.0.0.1:PORT/ --node-modules DIR --chromium PATH
//                      --out DIR [--traces DIR]
// run_web_tests.py serves the site, makes the reference traces with `closureviz trace` and judges
// the result. Cases: lessons share_link embed presentation predict keyboard bad_input
// infinite_loop screenshot budgets page_lifecycle heavy_programs clipboard.
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const key of ['case', 'url', 'node-modules', 'chromium', 'out']) {
    if (!args[key]) throw new Error(`missing --${key}`);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const { chromium } = require(path.join(args['node-modules'], 'playwright-core'));
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-unsafe-swiftshader',
];
const failures = [];
const info = {};
const consoleErrors = [];
const pageErrors = [];

function check(condition, message) {
  if (!condition) failures.push(message);
  return !!condition;
}

// A share-link fragment made outside the page (node's zlib), as another site would make it.
function linkFragment(source, step, view) {
  const packed = zlib.deflateRawSync(Buffer.from(source, 'utf8')).toString('base64url');
  let fragment = `#cv1=${packed}`;
  if (step !== undefined) fragment += `&step=${step}`;
  if (view !== undefined) fragment += `&view=${view}`;
  return fragment;
}

function deepEqual(a, b) {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = canonical(v[k]);
    return out;
  }
  return v;
}

async function openPage(context, url, { waitProgram = true } = {}) {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  await page.waitForFunction(() => window.closurevizReady === true || window.closurevizError, null, { timeout: 90000 });
  const error = await page.evaluate(() => window.closurevizError || null);
  if (error) throw new Error(`the page reported: ${error}`);
  if (waitProgram) await page.waitForFunction(() => window.closurevizPageReady === true, null, { timeout: 60000 });
  return page;
}

const state = (page) => page.evaluate(() => window.closureviz.state());
const visible = (page, selector) => page.locator(selector).isVisible();
const text = (page, selector) => page.locator(selector).textContent();

function readTrace(file) {
  const records = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  return { steps: records.filter((r) => r.kind === 'step'), end: records.find((r) => r.kind === 'end') };
}

// Steps through the loaded program in the page and compares every step with the reference trace;
// also checks that the narration and the text mirror follow.
async function compareAllSteps(page, steps) {
  return page.evaluate((steps) => {
    const canon = (v) => {
      if (Array.isArray(v)) return v.map(canon);
      if (v && typeof v === 'object') {
        const out = {};
        for (const k of Object.keys(v).sort()) out[k] = canon(v[k]);
        return out;
      }
      return v;
    };
    const firstDifference = (a, b, where) => {
      if (JSON.stringify(canon(a)) === JSON.stringify(canon(b))) return null;
      if (a && b && typeof a === 'object' && typeof b === 'object') {
        for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
          const d = firstDifference(a[k], b[k], `${where}.${k}`);
          if (d) return d;
        }
      }
      return `${where}: page ${JSON.stringify(a)?.slice(0, 160)} vs trace ${JSON.stringify(b)?.slice(0, 160)}`;
    };
    const bad = [];
    for (let k = 1; k <= steps.length && bad.length < 8; k++) {
      const s = window.closureviz.step(k);
      if (s.step !== k) { bad.push(`closureviz.step(${k}) shows step ${s.step}`); continue; }
      const diff = firstDifference(s.record, steps[k - 1], 'record');
      if (diff) bad.push(`step ${k}: ${diff}`);
      const mirror = document.getElementById('mirror').textContent;
      const stack = (s.record && s.record.stack) || [];
      for (const frame of stack) {
        if (!mirror.includes(frame.func)) bad.push(`step ${k}: the text mirror does not name frame ${frame.func}`);
        for (const name of Object.keys(frame.locals || {}).concat(Object.keys(frame.cells || {}))) {
          if (!mirror.includes(name)) bad.push(`step ${k}: the text mirror does not name variable ${name}`);
        }
      }
      if (!document.getElementById('narration').textContent.trim()) bad.push(`step ${k}: no narration line`);
      if (!document.getElementById('step-label').textContent.includes(`Step ${k} of ${steps.length}`)) {
        bad.push(`step ${k}: the toolbar says "${document.getElementById('step-label').textContent}"`);
      }
    }
    return bad;
  }, steps);
}

async function caseLessons(context) {
  const page = await openPage(context, args.url + 'index.html');
  const traces = fs.readdirSync(args.traces).filter((f) => f.endsWith('.jsonl')).sort();
  // The lesson programs are fetched after the app's first frame: wait until every one is shown.
  await page.waitForFunction(() => [...document.querySelectorAll('figure.program pre.code code')].every((c) => c.textContent.length > 0),
                             null, { timeout: 30000 }).catch(() => {});
  check(traces.length >= 11, `expected the traces of at least 11 lessons, got ${traces.length}`);
  info.lessons = [];
  for (const traceName of traces) {
    const program = traceName.replace(/\.jsonl$/, '.py');
    const { steps, end } = readTrace(path.join(args.traces, traceName));
    const figure = page.locator(`figure.program[data-program="${program}"]`);
    if (!check(await figure.count() === 1, `${program}: the page has no figure for it`)) continue;
    const shown = await figure.locator('pre.code code').textContent();
    const file = fs.readFileSync(path.join(args.lessons, program), 'utf8');
    check(shown === file, `${program}: the code shown on the page differs from assets/lessons/${program}`);
    const buttons = figure.locator('button.open');
    const count = await buttons.count();
    check(count >= 1, `${program}: no "Open in visualizer" button`);
    for (let i = 0; i < count; i++) {
      const button = buttons.nth(i);
      const want = await button.evaluate((b) => ({ step: Number(b.dataset.step || 1), view: b.dataset.view || 'env' }));
      await button.click();
      const opened = await page.waitForFunction((w) => {
        const s = window.closureviz.state();
        return s && s.status !== 'recording' && s.step_count === w.n && s.step === w.step && s.view === w.view;
      }, { ...want, n: steps.length }, { timeout: 30000 }).then(() => true, () => false);
      const s = await state(page);
      if (!check(opened, `${program}: button ${i + 1} should open step ${want.step} of ${steps.length} in ${want.view} view; ` +
                         `the page shows step ${s.step} of ${s.step_count}, ${s.view}, status ${s.status} ${s.message}`)) continue;
      check(deepEqual(s.record, steps[want.step - 1]), `${program}: button ${i + 1}: the record of step ${want.step} differs from the trace`);
      check(await page.evaluate(() => document.activeElement && document.activeElement.id === 'viz'),
            `${program}: after "Open in visualizer" the keyboard focus should be on the visualizer panel`);
    }
    const bad = await compareAllSteps(page, steps);
    for (const b of bad) failures.push(`${program}: ${b}`);
    const last = await state(page);
    check(last.status === end.status, `${program}: status ${last.status}, the trace ends with ${end.status}`);
    info.lessons.push({ program, steps: steps.length, buttons: count, mismatches: bad.length });
  }
}

const UNICODE_PROGRAM = 'def greet(name):\n    mark = "✓ é 😀"\n    def inner():\n        return name + " " + mark\n    return inner\n\nprint(greet("Zoë")())\n';

async function caseShareLink(context) {
  const origin = new URL(args.url).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await openPage(context, args.url + 'index.html');
  const lesson = fs.readFileSync(path.join(args.lessons, '03_persistent_state.py'), 'utf8');
  for (const [source, step, view] of [[lesson, 18, 'cells'], [UNICODE_PROGRAM, 9, 'env']]) {
    const before = await page.evaluate(async ([src, step, view]) => window.closureviz.load(src, { step, view }), [source, step, view]);
    check(before.step === step && before.view === view, `load(..., {step: ${step}, view: ${view}}) shows step ${before.step}, ${before.view}`);
    await page.click('#btn-link');
    await page.waitForFunction(() => location.hash.startsWith('#cv1='), null, { timeout: 10000 }).catch(() => {});
    const link = await page.evaluate(() => location.href);
    const copied = await page.evaluate(() => navigator.clipboard.readText()).catch((e) => `clipboard error: ${e}`);
    check(copied === link, `Copy link: the clipboard holds ${String(copied).slice(0, 80)}, the address bar ${link.slice(0, 80)}`);
    check(/#cv1=[A-Za-z0-9_-]+&step=\d+&view=(env|cells)$/.test(link), `the link has an unexpected form: ${link.slice(0, 120)}`);
    const other = await openPage(context, link);
    const after = await state(other);
    check(after.step === step && after.view === view && after.step_count === before.step_count,
          `the link reopened step ${after.step} of ${after.step_count} (${after.view}); expected ${step} of ${before.step_count} (${view})`);
    check(deepEqual(after.record, before.record), `the link's step record differs from the original's (step ${step})`);
    const reopened = await other.locator('#playground-code').inputValue();
    check(reopened === source, 'the link did not carry the program text exactly (playground shows a different text)');
    await other.close();
  }
  info.linkLength = (await page.evaluate(() => location.href)).length;

  // A link made elsewhere (node's zlib, not the page) opens the same way, also on a page already open.
  const fragment = linkFragment(lesson, 5, 'env');
  const outside = await openPage(context, args.url + 'index.html' + fragment);
  let s = await state(outside);
  check(s.step === 5 && s.view === 'env' && s.step_count > 50, `an outside link opened step ${s.step}/${s.step_count} ${s.view}`);
  await outside.evaluate((f) => { location.hash = f; }, linkFragment(UNICODE_PROGRAM, 3, 'cells'));
  await outside.waitForFunction(() => { const st = window.closureviz.state(); return st.step === 3 && st.view === 'cells'; }, null, { timeout: 20000 })
    .catch(() => {});
  s = await state(outside);
  check(s.step === 3 && s.view === 'cells', `a link followed on an open page (hashchange) shows step ${s.step} ${s.view}`);
}

async function caseEmbed(context) {
  const lesson = fs.readFileSync(path.join(args.lessons, '01_what_is_a_closure.py'), 'utf8');
  const fragment = linkFragment(lesson, 10, 'cells');
  for (const url of [`${args.url}index.html?embed=1${fragment}`, `${args.url}embed.html${fragment}`]) {
    const page = await openPage(context, url);
    const s = await state(page);
    check(s.step === 10 && s.view === 'cells', `${url.split('#')[0]}: shows step ${s.step} ${s.view}, expected 10 cells`);
    check(!(await visible(page, '#tutorial')), `${url.split('#')[0]}: the tutorial text is visible in embed mode`);
    check(await visible(page, '.viz-bar'), `${url.split('#')[0]}: the controls are missing in embed mode`);
    const box = await page.locator('#canvas').boundingBox();
    const viewport = page.viewportSize();
    check(box && box.width >= viewport.width - 2 && box.height >= viewport.height * 0.6,
          `${url.split('#')[0]}: the canvas is ${box && Math.round(box.width)}x${box && Math.round(box.height)} in a ${viewport.width}x${viewport.height} frame`);
    await page.keyboard.press('PageDown');
    check((await state(page)).step === 11, `${url.split('#')[0]}: Page Down in embed mode did not step`);
    await page.screenshot({ path: path.join(args.out, url.includes('embed.html') ? 'embed-html.png' : 'embed.png') });
    await page.close();
  }
  // The snippet documented on the page works as written: an iframe in another page.
  const host = await context.newPage();
  await host.setContent(`<iframe id="f" src="${args.url}embed.html${fragment}" width="900" height="560" style="border:0"></iframe>`);
  const frame = await (await host.waitForSelector('#f')).contentFrame();
  await frame.waitForFunction(() => window.closurevizPageReady === true, null, { timeout: 60000 });
  const s = await frame.evaluate(() => window.closureviz.state());
  check(s.step === 10, `inside an iframe the embed shows step ${s.step}`);
  await host.close();
}

async function casePresentation(context) {
  const page = await openPage(context, args.url + 'index.html');
  const lesson = fs.readFileSync(path.join(args.lessons, '03_persistent_state.py'), 'utf8');
  await page.evaluate((src) => window.closureviz.load(src, { step: 5 }), lesson);
  await page.click('#btn-present');
  check(await page.evaluate(() => document.body.classList.contains('presenting')), 'Present did not switch to presentation mode');
  check(!(await visible(page, '#tutorial')), 'the tutorial text is still visible while presenting');
  const box = await page.locator('#canvas').boundingBox();
  const viewport = page.viewportSize();
  check(box && box.width >= viewport.width - 2 && box.height >= viewport.height * 0.6, 'the diagram does not fill the screen while presenting');
  const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById('narration')).fontSize));
  check(fontSize >= 22, `the narration is ${fontSize}px while presenting, expected large type`);
  const bg = await page.evaluate(() => getComputedStyle(document.getElementById('viz')).backgroundColor);
  check(bg === 'rgb(255, 255, 255)', `the projector theme should be black on white, the panel is ${bg}`);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  check((await state(page)).step === 7, `two Page Down presses from step 5 show step ${(await state(page)).step}`);
  await page.keyboard.press('PageUp');
  check((await state(page)).step === 6, `Page Up shows step ${(await state(page)).step}, expected 6`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(args.out, 'presentation.png') });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.body.classList.contains('presenting'), null, { timeout: 5000 }).catch(() => {});
  check(!(await page.evaluate(() => document.body.classList.contains('presenting'))), 'Esc did not leave presentation mode');
  check(await visible(page, '#tutorial'), 'the tutorial text did not come back after presentation mode');
}

async function casePredict(context) {
  const page = await openPage(context, args.url + 'index.html');
  const lesson1 = fs.readFileSync(path.join(args.lessons, '01_what_is_a_closure.py'), 'utf8');
  const { steps } = readTrace(path.join(args.traces, '01_what_is_a_closure.jsonl'));
  // Step 10 is about to run `return x + y` inside inner_function: x is read from outer_function's cell.
  await page.evaluate((src) => window.closureviz.load(src, { step: 10 }), lesson1);
  await page.click('#btn-predict');
  check(await visible(page, '#score'), 'predict mode shows no score');
  await page.click('#btn-next');
  check(await visible(page, '#predict'), 'predict mode asked nothing before revealing step 11');
  check((await state(page)).step === 10, 'predict mode revealed the next step before the answer');
  const question = await text(page, '#predict-question');
  check(/reads x\b/.test(question) && /frame/.test(question), `unexpected scope question: ${question}`);
  const owner = steps[9].stack.at(-1).cells.x;
  const ownerFid = steps[9].heap[String(owner)].owner;
  const ownerName = steps.flatMap((r) => r.stack).find((f) => f.fid === ownerFid).func;   // from the trace, not the page
  await page.locator(`#predict-choices input[value="${ownerName}"]`).check();
  await page.click('#predict-check');
  const feedback = await text(page, '#predict-feedback');
  check(feedback.startsWith('Right'), `choosing ${ownerName} (the cell's owner in the trace) was judged: ${feedback}`);
  check((await state(page)).step === 11, 'the step was not revealed after the answer');
  check((await text(page, '#score')).includes('1 / 1'), `score after one right answer: ${await text(page, '#score')}`);

  // A value question: from step 12 (`print(result)`, module level) the next steps enter outer_function(10).
  await page.evaluate(() => window.closureviz.step(13));
  await page.keyboard.press('Tab');   // away from the canvas: keys go to the page
  await page.click('#btn-next');
  const q2 = await text(page, '#predict-question');
  check(/what will x be/.test(q2) || /what will .* be/.test(q2), `expected a value question, got: ${q2}`);
  await page.fill('#predict-answer', '999');
  await page.press('#predict-answer', 'Enter');
  const fb2 = await text(page, '#predict-feedback');
  const s2 = await state(page);
  const truth = steps[s2.step - 1];
  check(fb2.startsWith('Not quite'), `a wrong answer (999) was judged: ${fb2}`);
  check(s2.step === 14 && truth.event === 'call', `after the answer the page shows step ${s2.step}`);
  check((await text(page, '#score')).includes('1 / 2'), `score after a wrong answer: ${await text(page, '#score')}`);
  info.questions = [question, q2, feedback, fb2];
  await page.screenshot({ path: path.join(args.out, 'predict.png') });
}

async function caseKeyboard(context) {
  const page = await openPage(context, args.url + 'index.html');
  // Tab from the top of the page to lesson 2's first "Open in visualizer" button.
  let found = false;
  for (let i = 0; i < 80 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => {
      const a = document.activeElement;
      return !!a && a.matches('figure[data-program="02_scope_chain.py"] button.open');
    });
  }
  if (!check(found, 'Tab never reached the "Open in visualizer" button of lesson 2')) return;
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => { const s = window.closureviz.state(); return s.step_count > 15 && s.step === 1; }, null, { timeout: 20000 })
    .catch(() => {});
  const opened = await state(page);
  check(opened.step === 1 && opened.step_count > 15, `Enter on the button opened step ${opened.step} of ${opened.step_count}`);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  check((await state(page)).step === 4, `three Right arrows show step ${(await state(page)).step}`);
  await page.keyboard.press('ArrowLeft');
  check((await state(page)).step === 3, `Left arrow shows step ${(await state(page)).step}`);
  await page.keyboard.press('End');
  check((await state(page)).step === opened.step_count, 'End does not show the last step');
  await page.keyboard.press('Home');
  check((await state(page)).step === 1, 'Home does not show the first step');
  // Tab inside the toolbar to "Next" and press it with the space bar.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement && document.activeElement.id === 'btn-next')) break;
  }
  check(await page.evaluate(() => document.activeElement && document.activeElement.id === 'btn-next'), 'Tab did not reach the Next button');
  await page.keyboard.press('Space');
  check((await state(page)).step === 2, `Space on Next shows step ${(await state(page)).step}`);
  const mirror = await page.evaluate(() => {
    const m = document.getElementById('mirror');
    return { live: m.getAttribute('aria-live'), text: m.textContent };
  });
  check(mirror.live === 'polite' && mirror.text.includes('Step 2 of'), `the ARIA live mirror is not current: ${mirror.text.slice(0, 80)}`);
  check((await page.getAttribute('#narration', 'aria-live')) === 'polite', 'the narration line is not a live region');
  // Typing in the playground is not taken by the canvas (SDL listens on the canvas only).
  await page.focus('#playground-code');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('x = 1\nprint(x)\n');
  check((await page.inputValue('#playground-code')) === 'x = 1\nprint(x)\n', 'typing into the playground did not reach the text area');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => window.closureviz.state().step_count === 4, null, { timeout: 20000 }).catch(() => {});
  check((await state(page)).step_count === 4, `Ctrl+Enter in the playground visualized ${(await state(page)).step_count} steps, expected 4`);
}

async function caseBadInput(context) {
  const good = linkFragment('print(1)\n', 2, 'env');
  const links = {
    'not base64': ['#cv1=%%%not*base64!!&step=2', /damaged.*base64url/],
    truncated: [good.slice(0, Math.floor(good.indexOf('&') / 2)), /damaged.*(decompressed|base64url)/],
    'not deflate': ['#cv1=' + Buffer.from('this is not deflate data at all, just text').toString('base64url'), /damaged.*decompressed/],
    'not UTF-8': ['#cv1=' + zlib.deflateRawSync(Buffer.from([0x70, 0xff, 0xfe, 0x0a])).toString('base64url'), /not valid UTF-8/],
    oversized: ['#cv1=' + zlib.deflateRawSync(Buffer.from('#'.repeat(3 << 20))).toString('base64url'), /larger than/],
    foreign: ['#code=print(1)&mode=display&origin=opt-frontend.js', /not a closureviz link/],
    'newer format': ['#cv9=AAAA&step=1', /another version/],
  };
  info.messages = {};
  for (const [name, [fragment, expected]] of Object.entries(links)) {
    const page = await openPage(context, args.url + 'index.html' + fragment);
    const shown = await visible(page, '#message');
    const message = (await text(page, '#message-text')) || '';
    info.messages[name] = message;
    check(shown && expected.test(message), `${name} link: expected a message matching ${expected}, got ${shown ? JSON.stringify(message) : 'no message'}`);
    const s = await page.evaluate(() => window.closureviz.load('print("still usable")\n'));
    check(s.status === 'ok' && s.step_count === 3, `${name} link: the page is not usable afterwards (status ${s.status}, ${s.step_count} steps)`);
    await page.close();
  }
  // Bad programs through the API and the playground.
  const page = await openPage(context, args.url + 'index.html');
  const refused = async (source) => page.evaluate(async (src) => {
    const text = src === 'LONE' ? 'x = "\uD800"\n' : src === 'HUGE' ? 'x = 1\n'.repeat(400000) : src;
    try { await window.closureviz.load(text); return null; } catch (e) { return String(e.message); }
  }, source);
  const lone = await refused('LONE');
  check(lone && /not valid Unicode/.test(lone) && /not valid Unicode/.test(await text(page, '#message-text')),
        `a program with a lone surrogate: ${lone}`);
  const huge = await refused('HUGE');
  check(huge && /too large/.test(huge) && /too large/.test(await text(page, '#message-text')), `a 2.4 MB program: ${huge}`);
  const syntax = await page.evaluate(() => window.closureviz.load('def f(:\n    pass\n'));
  check(syntax.status === 'error' && /SyntaxError/.test(syntax.message) && /SyntaxError/.test(await text(page, '#message-text')),
        `a syntax error should be reported: ${JSON.stringify(syntax).slice(0, 200)}`);
  const nul = await page.evaluate(() => window.closureviz.load('x = 1\u0000\n'));
  check(nul.status === 'error' && /null bytes/.test(nul.message), `a NUL byte should give CPython's message: ${nul.message}`);
  const markup = '<img src=x onerror="window.__xss=1">';
  const printed = await page.evaluate((m) => window.closureviz.load(`print(${JSON.stringify(m)})\nraise ValueError(${JSON.stringify(m)})\n`), markup);
  await page.evaluate(() => window.closureviz.step(window.closureviz.state().step_count));
  await page.click('#btn-text');
  check(!(await page.evaluate(() => window.__xss === 1 || !!document.querySelector('#viz img'))),
        'program output was inserted into the page as HTML');
  check(printed.status === 'error' && (await text(page, '#message-text')).includes(markup), 'the exception message with markup is not shown as text');
  const megabytes = await page.evaluate(() => window.closureviz.load('for i in range(3000):\n    print("x" * 1000)\n'));
  check(['ok', 'limit', 'error'].includes(megabytes.status) && megabytes.step_count > 0,
        `a program printing 3 MB: status ${megabytes.status}, ${megabytes.step_count} steps`);
  info.megabytes = { status: megabytes.status, steps: megabytes.step_count, message: megabytes.message };
  const after = await page.evaluate(() => window.closureviz.load('print(2)\n'));
  check(after.status === 'ok', 'the page is not usable after the bad programs');
  await checkStartFailures(context);
}

// A page that cannot start (the app's script missing, or no WebGL 2) says so in the panel instead
// of showing "Loading" for ever; the tutorial text stays readable.
async function checkStartFailures(context) {
  const failures = {
    'closureviz.js missing': [async (p) => p.route('**/closureviz.js', (r) => r.fulfill({ status: 404, body: 'gone' })), /closureviz.js did not load/],
    'closureviz.wasm missing': [async (p) => p.route('**/closureviz.wasm', (r) => r.fulfill({ status: 404, body: 'gone' })), /wasm.*(404|could not)/i],
    'no WebGL 2': [async (p) => p.addInitScript(() => {
      const real = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, options) { return type === 'webgl2' ? null : real.call(this, type, options); };
    }), /no WebGL 2/],
  };
  info.startFailures = {};
  for (const [name, [breakIt, expected]] of Object.entries(failures)) {
    const p = await context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await breakIt(p);
    await p.goto(args.url + 'index.html', { waitUntil: 'load' });
    const shown = await p.waitForFunction(() => window.closurevizError, null, { timeout: 30000 }).then(() => true, () => false);
    const status = await p.evaluate(() => document.getElementById('status').textContent);
    info.startFailures[name] = status;
    check(shown && expected.test(status) && (await p.locator('#status').isVisible()), `${name}: the panel says ${JSON.stringify(status)}`);
    check(await p.locator('#lesson-1-title').isVisible(), `${name}: the tutorial text is not shown`);
    await p.close();
  }
}

async function caseInfiniteLoop(context) {
  const page = await openPage(context, args.url + 'index.html');
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ entryTypes: ['longtask'] });
  });
  const started = Date.now();
  const s = await page.evaluate(() => window.closureviz.load('n = 0\nwhile True:\n    n += 1\n'));
  info.seconds = (Date.now() - started) / 1000;
  info.steps = s.step_count;
  check(s.status === 'limit', `an endless loop should stop at the step limit, status ${s.status}`);
  const message = await text(page, '#message-text');
  check(/^Stopped after 1,000,000 steps.*recorded so far are shown/.test(message) && (await visible(page, '#message')),
        `no limit message: ${message}`);
  info.message = message;
  const k = await page.evaluate(() => window.closureviz.step(5).step);
  check(k === 5, 'the recorded steps of the endless loop cannot be viewed');
  // Responsive while recording: no task (a frame with its recording slice) blocks the page for
  // long. The last long task is the app turning the finished recording into a session, once.
  const tasks = await page.evaluate(() => window.__longTasks.slice());
  const during = tasks.slice(0, -1);
  info.longTasks = tasks.length;
  info.longestTaskWhileRecordingMs = Math.round(Math.max(0, ...during));
  info.finishingTaskMs = Math.round(tasks.length ? tasks[tasks.length - 1] : 0);
  // 500 ms: on this 2-core machine shared by many builds a single frame (SwiftShader WebGL) can take
  // a few hundred ms by itself; a recording made in one go (as before slices) blocks for seconds.
  check(Math.max(0, ...during) < 500, `the page was blocked for ${Math.round(Math.max(0, ...during))} ms in one task while recording`);
  // Stop, while recording: the steps so far stay viewable.
  const hasStop = await page.evaluate(() => typeof Module._cv_stop === 'function');
  info.stopButton = hasStop;
  if (check(hasStop, 'the app exports no cv_stop: the Stop button cannot work')) {
    const pending = page.evaluate(() => window.closureviz.load('while True:\n    pass\n').then((st) => st));
    // Press Stop in the same page task that sees the progress line: on an idle machine the whole
    // 1,000,000-step recording takes under 2 s, so a separate click could arrive after it ended.
    const shown = await page.waitForFunction(() => {
      if (document.getElementById('progress').hidden) return false;
      document.getElementById('btn-stop').click();
      return true;
    }, null, { timeout: 10000, polling: 'raf' }).then(() => true, () => false);
    check(shown, 'no progress line (with its Stop button) while recording an endless loop');
    const stopped = await pending;
    check(stopped.status === 'limit' && stopped.step_count > 0 && stopped.step_count < 1000000,
          `after Stop: status ${stopped.status} with ${stopped.step_count} steps, message ${stopped.message}`);
    check(/stopped by the user/i.test(await text(page, '#message-text')), `no message after Stop: ${await text(page, '#message-text')}`);
    info.stoppedAfterSteps = stopped.step_count;
  }
}

async function caseScreenshot(context) {
  const page = await openPage(context, args.url + 'index.html');
  const lesson = fs.readFileSync(path.join(args.lessons, '01_what_is_a_closure.py'), 'utf8');
  await page.evaluate((src) => window.closureviz.load(src, { step: 10, view: 'env' }), lesson);
  const frames = await page.evaluate(() => Module.ccall('cv_frame_count', 'number', [], []));
  await page.waitForFunction((n) => Module.ccall('cv_frame_count', 'number', [], []) >= n + 3, frames, { timeout: 20000 });
  await page.locator('#canvas').screenshot({ path: path.join(args.out, 'canvas.png'), scale: 'css' });
  await page.screenshot({ path: path.join(args.out, 'page.png') });
  await page.locator('#lesson-3').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(args.out, 'page-lesson3.png') });
  info.canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight, dpr: window.devicePixelRatio };
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };

async function caseBudgets(context) {
  // 1. Everything the page downloads, gzipped (level 6, a common server setting).
  const downloads = new Map();
  const page = await context.newPage();
  page.on('response', async (r) => {
    if (!r.url().startsWith(args.url)) return;
    try { downloads.set(r.url(), (await r.body()).length); } catch (e) { /* redirects have no body */ }
  });
  await page.goto(args.url + 'index.html', { waitUntil: 'load' });
  await page.waitForFunction(() => window.closurevizPageReady === true, null, { timeout: 90000 });
  await page.waitForTimeout(500);
  let raw = 0, gz = 0;
  info.downloads = [];
  for (const url of downloads.keys()) {
    const file = path.join(args.site, decodeURIComponent(new URL(url).pathname));
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) continue;
    const data = fs.readFileSync(file);
    const packed = zlib.gzipSync(data, { level: 6 }).length;
    raw += data.length;
    gz += packed;
    info.downloads.push({ file: path.relative(args.site, file), bytes: data.length, gzip: packed });
  }
  info.downloadBytes = raw;
  info.downloadGzipBytes = gz;
  check(gz < 1_000_000, `the page downloads ${gz} bytes gzipped, over the 1 MB budget`);
  // An open page redraws its canvas every frame: it would compete with the loads timed below.
  await page.close();

  // 2. Navigation to the first drawn frame, 7 cold loads (browser cache disabled), median. Also
  // reported: when the first program's diagram is shown (the page loads it after the first frame).
  const firstFrames = [], firstPrograms = [];
  for (let i = 0; i < 7; i++) {
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await p.goto(args.url + 'index.html', { waitUntil: 'load' });
    await p.waitForFunction(() => window.closurevizPageReady === true, null, { timeout: 90000 });
    const times = await p.evaluate(() => ({
      ready: window.closurevizReadyAt, runtime: window.closurevizRuntimeAt, program: window.closurevizPageReadyAt,
      wasm: (performance.getEntriesByType('resource').find((e) => e.name.endsWith('closureviz.wasm')) || {}).responseEnd,
    }));
    firstFrames.push(times.ready);
    firstPrograms.push(times.program);
    (info.firstFrameParts = info.firstFrameParts || []).push(
      `wasm downloaded ${Math.round(times.wasm)} ms, runtime ready ${Math.round(times.runtime)} ms, first frame ${Math.round(times.ready)} ms, first program shown ${Math.round(times.program)} ms`);
    await p.close();
  }
  info.firstFrameMs = firstFrames.map(Math.round);
  info.firstFrameMedianMs = Math.round(median(firstFrames));
  info.firstProgramMedianMs = Math.round(median(firstPrograms));
  check(median(firstFrames) < 500, `navigation to the first drawn frame takes ${Math.round(median(firstFrames))} ms (median of 7), over 500 ms`);

  // 3. Stepping: the frame after closureviz.step(k) shows step k; how long that frame's work takes.
  const lesson = fs.readFileSync(path.join(args.lessons, '06_decorators.py'), 'utf8');
  const page2 = await context.newPage();
  await page2.goto(args.url + 'index.html', { waitUntil: 'load' });
  await page2.waitForFunction(() => window.closurevizPageReady === true, null, { timeout: 90000 });
  await page2.evaluate((src) => window.closureviz.load(src), lesson);
  const stepping = await page2.evaluate(async () => {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const frameWork = [], untilDrawn = [];
    const n = window.closureviz.state().step_count;
    for (let k = 1; k <= Math.min(n, 120); k++) {
      const k2 = k % 2 ? k : n - k;   // forwards and backwards, near and far
      await nextFrame();
      const before = Module.ccall('cv_frame_count', 'number', [], []);
      const t0 = performance.now();
      window.closureviz.step(Math.max(1, k2));
      while (Module.ccall('cv_frame_count', 'number', [], []) === before) await nextFrame();
      untilDrawn.push(performance.now() - t0);
      frameWork.push(Module.frameTimes[Module.frameTimes.length - 1]);
    }
    return { frameWork, untilDrawn };
  });
  info.stepFrameWorkMs = { median: +median(stepping.frameWork).toFixed(2), max: +Math.max(...stepping.frameWork).toFixed(2) };
  info.stepUntilDrawnMs = { median: +median(stepping.untilDrawn).toFixed(2), max: +Math.max(...stepping.untilDrawn).toFixed(2) };
  check(median(stepping.frameWork) < 16.7, `a frame after a step takes ${median(stepping.frameWork).toFixed(1)} ms of work (median), over one 60 Hz frame`);

  // 4. Recording 100,000 steps in the browser, median of 5.
  const program = 'total = 0\nfor i in range(50000):\n    total += i\nprint(total)\n';
  const runs = [];
  for (let i = 0; i < 5; i++) {
    runs.push(await page2.evaluate(async (src) => {
      const t0 = performance.now();
      const s = await window.closureviz.load(src);
      return { ms: performance.now() - t0, steps: s.step_count, status: s.status };
    }, program));
  }
  info.record100k = runs.map((r) => ({ ms: Math.round(r.ms), steps: r.steps, status: r.status }));
  const middle = median(runs.map((r) => r.ms));
  info.record100kMedianMs = Math.round(middle);
  check(runs[0].steps >= 100000 && runs[0].status === 'ok', `the 100,000-step program recorded ${runs[0].steps} steps, status ${runs[0].status}`);
  check(middle < 1000, `recording ${runs[0].steps} steps takes ${Math.round(middle)} ms (median of 5), over 1 s`);
}

// Hostile conditions (issue 7): resizing and switching tabs during a long recording, losing the WebGL context.
async function casePageLifecycle(context) {
  const page = await openPage(context, args.url + 'index.html');
  const long = 'n = 0\nwhile n < 150000:\n    n += 1\nprint(n)\n';
  const loadLong = () => page.evaluate((src) => window.closureviz.load(src).then((s) => ({ status: s.status, steps: s.step_count })), long);
  const reference = await loadLong();
  check(reference.status === 'ok' && reference.steps > 300000, `the long program recorded ${reference.steps} steps, status ${reference.status}`);
  const settledCanvas = async () => {
    const n = await page.evaluate(() => Module.ccall('cv_frame_count', 'number', [], []));
    await page.waitForFunction((k) => Module.ccall('cv_frame_count', 'number', [], []) >= k + 3, n, { timeout: 20000 });
    return page.evaluate(() => {
      const c = document.getElementById('canvas');
      const box = c.getBoundingClientRect();
      return { width: c.width, height: c.height, cssWidth: box.width, cssHeight: box.height, dpr: window.devicePixelRatio };
    });
  };

  // 1. Resizing the window while recording: the recording is the same, the canvas follows.
  let pending = loadLong();
  for (const [width, height] of [[480, 320], [1600, 1000], [360, 640], [1280, 720]]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(100);
  }
  const resized = await pending;
  check(resized.status === 'ok' && resized.steps === reference.steps,
        `resizing during the recording: status ${resized.status}, ${resized.steps} steps (${reference.steps} without)`);
  const c = await settledCanvas();
  info.canvasAfterResize = c;
  check(c.width === Math.round(c.cssWidth * c.dpr) && c.height === Math.round(c.cssHeight * c.dpr),
        `after resizing, the canvas backing store is ${c.width}x${c.height} for ${c.cssWidth}x${c.cssHeight} CSS pixels at x${c.dpr}`);

  // 2. Switching to another tab while recording, and back. Headless Chromium never hides a tab
  // (document.visibilityState stays 'visible'), so the page is hidden the way a browser hides a
  // background tab, as far as the page can tell: visibilityState 'hidden', a visibilitychange
  // event, and no animation frames until it is shown again (timers keep running).
  await page.evaluate(() => {
    const realFrame = window.requestAnimationFrame.bind(window);
    window.__tab = { hidden: false, held: [] };
    window.requestAnimationFrame = (callback) => {
      if (!window.__tab.hidden) return realFrame(callback);
      window.__tab.held.push(callback);
      return 0;
    };
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (window.__tab.hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => window.__tab.hidden });
    window.__setTabHidden = (hidden) => {
      window.__tab.hidden = hidden;
      document.dispatchEvent(new Event('visibilitychange'));
      if (!hidden) for (const callback of window.__tab.held.splice(0)) realFrame(callback);
    };
  });
  pending = loadLong();
  await page.waitForFunction(() => window.closureviz.state().status === 'recording', null, { timeout: 20000, polling: 10 });
  await page.evaluate(() => window.__setTabHidden(true));
  await page.waitForTimeout(1500);
  const whileHidden = await page.evaluate(() => window.closureviz.state().status);
  await page.evaluate(() => window.__setTabHidden(false));
  const hidden = await pending;
  info.statusWhileHidden = whileHidden;
  check(hidden.status === 'ok' && hidden.steps === reference.steps,
        `a recording across a tab switch: status ${hidden.status}, ${hidden.steps} steps (${reference.steps} expected)`);
  check((await page.evaluate(() => window.closureviz.step(7).step)) === 7, 'stepping after the tab came back');

  // 3. Losing the WebGL context (a GPU reset, or the browser reclaiming it): a clear message, no
  // uncaught error, and nothing recorded is lost (the API and the text view keep working).
  const program = 'def make():\n    x = 1\n    return lambda: x\ng = make()\nprint(g())\n';
  const before = await page.evaluate((src) => window.closureviz.load(src), program);
  await page.evaluate(() => {
    window.__loseContext = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    window.__loseContext.loseContext();
  });
  await page.waitForTimeout(500);
  const shown = await page.evaluate(() => {
    const visibleText = [...document.querySelectorAll('body *')]
      .filter((e) => e.offsetParent !== null && e.children.length === 0).map((e) => e.textContent).join('\n');
    return visibleText;
  });
  info.contextLostMessage = (shown.match(/.*WebGL.*/i) || [''])[0];
  check(/WebGL context (was )?lost/i.test(shown), 'no visible message after the WebGL context was lost');
  const after = await page.evaluate(() => window.closureviz.step(3));
  check(after.step === 3 && after.step_count === before.step_count, `after losing the context: step ${after.step} of ${after.step_count} (${before.step_count} recorded)`);
  await page.click('#btn-text');
  const mirror = await page.evaluate(() => document.getElementById('mirror').textContent);
  check(/make/.test(mirror), `the text view does not show the program's frames after the context loss: ${mirror.slice(0, 120)}`);
  // 4. The context comes back: the notice goes, the app makes its GL objects again and draws the
  // diagram as before (a blank or garbled canvas compresses to a much smaller PNG than a drawn one).
  await page.click('#btn-text');  // the text view off again: the canvas as in a fresh page
  await page.evaluate(() => window.__loseContext.restoreContext());
  await page.waitForFunction(() => document.getElementById('status').hidden, null, { timeout: 10000 })
    .catch(() => check(false, 'the context-lost notice stays after the context came back'));
  const drawnAfter = async () => {
    const frames = await page.evaluate(() => Module.ccall('cv_frame_count', 'number', [], []));
    await page.waitForFunction((n) => Module.ccall('cv_frame_count', 'number', [], []) >= n + 3, frames, { timeout: 20000 });
    return (await page.locator('#canvas').screenshot({ scale: 'css' })).length;
  };
  const reloaded = await page.evaluate((src) => window.closureviz.load(src, { step: 9 }), program);
  check(reloaded.status === 'ok', `loading a program after the context came back: ${reloaded.status}`);
  const restoredPng = await drawnAfter();
  // The same program and step drawn by a page that never lost its context.
  const fresh = await openPage(page.context(), args.url + 'index.html');
  await fresh.evaluate((src) => window.closureviz.load(src, { step: 9 }), program);
  const frames = await fresh.evaluate(() => Module.ccall('cv_frame_count', 'number', [], []));
  await fresh.waitForFunction((n) => Module.ccall('cv_frame_count', 'number', [], []) >= n + 3, frames, { timeout: 20000 });
  const freshPng = (await fresh.locator('#canvas').screenshot({ scale: 'css' })).length;
  info.canvasPngBytes = { afterRestore: restoredPng, neverLost: freshPng };
  check(restoredPng > 0.8 * freshPng && restoredPng < 1.25 * freshPng,
        `the canvas after the context came back (${restoredPng} B as PNG) does not look like a normal one (${freshPng} B)`);
}

// The browser clipboard and the canvas's code editor: a paste event aimed at the canvas is typed
// into the editor as it is (several lines, indentation and a tab kept, no auto-indent added);
// Ctrl+A, Ctrl+C in the editor put its text on the clipboard; a paste into the page's own text
// area stays there.
async function caseClipboard(context) {
  const origin = new URL(args.url).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await openPage(context, args.url + 'index.html');
  const program = 'x = 1\nprint(x)\n';
  await page.evaluate((src) => window.closureviz.load(src), program);
  const source = () => page.evaluate(() => Module.ccall('cv_source', 'string', [], []));
  const waitSource = (want, what) => page.waitForFunction((w) => Module.ccall('cv_source', 'string', [], []) === w, want,
    { timeout: 15000, polling: 100 }).then(() => true, async () => check(false, `${what}: the editor holds ${JSON.stringify(await source())}`));
  await page.focus('#canvas');
  await page.keyboard.press('Control+Enter');   // Edit mode, with the editor focused
  await page.waitForTimeout(500);
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(300);
  const pasteInto = (selector, text) => page.evaluate(([sel, t]) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.querySelector(sel).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [selector, text]);
  const pasted = "def g():\n\tif 1:\n\t    return 'pasted'\nprint(g())";   // a tab-indented body is valid Python
  await pasteInto('#canvas', pasted);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  let copied = null;
  for (let i = 0; i < 40 && copied !== program + pasted; ++i) {
    await page.waitForTimeout(150);
    copied = await page.evaluate(() => navigator.clipboard.readText()).catch((e) => `clipboard error: ${e}`);
  }
  check(copied === program + pasted, `Ctrl+A, Ctrl+C in the editor after the paste: the clipboard holds ${JSON.stringify(copied)}`);
  info.copied = copied === program + pasted;
  // Visualize (Ctrl+Enter) records exactly the pasted program: it runs and prints 'pasted'.
  await page.keyboard.press('Control+Enter');
  info.recorded = await waitSource(program + pasted, 'Visualize after the paste');
  await page.waitForFunction(() => window.closureviz.state().status !== 'recording', null, { timeout: 15000 });
  const after = await page.evaluate(() => window.closureviz.step(1e6));
  check(after.status === 'ok' && after.record && after.record.out === 'pasted\n',
        `the pasted program: status ${after.status} ${after.message}, last output ${JSON.stringify(after.record && after.record.out)}`);
  // The tutorial's playground is a text area of the page: its paste is the browser's, not the canvas's.
  await page.focus('#playground-code');
  const before = await source();
  await pasteInto('#playground-code', 'print("not for the canvas")');
  await page.waitForTimeout(500);
  check((await source()) === before, 'a paste into the playground reached the canvas editor');
}

// Programs that are heavy for the page rather than wrong: each must end with a clear message in
// reasonable time, the page must stay usable (the editor keeps the program, the next program loads)
// and nothing may abort the wasm module.
async function caseHeavyPrograms(context) {
  const page = await openPage(context, args.url + 'index.html');
  const programs = [
    // 100,000-deep nested list: CPython's repr gives up with RecursionError; every step's heap is deep.
    { name: 'deep_nested_list', source: 'x = []\nfor i in range(100000):\n    x = [x]\nprint(x)\n',
      status: 'error', message: /RecursionError/ },
    // A list that grows until the heap limit: MemoryError, not an abort of the module.
    { name: 'growing_list', source: 'x = []\nwhile True:\n    x.append([0] * 1000)\n',
      status: ['error', 'limit'], message: /MemoryError|steps|memory/ },
    { name: 'huge_repeat', source: 'x = [0] * 10**9\n', status: 'error', message: /MemoryError/ },
    { name: 'huge_string', source: "s = 'a' * 10**10\n", status: 'error', message: /MemoryError/ },
    { name: 'output_flood', source: "while True:\n    print('x' * 1000)\n", status: 'limit', message: /output|steps/ },
    { name: 'wide_dict', source: 'd = {}\nfor i in range(200000):\n    d[i] = str(i)\nprint(len(d))\n',
      status: ['ok', 'limit'], message: /.*/ },
  ];
  info.programs = {};
  for (const p of programs) {
    const started = Date.now();
    let s = null;
    let error = null;
    try {
      s = await page.evaluate((src) => window.closureviz.load(src), p.source);
    } catch (e) {
      error = String(e).slice(0, 300);
    }
    const seconds = (Date.now() - started) / 1000;
    const message = await text(page, '#message-text').catch((e) => `(no message: ${e})`);
    info.programs[p.name] = { seconds, status: s && s.status, steps: s && s.step_count, message: message.slice(0, 200), error };
    if (!check(!error && s, `${p.name}: load() failed: ${error}`)) break;
    const statuses = Array.isArray(p.status) ? p.status : [p.status];
    check(statuses.includes(s.status), `${p.name}: status ${s.status}, expected ${statuses.join(' or ')}`);
    check(p.message.test(message), `${p.name}: message ${message}`);
    check(seconds < 90, `${p.name}: took ${seconds} s`);
    const alive = await page.evaluate(() => window.closureviz.step(1).step).catch((e) => String(e));
    check(alive === 1 || s.step_count === 0, `${p.name}: the page does not answer after it: ${alive}`);
  }
  const after = await page.evaluate(() => window.closureviz.load('print("still here")\n'));
  check(after.status === 'ok', `a small program after the heavy ones: ${after.status}`);
}

const CASES = {
  lessons: caseLessons, share_link: caseShareLink, embed: caseEmbed, presentation: casePresentation,
  predict: casePredict, keyboard: caseKeyboard, bad_input: caseBadInput, infinite_loop: caseInfiniteLoop,
  screenshot: caseScreenshot, budgets: caseBudgets, page_lifecycle: casePageLifecycle,
  heavy_programs: caseHeavyPrograms, clipboard: caseClipboard,
};

async function main() {
  const run = CASES[args.case];
  if (!run) throw new Error(`unknown --case ${args.case}; known: ${Object.keys(CASES).join(' ')}`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closureviz-web-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: args.chromium, headless: true, args: CHROMIUM_FLAGS,
      viewport: { width: 1280, height: 720 }, deviceScaleFactor: 2, timeout: 60000,
    });
    await run(context);
  } catch (e) {
    failures.push(`${args.case}: ${e.stack || e}`);
  } finally {
    if (context) await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  if (pageErrors.length) failures.push(`uncaught errors in the page: ${pageErrors.slice(0, 3).join(' | ')}`);
  const realErrors = consoleErrors.filter((m) => !/Failed to load resource/.test(m));
  if (realErrors.length) failures.push(`errors on the console: ${realErrors.slice(0, 3).join(' | ')}`);
  console.log(JSON.stringify({ case: args.case, failures, info }));
}

main();
