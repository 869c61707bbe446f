// Fuzz loop (node) for the page's share-link decoder: web/tutorial.js's parseLink and its helpers, run as they are.
//
// The decoder is JavaScript inside the page's closure, so libFuzzer cannot reach it; this loop
// takes the functions' source text out of web/tutorial.js (so it always tests the shipped code),
// evaluates them in node (which has the same atob, Blob, CompressionStream, DecompressionStream,
// TextEncoder/TextDecoder as the browser) and checks, for random and mutated links:
//   * round trip: any program (random Unicode, the test programs) packed the way makeLink packs
//     it, with any step and view, decodes to the same program, step and view;
//   * anything else either decodes to a well-formed link (a string program no larger than
//     LIMITS.programBytes, step a positive integer or absent, view env/cells or absent) or throws
//     a plain Error whose message starts "This link" (what the page shows); never another
//     exception type (a TypeError is a bug), never more than 1 s of CPU time (nor 30 s of wall-clock
//     time: a hang);
//   * an oversized program and a deflate bomb are refused as too large.
//
// Usage: node fuzz/share_link_fuzz.mjs [--seconds N] [--seed S] [--programs DIR] [--artifacts DIR]
//        node fuzz/share_link_fuzz.mjs --replay FILE   (a failure-<n>.txt: decode its fragment again, alone)
// Prints "share_link: N cases (R round trips), F failures"; exit status 0 iff F == 0. A failure
// prints the fragment and, with --artifacts, writes it there as failure-<n>.txt.
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');

function parseArgs(argv) {
  const args = { seconds: 10, seed: 1, programs: join(ROOT, 'tests', 'programs'), artifacts: '', replay: '' };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args) || i + 1 >= argv.length) throw new Error(`unknown or incomplete argument ${argv[i]}`);
    args[key] = typeof args[key] === 'number' ? Number(argv[++i]) : argv[++i];
  }
  return args;
}

// ---- the decoder, taken from the page's source ------------------------------------------------
// The text of `function NAME(...) {...}` (or `const NAME = {...};`) in `source`, found by matching
// braces from its opening line. The page's share-link code has no braces inside strings or regexes.
function extract(source, startPattern, name) {
  const start = source.search(startPattern);
  if (start < 0) throw new Error(`web/tutorial.js no longer has ${name}: update fuzz/share_link_fuzz.mjs`);
  const open = source.indexOf('{', start);
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(start, i + 1) + (name === 'LIMITS' ? ';' : '');
  }
  throw new Error(`unbalanced braces after ${name} in web/tutorial.js`);
}

function loadDecoder() {
  const page = readFileSync(join(ROOT, 'web', 'tutorial.js'), 'utf8');
  const parts = [
    extract(page, /const LIMITS = \{/, 'LIMITS'),
    page.match(/^\s*const LINK_VERSION = .*;.*$/m)?.[0],
    page.match(/^\s*const VIEWS = .*;.*$/m)?.[0],
  ];
  if (parts.some((p) => !p)) throw new Error('web/tutorial.js no longer defines LINK_VERSION or VIEWS: update fuzz/share_link_fuzz.mjs');
  for (const name of ['formatBytes', 'toBase64Url', 'fromBase64Url']) parts.push(extract(page, new RegExp(`function ${name}\\(`), name));
  for (const name of ['deflate', 'inflate', 'parseLink']) parts.push(extract(page, new RegExp(`async function ${name}\\(`), name));
  const body = `'use strict';\n${parts.join('\n')}\nreturn { LIMITS, LINK_VERSION, VIEWS, toBase64Url, deflate, parseLink };`;
  return new Function(body)();
}

// ---- a small deterministic PRNG (xorshift32), so a seed replays the same cases ---------------
function rng(seed) {
  let x = (seed >>> 0) || 1;
  const next = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  return { int: (n) => next() % n, pick: (a) => a[next() % a.length], chance: (p) => next() / 4294967296 < p };
}

function listPrograms(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.py')) out.push(readFileSync(p, 'utf8'));
    }
  };
  try { walk(dir); } catch { /* no programs: random text only */ }
  return out;
}

// ---- inputs ----------------------------------------------------------------------------------
function randomText(r) {
  const pools = [
    () => String.fromCharCode(32 + r.int(95)),                  // printable ASCII
    () => r.pick(['\n', '\t', '    ', '\r\n', 'def ', 'lambda', 'nonlocal x', '"', "'"]),
    () => String.fromCodePoint(0x80 + r.int(0xd800 - 0x80)),     // BMP below the surrogates
    () => String.fromCodePoint(0xe000 + r.int(0x10ffff - 0xe000)), // the rest, astral included
  ];
  let s = '';
  const n = r.int(r.chance(0.1) ? 5000 : 200);
  for (let i = 0; i < n; i++) s += r.pick(pools)();
  return s;
}

const URL_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=&#%+/.~ ';
function mutate(r, text) {
  let s = text;
  const rounds = 1 + r.int(4);
  for (let k = 0; k < rounds; k++) {
    const at = r.int(s.length + 1);
    switch (r.int(9)) {
      case 0: s = s.slice(0, at); break;                                             // truncated
      case 1: s = s.slice(0, at) + r.pick([...URL_CHARS]) + s.slice(at + 1); break;  // a changed character
      case 2: s = s.slice(0, at) + r.pick([...URL_CHARS]) + s.slice(at); break;      // an inserted one
      case 3: s = s.slice(0, at) + s.slice(at + 1 + r.int(8)); break;                // deleted ones
      case 4: s = s.slice(0, at) + String.fromCodePoint(r.int(0x110000)) + s.slice(at); break;
      case 5: s += '&' + r.pick(['step', 'view', 'cv1', 'cv2', '', '=', 'x']) + '=' +
                   r.pick(['', '0', '-1', '1e3', '007', '999999999', '9999999999', 'env', 'cells', 'ENV', '%20', 'NaN']); break;
      case 6: s = s.replace(/cv1/, r.pick(['cv2', 'cv', 'CV1', 'cv01', 'cv1cv1', ''])); break;
      case 7: s = s.slice(0, at) + s.slice(at).repeat(1 + r.int(3)); break;          // a duplicated tail
      default: s = s.split('&').reverse().join('&'); break;                          // fields reordered
    }
  }
  return s;
}

// ---- checks ----------------------------------------------------------------------------------
function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`TIMEOUT after ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Slowness is judged in CPU time (the issue's "no input taking more than 1 s"): on a shared,
// loaded machine a niced loop can wait seconds of wall-clock time for a core. The wall-clock
// limit only stops a decode that hangs outright.
const MAX_CPU_MS = 1000;
const HANG_MS = 30000;
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

// Decodes `fragment`; returns the outcome or a string describing what is wrong with it.
async function decode(decoder, fragment) {
  const before = cpuMs();
  const outcome = await decodeOnce(decoder, fragment);
  const spent = cpuMs() - before;
  if (!outcome.problem && spent > MAX_CPU_MS) return { problem: `SLOW: ${Math.round(spent)} ms of CPU time` };
  return outcome;
}

async function decodeOnce(decoder, fragment) {
  try {
    return { link: await withTimeout(decoder.parseLink(fragment), HANG_MS) };
  } catch (e) {
    if (e && e.message && e.message.startsWith('TIMEOUT')) return { problem: e.message };
    if (!(e instanceof Error) || e.constructor !== Error) return { problem: `threw ${e && e.constructor && e.constructor.name}: ${e && e.message}` };
    if (!e.message.startsWith('This link')) return { problem: `unexpected message: ${e.message}` };
    return { error: e.message };
  }
}

function checkWellFormed(decoder, fragment, outcome) {
  if (outcome.problem) return outcome.problem;
  if (outcome.error !== undefined) return null;
  const link = outcome.link;
  if (link === null) return fragment.includes('=') ? 'null for a fragment with "="' : null;
  if (typeof link.source !== 'string') return 'source is not a string';
  if (new TextEncoder().encode(link.source).length > decoder.LIMITS.programBytes) return 'source larger than LIMITS.programBytes';
  if (link.step !== undefined && !(Number.isInteger(link.step) && link.step >= 1)) return `bad step ${link.step}`;
  if (link.view !== undefined && !decoder.VIEWS.includes(link.view)) return `bad view ${link.view}`;
  if (!Array.isArray(link.warnings) || link.warnings.some((w) => typeof w !== 'string')) return 'bad warnings';
  return null;
}

async function pack(decoder, source) {
  return decoder.toBase64Url(await decoder.deflate(new TextEncoder().encode(source)));
}

// ---- the loop ----------------------------------------------------------------------------------
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const decoder = loadDecoder();
  if (args.replay) {
    // The fragment is the last line of an artifact (the first says what failed).
    const fragment = readFileSync(args.replay, 'utf8').split('\n').filter((l) => l).pop() || '';
    const before = cpuMs();
    const outcome = await decode(decoder, fragment);
    const problem = checkWellFormed(decoder, fragment, outcome);
    const shown = JSON.stringify(outcome).slice(0, 300);
    console.log(`replay: ${Math.round(cpuMs() - before)} ms of CPU time, ${problem ? `FAIL: ${problem}` : 'ok'}: ${shown}`);
    process.exit(problem ? 1 : 0);
  }
  const r = rng(args.seed);
  const programs = listPrograms(args.programs);
  let cases = 0, roundTrips = 0, failures = 0;
  const fail = (what, fragment) => {
    failures++;
    const shown = fragment.length > 300 ? fragment.slice(0, 300) + `... (${fragment.length} chars)` : fragment;
    console.log(`FAIL: ${what}\n  fragment: ${JSON.stringify(shown)}`);
    if (args.artifacts) {
      mkdirSync(args.artifacts, { recursive: true });
      writeFileSync(join(args.artifacts, `failure-${failures}.txt`), `${what}\n${fragment}\n`);
    }
  };

  // Fixed cases first: too large, a deflate bomb, not ours, empty.
  const big = 'x = 1\n'.repeat(Math.ceil((decoder.LIMITS.programBytes + 1) / 6));
  const bomb = new Uint8Array(16 << 20);   // 16 MB of zeros: about 16 KB deflated
  const fixed = [
    [`#${decoder.LINK_VERSION}=${await pack(decoder, big)}`, 'larger than'],
    [`#${decoder.LINK_VERSION}=${decoder.toBase64Url(await decoder.deflate(bomb))}`, 'larger than'],
    ['#lesson-3', null],
    ['#a=b', 'not a closureviz link'],
    ['#cv9=AAAA', 'another version'],
    [`#${decoder.LINK_VERSION}=`, null],
  ];
  for (const [fragment, expected] of fixed) {
    cases++;
    const outcome = await decode(decoder, fragment);
    const problem = checkWellFormed(decoder, fragment, outcome);
    if (problem) fail(problem, fragment);
    else if (expected && !(outcome.error || '').includes(expected)) fail(`expected an error saying "${expected}", got ${JSON.stringify(outcome)}`.slice(0, 400), fragment);
  }

  const deadline = Date.now() + args.seconds * 1000;
  const valid = [];
  while (Date.now() < deadline) {
    // A round trip with a fresh program, kept as material for the mutations.
    if (valid.length < 50 || r.chance(0.2)) {
      const source = programs.length && r.chance(0.5) ? r.pick(programs) : randomText(r);
      const step = r.chance(0.8) ? 1 + r.int(100000) : undefined;
      const view = r.chance(0.8) ? r.pick(decoder.VIEWS) : undefined;
      let fragment = `#${decoder.LINK_VERSION}=${await pack(decoder, source)}`;
      if (step !== undefined) fragment += `&step=${step}`;
      if (view !== undefined) fragment += `&view=${view}`;
      cases++;
      roundTrips++;
      const outcome = await decode(decoder, fragment);
      const problem = checkWellFormed(decoder, fragment, outcome);
      if (problem) fail(problem, fragment);
      else if (!outcome.link || outcome.link.source !== source || outcome.link.step !== step || outcome.link.view !== view ||
               outcome.link.warnings.length) fail('round trip changed the link', fragment);
      if (valid.length < 200) valid.push(fragment);
      else valid[r.int(valid.length)] = fragment;
    }
    // Mutated links, and random base64url (not deflate, or deflate of bytes that are not UTF-8).
    const kind = r.int(10);
    let fragment;
    if (kind < 8) {
      fragment = mutate(r, r.pick(valid));
    } else if (kind === 8) {
      // Random bytes, deflated or not. Deflated, the link must decode to exactly those bytes
      // when they are UTF-8 and be refused as "not valid UTF-8" when they are not.
      const bytes = new Uint8Array(r.int(64));
      for (let i = 0; i < bytes.length; i++) bytes[i] = r.chance(0.7) ? 32 + r.int(95) : r.int(256);
      const deflated = r.chance(0.5);
      fragment = `#${decoder.LINK_VERSION}=${decoder.toBase64Url(deflated ? await decoder.deflate(bytes) : bytes)}`;
      if (deflated) {
        let text = null;
        try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { /* not UTF-8 */ }
        cases++;
        const outcome = await decode(decoder, fragment);
        if (text === null ? !(outcome.error || '').includes('UTF-8') : !outcome.link || outcome.link.source !== text)
          fail(`random bytes (${text === null ? 'not ' : ''}UTF-8) decoded wrongly: ${JSON.stringify(outcome)}`.slice(0, 400), fragment);
        continue;
      }
    } else {
      fragment = '#' + randomText(r);
    }
    cases++;
    const problem = checkWellFormed(decoder, fragment, await decode(decoder, fragment));
    if (problem) fail(problem, fragment);
    if (failures >= 20) break;
  }
  console.log(`share_link: ${cases} cases (${roundTrips} round trips), ${failures} failures`);
  process.exit(failures ? 1 : 0);
}

main().catch((e) => { console.log(`share_link: error: ${e.stack || e}`); process.exit(2); });
