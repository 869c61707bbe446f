// closureviz tutorial page logic: starts the wasm app, loads lesson programs into it, share links, embed, presentation, predict mode, the text mirror and window.closureviz.
//
// Rules this file keeps:
//  * Program text, program output and anything from a link reach the page only through
//    textContent or form values, never as HTML.
//  * Bad input (a damaged link, a huge or non-UTF-8 program) ends in a message in the panel; the
//    page stays usable.
//  * The app records long programs in slices between frames (status "recording"); this file only
//    polls its state, shows progress and offers Stop, so the page never freezes.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);

  const LIMITS = {
    programBytes: 1 << 20,        // the largest program accepted (UTF-8 bytes)
    linkChars: 3 << 20,           // the longest #fragment decoded
    pollMs: 100,                  // how often the page checks the app for changes made inside the canvas
  };
  const LINK_VERSION = 'cv1';     // #cv1=<base64url(deflate-raw(UTF-8 program))>&step=K&view=env|cells
  const VIEWS = ['env', 'cells'];
  const isEmbed = document.documentElement.classList.contains('embed');

  // ---- Small DOM helpers (text only) ------------------------------------------------------
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (key === 'className') node.className = value;
        else node.setAttribute(key, value);
      }
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  const code = (text) => el('code', null, text);

  // ---- Messages in the panel ----------------------------------------------------------------
  const messageBox = $('message');
  function showMessage(text, kind) {
    messageBox.className = 'message' + (kind === 'info' ? ' info' : '');
    $('message-text').textContent = text;
    messageBox.hidden = false;
  }
  function hideMessage() { messageBox.hidden = true; $('message-text').textContent = ''; }
  $('message-close').addEventListener('click', hideMessage);

  // ---- Starting the wasm app ----------------------------------------------------------------
  const statusBox = $('status');
  function showFatal(message) {
    statusBox.hidden = false;
    statusBox.className = 'error';
    statusBox.textContent = 'closureviz could not start:\n' + message;
    window.closurevizError = String(message);
  }

  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });
  window.closurevizReady = false;   // set to true by the app after its first frame

  const canvas = $('canvas');
  // The canvas covers whole CSS pixels of the page (its container, shrunk to pixel edges): a
  // fractional size or position would make the backing store (CSS size x devicePixelRatio) a
  // fraction off the screen's pixels and blur the diagram.
  const fitCanvas = () => {
    const box = $('app').getBoundingClientRect();
    const left = Math.ceil(box.left), top = Math.ceil(box.top);
    canvas.style.left = (left - box.left) + 'px';
    canvas.style.top = (top - box.top) + 'px';
    canvas.style.width = Math.max(1, Math.floor(box.right) - left) + 'px';
    canvas.style.height = Math.max(1, Math.floor(box.bottom) - top) + 'px';
  };
  window.addEventListener('scroll', fitCanvas, { passive: true });
  new ResizeObserver(fitCanvas).observe($('app'));
  fitCanvas();
  // Losing the WebGL context (a GPU reset, the browser reclaiming it) stops only the drawing: the
  // app keeps its recording and answers the page, the text view still works, and when the browser
  // gives the context back the app makes its GL objects again and draws as before. preventDefault()
  // is what allows the context to be restored at all.
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    if (Module._cv_gl_context_lost) Module._cv_gl_context_lost();
    if (window.closurevizError) return;
    statusBox.hidden = false;
    statusBox.className = 'notice';
    statusBox.textContent = 'The WebGL context was lost, so the diagram cannot be drawn until the browser ' +
      'restores it. Your program and its recording are kept; the Text view still works.';
  });
  canvas.addEventListener('webglcontextrestored', () => {
    if (Module._cv_gl_context_restored) Module._cv_gl_context_restored();
    if (statusBox.className === 'notice') { statusBox.hidden = true; statusBox.className = ''; }
  });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());

  // index.html made Module and started closureviz.js; the rest of Module is read only when used.
  Object.assign(window.Module, {
    canvas,
    onAbort: (what) => showFatal(String(what)),
    onRuntimeInitialized: () => { window.closurevizRuntimeAt = performance.now(); },   // wasm compiled, main() next
    onClosurevizReady: () => {
      window.closurevizReadyAt = performance.now();   // first drawn frame, ms since navigation (budget check)
      statusBox.hidden = true;
      resolveReady();
    },
    onScriptError: () => showFatal('closureviz.js did not load.'),
    // Time spent in each frame of the app's main loop (the last 120), for the redraw budget.
    frameTimes: [],
    preMainLoop: () => { Module.frameStart = performance.now(); },
    postMainLoop: () => {
      Module.lastFrameAt = performance.now();
      Module.frameTimes.push(Module.lastFrameAt - Module.frameStart);
      if (Module.frameTimes.length > 120) Module.frameTimes.shift();
    },
  });
  window.addEventListener('error', (e) => {
    if (!window.closurevizReady) showFatal(e.message);
  });
  if (window.closurevizStartErrors && window.closurevizStartErrors.length) showFatal(window.closurevizStartErrors[0]);
  // The WebGL 2 context is made here, with the attributes SDL asks for (ui/main.cpp: no alpha, no
  // depth, 8-bit stencil, no antialiasing), while the wasm is still downloading and compiling; SDL's
  // getContext later returns this same context instead of creating one on the way to the first frame.
  const gl = canvas.getContext('webgl2', { alpha: false, depth: false, stencil: true, antialias: false });
  if (!gl) {
    showFatal('this browser has no WebGL 2.');
  } else if (window.closurevizScriptFailed) {
    showFatal('closureviz.js did not load.');
  } else {
    Module.pageStarted = true;   // main() may run: the canvas and the handlers above exist
    if (Module.waitingForPage) Module.removeRunDependency('page');
  }

  // ---- The app's exported functions (ui/web_api.cpp) ---------------------------------------
  const engine = {
    call(name, returns, types, args) { return Module.ccall(name, returns, types, args); },
    heap() { return Module.HEAPU8 || (typeof HEAPU8 !== 'undefined' ? HEAPU8 : null); },
    // Returns '' when the program compiled (recording has started) or the error message.
    load(bytes) {
      const pointer = Module._malloc(bytes.length + 1);
      if (!pointer) return 'out of memory: the program is too large';
      try {
        this.heap().set(bytes, pointer);
        const ok = this.call('cv_load', 'number', ['number', 'number'], [pointer, bytes.length]);
        return ok ? '' : (this.call('cv_last_error', 'string', [], []) || 'the program could not be loaded');
      } finally {
        Module._free(pointer);
      }
    },
    state() { return JSON.parse(this.call('cv_state', 'string', [], [])); },
    // The program the app shows (it may have been edited inside the canvas), or null if unknown.
    source() { return Module._cv_source ? this.call('cv_source', 'string', [], []) : null; },
    step() { return this.call('cv_step', 'number', [], []); },
    stepCount() { return this.call('cv_step_count', 'number', [], []); },
    setStep(k) { this.call('cv_set_step', null, ['number'], [k]); },
    setView(view) { this.call('cv_set_view', null, ['number'], [view === 'cells' ? 1 : 0]); },
    setPresentation(on) { this.call('cv_set_presentation', null, ['number'], [on ? 1 : 0]); },
    setFontScale(scale) { this.call('cv_set_font_scale', null, ['number'], [scale]); },
    // Stops a recording in progress (the steps so far stay viewable).
    stop() { if (Module._cv_stop) this.call('cv_stop', null, [], []); },
    // Records for about `ms` milliseconds; false once the recording is finished.
    record(ms) { return Module._cv_record ? this.call('cv_record', 'number', ['number'], [ms]) === 1 : false; },
  };

  // ---- Checking programs before they reach the interpreter ----------------------------------
  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  function formatBytes(n) {
    return n >= 1 << 20 ? (n / (1 << 20)).toFixed(1) + ' MB' : Math.ceil(n / 1024) + ' KB';
  }

  // The program as UTF-8 bytes, or throws an Error whose message the page shows.
  function programBytes(text) {
    if (typeof text !== 'string') throw new Error('the program must be a string of Python source code.');
    // A JavaScript string can hold half of a UTF-16 pair, which has no UTF-8 form: refuse it rather
    // than silently replace it.
    const bad = LONE_SURROGATE.exec(text);
    if (bad) {
      const line = text.slice(0, bad.index).split('\n').length;
      throw new Error(`the program is not valid Unicode text (a broken character on line ${line}), so it cannot run.`);
    }
    if (text.length > LIMITS.programBytes) {
      throw new Error(`the program is too large (${formatBytes(text.length)} or more); the visualizer takes programs up to ${formatBytes(LIMITS.programBytes)}.`);
    }
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > LIMITS.programBytes) {
      throw new Error(`the program is too large (${formatBytes(bytes.length)}); the visualizer takes programs up to ${formatBytes(LIMITS.programBytes)}.`);
    }
    return bytes;
  }

  // ---- Python-like text for trace values (trace-format.md, VAL and heap OBJ) ----------------
  function pyString(s) {
    const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
    let out = quote;
    for (const ch of s) {
      const c = ch.codePointAt(0);
      if (ch === '\\') out += '\\\\';
      else if (ch === quote) out += '\\' + quote;
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
      else out += ch;
    }
    return out + quote;
  }

  const MAX_ITEMS = 8;
  // repr()-like text of a VAL; `heap` is the step's heap, `depth` limits nesting.
  function pyRepr(val, heap, depth = 0) {
    if (val === null) return 'None';
    if (val === true) return 'True';
    if (val === false) return 'False';
    if (typeof val === 'number') return String(val);
    if (typeof val === 'string') return pyString(val);
    if (!Array.isArray(val)) return '?';
    if (val[0] === 'unbound') return '(empty)';
    if (val[0] === 'float') return val[1];
    if (val[0] !== 'ref') return '?';
    const obj = heap && heap[String(val[1])];
    if (!obj) return '<object>';
    if (depth > 2) return '…';
    const items = (list, open, close) => {
      const shown = list.slice(0, MAX_ITEMS).map((v) => pyRepr(v, heap, depth + 1));
      if (list.length > MAX_ITEMS) shown.push(`… ${list.length - MAX_ITEMS} more`);
      return open + shown.join(', ') + close;
    };
    switch (obj.t) {
      case 'function': return `<function ${obj.qual || obj.name}>`;
      case 'list': return items(obj.items || [], '[', ']');
      case 'tuple': return (obj.items || []).length === 1 ? '(' + pyRepr(obj.items[0], heap, depth + 1) + ',)' : items(obj.items || [], '(', ')');
      case 'set': return (obj.items || []).length ? items(obj.items, '{', '}') : 'set()';
      case 'frozenset': return 'frozenset(' + items(obj.items || [], '{', '}') + ')';
      case 'dict': {
        const pairs = (obj.items || []).slice(0, MAX_ITEMS).map(([k, v]) => pyRepr(k, heap, depth + 1) + ': ' + pyRepr(v, heap, depth + 1));
        if ((obj.items || []).length > MAX_ITEMS) pairs.push(`… ${obj.items.length - MAX_ITEMS} more`);
        return '{' + pairs.join(', ') + '}';
      }
      case 'cell': return 'v' in obj ? `<cell: ${pyRepr(obj.v, heap, depth + 1)}>` : '<empty cell>';
      case 'instance': return `<${obj.class} object>`;
      case 'class': return `<class '${obj.name}'>`;
      case 'method': return `<bound method ${pyRepr(obj.func, heap, depth + 1)}>`;
      case 'generator': return `<generator object ${obj.name}>`;
      case 'builtin': return `<built-in function ${obj.name}>`;
      case 'module': return `<module '${obj.name}'>`;
      case 'exception': return obj.class + items(obj.args || [], '(', ')');
      default: return obj.repr !== undefined ? String(obj.repr) : `<${obj.t}>`;
    }
  }

  // ---- What the page knows about the loaded program ----------------------------------------
  const session = {
    source: '',            // the program shown
    state: null,           // the app's last state (parsed state_json)
    loadToken: 0,          // increases with each load; an older load stops waiting
    frames: new Map(),     // fid -> {func, parent}: every frame seen so far (retained frames leave the stack)
    score: { right: 0, asked: 0 },
    question: null,        // the pending predict-mode question
    loading: false,        // load() is waiting for the recording to finish
  };

  function rememberFrames(state) {
    const stack = state && state.record && state.record.stack;
    if (!stack) return;
    for (const f of stack) session.frames.set(f.fid, { func: f.func, parent: f.parent });
  }

  function currentSource() {
    const shown = window.closurevizReady ? engine.source() : null;
    return shown !== null ? shown : session.source;
  }

  function frameName(fid) {
    const f = session.frames.get(fid);
    return f ? f.func : null;
  }

  // Learns the names of frames that are no longer on the stack (retained frames, whose cells
  // closures still use) by looking at earlier steps: all of them for a short program, else up to
  // `limit` steps back from the current one. The shown step is put back before the next frame.
  function learnFrames(limit, wantedFid) {
    const state = session.state;
    if (!state || !state.step_count) return;
    const from = state.step;
    for (let k = from - 1, probes = 0; k >= 1 && probes < limit; k--, probes++) {
      if (wantedFid !== undefined && session.frames.has(wantedFid)) break;
      engine.setStep(k);
      rememberFrames(engine.state());
    }
    engine.setStep(from);
  }
  const FRAME_SCAN_STEPS = 1500;

  // ---- Showing a state: toolbar, narration and the text mirror ------------------------------
  function describeFrame(frame, heap) {
    const title = frame.func === '<module>' ? 'Module <module> (global variables)' : `Frame of ${frame.func}`;
    const parts = [];
    if (frame.func !== '<module>' && frame.parent !== null && frame.parent !== undefined) {
      const parentName = frameName(frame.parent);
      parts.push(`defined inside ${parentName || 'an enclosing frame'}`);
    }
    parts.push(`line ${frame.line}`);
    const item = el('li', null, el('strong', null, title), ` (${parts.join(', ')})`);
    const bindings = el('ul');
    for (const [name, val] of Object.entries(frame.locals || {})) {
      bindings.append(el('li', null, code(name), ' = ', code(pyRepr(val, heap))));
    }
    for (const [name, cellId] of Object.entries(frame.cells || {})) {
      const cell = heap[String(cellId)] || {};
      const value = 'v' in cell ? pyRepr(cell.v, heap) : '(empty)';
      const owner = cell.owner === frame.fid ? 'its own cell, shared with inner functions'
        : `a cell from ${frameName(cell.owner) || 'an enclosing frame'}`;
      bindings.append(el('li', null, code(name), ' = ', code(value), ` (${owner})`));
    }
    if (!bindings.childElementCount) bindings.append(el('li', null, 'no variables yet'));
    item.append(bindings);
    return item;
  }

  function renderMirror(state) {
    const mirror = $('mirror');
    mirror.textContent = '';
    const record = state.record;
    if (!record) {
      mirror.append(el('p', null, state.step_count ? 'No step selected.' : 'No program has run yet.'));
      return;
    }
    const heap = record.heap || {};
    mirror.append(el('h3', null, `Step ${state.step} of ${state.step_count}: line ${record.line}, ${record.event} event`));
    const frames = el('ul');
    for (const frame of record.stack || []) frames.append(describeFrame(frame, heap));
    mirror.append(el('p', null, 'Frames on the stack, the running one last:'), frames);

    // Function objects with a closure: the cells they keep alive (retained frames show up here).
    const closures = el('ul');
    for (const obj of Object.values(heap)) {
      if (obj.t !== 'function' || !obj.closure || !obj.closure.length) continue;
      const vars = obj.closure.map(([name, , val]) => `${name} = ${pyRepr(val, heap)}`).join(', ');
      closures.append(el('li', null, code(obj.qual || obj.name), ' closes over ', code(vars)));
    }
    if (closures.childElementCount) mirror.append(el('p', null, 'Closures and their cells:'), closures);
    if (record.event === 'return' && 'ret' in record) {
      mirror.append(el('p', null, `${record.stack[record.stack.length - 1].func} returns `, code(pyRepr(record.ret, heap))));
    }
    if (record.exc) mirror.append(el('p', null, 'Exception: ', code(record.exc.join(': '))));
    if (record.out) {
      const out = record.out.length > 300 ? record.out.slice(0, 300) + '…' : record.out;
      mirror.append(el('p', null, 'Printed: ', code(out)));
    }
  }

  function render(state) {
    session.state = state;
    rememberFrames(state);
    const k = state.step, n = state.step_count;
    let label = n ? `Step ${k} of ${n}` : 'no steps';
    if (state.status === 'recording') label = `recording… ${n} steps`;
    else if (state.status === 'limit') label += ' (stopped)';
    $('step-label').textContent = label;
    const busy = state.status === 'recording';
    $('btn-first').disabled = $('btn-prev').disabled = busy || k <= 1;
    $('btn-next').disabled = $('btn-last').disabled = busy || k >= n;
    if (VIEWS.includes(state.view)) $('view-select').value = state.view;
    $('narration').textContent = state.explanation || (n ? '' : (state.message || ''));
    renderMirror(state);
  }

  function refresh() {
    const state = engine.state();
    render(state);
    return state;
  }

  // ---- Loading programs --------------------------------------------------------------------
  // One turn of the event loop without setTimeout's 4 ms clamp.
  const yieldChannel = new MessageChannel();
  const yieldQueue = [];
  yieldChannel.port1.onmessage = () => { const resolve = yieldQueue.shift(); if (resolve) resolve(); };
  const yieldToBrowser = () => new Promise((resolve) => { yieldQueue.push(resolve); yieldChannel.port2.postMessage(0); });

  function showProgress(state) {
    $('progress').hidden = false;
    $('progress-text').textContent = state.step_count ? `Recording… ${state.step_count.toLocaleString('en')} steps so far` : 'Recording the program…';
  }

  function reportOutcome(state) {
    if (state.status === 'limit') {
      // The app's message says why ("stopped after 1,000,000 steps: the program may loop forever",
      // "stopped by the user").
      const why = state.message || 'stopped at the step limit';
      showMessage(`${why.charAt(0).toUpperCase()}${why.slice(1)}. The ${state.step_count.toLocaleString('en')} steps ` +
                  'recorded so far are shown.', 'info');
    } else if (state.status === 'error' && state.step_count > 0) {
      showMessage(`The program ended with an exception: ${state.message}`, 'info');
    } else if (state.status === 'error') {
      showMessage(`The program could not run:\n${state.message}`);
    }
  }

  // Records `source` and shows `options.step` (default 1) in `options.view` (default: unchanged).
  // Resolves with the state; rejects only for input the page refuses to pass on (too large,
  // not valid Unicode), after saying so in the panel.
  async function load(source, options = {}) {
    await ready;
    const token = ++session.loadToken;
    cancelQuestion();
    let bytes;
    try {
      bytes = programBytes(source);
    } catch (e) {
      showMessage('Cannot visualize this program: ' + e.message);
      throw e;
    }
    hideMessage();
    session.source = source;
    session.frames = new Map();
    session.score = { right: 0, asked: 0 };
    updateScore();
    session.loading = true;
    try {
      return await recordAndShow(bytes, token, options);
    } finally {
      if (token === session.loadToken) session.loading = false;
    }
  }

  // Records in slices of RECORD_SLICE_MS between turns of the event loop: input, drawing and Stop
  // get their turn in between, and no task comes near the 50 ms of a long task. The progress line
  // is updated every PROGRESS_MS. A recording that lasts longer than QUIET_CANVAS_AFTER_MS pauses
  // the app's main loop until it ends: the canvas would only change its step count, and every
  // drawn canvas costs the browser a composited frame (under software WebGL a read-back of the whole
  // canvas, 100 to 500 ms on a busy machine), which took most of the time of a long recording.
  const RECORD_SLICE_MS = 12;
  const PROGRESS_MS = 250;
  const QUIET_CANVAS_AFTER_MS = 250;
  async function recordAndShow(bytes, token, options) {
    const error = engine.load(bytes);
    let state = engine.state();
    const startedAt = performance.now();
    let shownAt = -Infinity, frameAt = startedAt, paused = false, watching = true;
    const watchFrames = () => { frameAt = performance.now(); if (watching) requestAnimationFrame(watchFrames); };
    requestAnimationFrame(watchFrames);
    try {
      while (!error && state.status === 'recording') {
        if (performance.now() - shownAt >= PROGRESS_MS) {
          showProgress(state);
          render(state);
          shownAt = performance.now();
        }
        if (!paused && performance.now() - startedAt > QUIET_CANVAS_AFTER_MS && Module.pauseMainLoop) {
          Module.pauseMainLoop();
          paused = true;
        }
        const more = engine.record(RECORD_SLICE_MS);
        if (performance.now() - frameAt > 200 && document.visibilityState !== 'hidden') {
          // The browser has not run an animation frame for a while (a queue of slices could starve
          // drawing): let one through. A hidden tab gets no frames: it records on.
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        } else {
          await yieldToBrowser();
        }
        if (token !== session.loadToken) return engine.state();   // a newer load took over
        // Asking for the state costs a little: only when it is shown or the recording has ended.
        if (!more || performance.now() - shownAt >= PROGRESS_MS) state = engine.state();
      }
    } finally {
      watching = false;
      if (paused) Module.resumeMainLoop();
    }
    $('progress').hidden = true;
    if (options.view !== undefined && VIEWS.includes(options.view)) engine.setView(options.view);
    if (state.step_count > 0) {
      const k = Number.isInteger(options.step) ? Math.min(Math.max(options.step, 1), state.step_count) : 1;
      engine.setStep(k);
    }
    if (state.step_count > 0 && state.step_count <= FRAME_SCAN_STEPS) {
      engine.setStep(state.step_count);   // every frame of a short program, for the text mirror's names
      session.state = engine.state();
      rememberFrames(session.state);
      learnFrames(FRAME_SCAN_STEPS);
      const k = Number.isInteger(options.step) ? Math.min(Math.max(options.step, 1), state.step_count) : 1;
      engine.setStep(k);
    }
    state = refresh();
    if (error) showMessage(`The program could not run:\n${error}`);
    else reportOutcome(state);
    return state;
  }

  $('btn-stop').addEventListener('click', () => {
    engine.stop();
    $('progress-text').textContent = 'Stopping…';
  });

  // ---- Stepping ------------------------------------------------------------------------------
  function go(k) {
    const state = session.state;
    if (!state || !state.step_count || state.status === 'recording') return;
    cancelQuestion();
    engine.setStep(Math.min(Math.max(k, 1), state.step_count));
    refresh();
  }
  function next() {
    const state = session.state;
    if (!state || state.status === 'recording' || state.step >= state.step_count) return;
    if (predictOn() && !session.question) {
      if (askQuestion()) return;
    } else if (session.question) {
      revealAnswer(null);   // Next while a question is open: just show the step
      return;
    }
    go(state.step + 1);
  }
  const prev = () => session.state && go(session.state.step - 1);

  $('btn-first').addEventListener('click', () => go(1));
  $('btn-prev').addEventListener('click', prev);
  $('btn-next').addEventListener('click', next);
  $('btn-last').addEventListener('click', () => session.state && go(session.state.step_count));
  $('view-select').addEventListener('change', (e) => { engine.setView(e.target.value); refresh(); });

  // Changes made inside the canvas (the app's own buttons and keys) show up in the page too.
  setInterval(() => {
    if (!window.closurevizReady || !session.state || session.loading) return;
    const recording = session.state.status === 'recording';
    if (recording || engine.step() !== session.state.step || engine.stepCount() !== session.state.step_count) {
      if (session.question) cancelQuestion();
      const state = refresh();
      $('progress').hidden = state.status !== 'recording';
      if (state.status === 'recording') showProgress(state);
      else if (recording) reportOutcome(state);
    }
  }, LIMITS.pollMs);

  // ---- Predict mode --------------------------------------------------------------------------
  // Before the next step is shown, ask either which frame a name on the line about to run comes
  // from (the scope chain), or what value a variable will have after the step.
  const predictButton = $('btn-predict');
  const predictOn = () => predictButton.getAttribute('aria-pressed') === 'true';
  const PY_KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else ' +
    'except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '));
  const BUILTINS = new Set(('print len range list dict set tuple str int float bool sorted sum min max abs map ' +
    'filter zip enumerate isinstance type iter next repr round any all reversed').split(' '));
  const MODULE_LABEL = '<module> (global)';
  const BUILTINS_LABEL = 'builtins';

  function updateScore() {
    const score = $('score');
    score.hidden = !predictOn();
    score.textContent = `Score ${session.score.right} / ${session.score.asked}`;
  }

  function setPredict(on) {
    predictButton.setAttribute('aria-pressed', on ? 'true' : 'false');
    if (!on) cancelQuestion();
    updateScore();
  }
  predictButton.addEventListener('click', () => setPredict(!predictOn()));

  // The names read on a source line, in order (strings and comments removed first).
  function namesOnLine(line) {
    const text = line.replace(/#.*$/, '').replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, '""');
    const names = [];
    for (const m of text.matchAll(/(?<![.\w])[A-Za-z_]\w*/g)) {
      if (!PY_KEYWORDS.has(m[0]) && !names.includes(m[0])) names.push(m[0]);
    }
    return names;
  }

  // The frames a name can come from, inside out: the running frame, the frames it was defined in,
  // the module, the builtins.
  function scopeChoices(top) {
    const labels = [];
    for (let fid = top.fid, hops = 0; fid !== null && fid !== undefined && hops < 20; hops++) {
      const f = fid === top.fid ? top : session.frames.get(fid);
      if (!f || f.func === '<module>') break;
      if (!labels.includes(f.func)) labels.push(f.func);
      fid = f.parent;
    }
    labels.push(MODULE_LABEL, BUILTINS_LABEL);
    return labels;
  }

  function frameQuestion(state) {
    const record = state.record;
    if (!record || record.event !== 'line') return null;
    const stack = record.stack || [];
    const top = stack[stack.length - 1];
    if (!top || top.func === '<module>') return null;
    const line = currentSource().split('\n')[record.line - 1] || '';
    const globals = (stack[0] && stack[0].locals) || {};
    const heap = record.heap || {};
    let best = null;
    for (const name of namesOnLine(line)) {
      if (name in (top.locals || {})) continue;
      let answer = null;
      if (name in (top.cells || {})) {
        const cell = heap[String(top.cells[name])];
        if (!cell || cell.owner === top.fid || cell.owner === null) continue;
        if (!session.frames.has(cell.owner)) learnFrames(5000, cell.owner);
        answer = frameName(cell.owner);
      } else if (name in globals) {
        answer = MODULE_LABEL;
      } else if (BUILTINS.has(name)) {
        answer = BUILTINS_LABEL;
      }
      const choices = scopeChoices(top);
      if (!answer || !choices.includes(answer)) continue;
      const q = { kind: 'frame', name, answer, choices, line: record.line };
      if (answer !== MODULE_LABEL && answer !== BUILTINS_LABEL) return q;   // enclosing frames first
      best = best || q;
    }
    return best;
  }

  // A simple value (number, string, bool, None, or a short list/tuple of them) is easy to type.
  function typeable(val, heap) {
    if (!Array.isArray(val)) return true;
    if (val[0] !== 'ref') return false;
    const obj = heap[String(val[1])];
    return !!obj && (obj.t === 'list' || obj.t === 'tuple') && (obj.items || []).length <= 5 &&
      obj.items.every((v) => !Array.isArray(v));
  }

  function bindingsOf(frame, heap) {
    const out = new Map();
    for (const [name, val] of Object.entries(frame.locals || {})) out.set(name, val);
    for (const [name, id] of Object.entries(frame.cells || {})) {
      const cell = heap[String(id)];
      if (cell && 'v' in cell) out.set(name, cell.v);
    }
    return out;
  }

  function valueQuestion(now, after) {
    const a = after.record, b = now.record;
    if (!a || !b) return null;
    const heapA = a.heap || {}, heapB = b.heap || {};
    const nowTop = b.stack[b.stack.length - 1];
    const afterTop = a.stack[a.stack.length - 1];
    // The same frame after the step, or the new frame a call entered.
    const frame = a.stack.find((f) => f.fid === nowTop.fid && afterTop.fid === nowTop.fid) ||
                  (a.event === 'call' ? afterTop : null);
    if (!frame) return null;
    const before = afterTop.fid === nowTop.fid ? bindingsOf(nowTop, heapB) : new Map();
    for (const [name, val] of bindingsOf(frame, heapA)) {
      const text = pyRepr(val, heapA);
      if (before.has(name) && pyRepr(before.get(name), heapB) === text) continue;
      if (!typeable(val, heapA)) continue;
      return { kind: 'value', name, answer: text, raw: val, func: frame.func };
    }
    return null;
  }

  function peekNext(state) {
    engine.setStep(state.step + 1);
    const after = engine.state();
    engine.setStep(state.step);   // both calls happen before the next frame is drawn: no flicker
    return after;
  }

  function askQuestion() {
    const now = session.state;
    const after = peekNext(now);
    rememberFrames(after);
    const q = frameQuestion(now) || valueQuestion(now, after);
    if (!q) return false;
    session.question = q;
    const box = $('predict'), question = $('predict-question'), choices = $('predict-choices');
    question.textContent = '';
    choices.textContent = '';
    $('predict-feedback').textContent = '';
    $('predict-feedback').className = 'feedback';
    $('predict-answer').value = '';
    $('predict-form').querySelectorAll('input, button').forEach((c) => { c.disabled = false; });
    if (q.kind === 'frame') {
      question.append(`Line ${q.line} reads `, code(q.name), '. Which frame is it found in?');
      q.choices.forEach((label, i) => {
        const input = el('input', { type: 'radio', name: 'predict-frame', value: label, id: `predict-choice-${i}` });
        choices.append(el('label', { for: `predict-choice-${i}` }, input, label));
      });
      choices.hidden = false;
      $('predict-typed').hidden = true;
    } else {
      question.append('After this step, what will ', code(q.name), ' be', q.func === '<module>' ? '' : ` (in ${q.func})`, '?');
      choices.hidden = true;
      $('predict-typed').hidden = false;
    }
    box.hidden = false;
    const first = q.kind === 'frame' ? choices.querySelector('input') : $('predict-answer');
    if (first) first.focus();
    return true;
  }

  // Lenient comparison of a typed answer with the value's repr: quotes may be either kind or
  // missing for a plain string, spaces do not matter, numbers compare by value.
  function answerMatches(typed, q) {
    const t = typed.trim();
    if (!t) return false;
    const squash = (s) => s.replace(/\s+/g, '').replace(/"/g, "'");
    if (squash(t) === squash(q.answer)) return true;
    if (typeof q.raw === 'string') return t === q.raw || t.replace(/^(['"])(.*)\1$/s, '$2') === q.raw;
    if (typeof q.raw === 'number' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t) === q.raw;
    return false;
  }

  function revealAnswer(given) {
    const q = session.question;
    if (!q) return;
    const feedback = $('predict-feedback');
    if (given === null) {
      feedback.className = 'feedback';
      feedback.textContent = `Skipped. ${q.kind === 'frame' ? q.name + ' is found in ' + q.answer : q.name + ' is ' + q.answer}.`;
    } else {
      const right = q.kind === 'frame' ? given === q.answer : answerMatches(given, q);
      session.score.asked += 1;
      if (right) session.score.right += 1;
      feedback.className = 'feedback ' + (right ? 'right' : 'wrong');
      const truth = q.kind === 'frame' ? `${q.name} is found in ${q.answer}` : `${q.name} is ${q.answer}`;
      feedback.textContent = right ? `Right: ${truth}.` : `Not quite: ${truth}` + (given ? ` (you said ${given}).` : '.');
    }
    session.question = null;
    $('predict-form').querySelectorAll('input, button').forEach((c) => { c.disabled = true; });
    updateScore();
    const state = session.state;
    engine.setStep(state.step + 1);
    refresh();
    $('btn-next').focus();
  }

  function cancelQuestion() {
    session.question = null;
    $('predict').hidden = true;
  }

  $('predict-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = session.question;
    if (!q) return;
    if (q.kind === 'frame') {
      const picked = $('predict-choices').querySelector('input:checked');
      if (!picked) { $('predict-feedback').textContent = 'Pick one of the frames first.'; return; }
      revealAnswer(picked.value);
    } else {
      revealAnswer($('predict-answer').value);
    }
  });
  $('predict-skip').addEventListener('click', () => revealAnswer(null));

  // ---- Share links: #cv1=<base64url(deflate-raw(UTF-8 program))>&step=K&view=env|cells --------
  function toBase64Url(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error('not base64url');
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  async function deflate(bytes) {
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  // Inflates at most `limit` bytes; a longer result is refused without being expanded in full.
  async function inflate(bytes, limit) {
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        reader.cancel().catch(() => {});
        throw new RangeError('too large');
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }

  async function makeLink() {
    const state = session.state;
    const source = currentSource();
    if (!state || !state.step_count || !source) throw new Error('no program is loaded');
    const packed = toBase64Url(await deflate(new TextEncoder().encode(source)));
    const fragment = `#${LINK_VERSION}=${packed}&step=${state.step}&view=${state.view}`;
    return location.href.replace(/#.*$/, '') + fragment;
  }

  $('btn-link').addEventListener('click', async () => {
    let link;
    try {
      link = await makeLink();
    } catch (e) {
      showMessage('Nothing to link to yet: ' + e.message + '.', 'info');
      return;
    }
    history.replaceState(null, '', link);   // the address bar shows it too
    lastFragment = location.hash;
    try {
      await navigator.clipboard.writeText(link);
      showMessage('Link copied: it reopens this program at this step and view.', 'info');
    } catch (e) {
      showMessage('The link is in the address bar (the clipboard was not available): copy it from there.', 'info');
    }
  });

  // Reads a #fragment. Returns null for ordinary anchors (#lesson-3), else {source, step, view,
  // warnings} or throws an Error with the message to show.
  async function parseLink(fragment) {
    const text = fragment.replace(/^#/, '');
    if (!text.includes('=')) return null;
    if (text.length > LIMITS.linkChars) throw new Error(`This link is too long (${formatBytes(text.length)}); links carry programs up to ${formatBytes(LIMITS.programBytes)}.`);
    const fields = new Map();
    for (const part of text.split('&')) {
      const at = part.indexOf('=');
      const key = at < 0 ? part : part.slice(0, at);
      fields.set(key, at < 0 ? '' : part.slice(at + 1));
    }
    const version = [...fields.keys()].find((k) => /^cv\d+$/.test(k));
    if (!version) {
      const keys = [...fields.keys()].slice(0, 4).join(', ');
      throw new Error(`This link is not a closureviz link (its #fragment has ${keys}); the page opened normally.`);
    }
    if (version !== LINK_VERSION) {
      throw new Error(`This link was made by another version of closureviz (format ${version}); this page reads ${LINK_VERSION} links.`);
    }
    let compressed;
    try {
      compressed = fromBase64Url(fields.get(version));
    } catch (e) {
      throw new Error('This link is damaged: the program in it is not valid base64url text. It may have been changed or cut off when copied.');
    }
    let bytes;
    try {
      bytes = await inflate(compressed, LIMITS.programBytes);
    } catch (e) {
      if (e instanceof RangeError) throw new Error(`This link's program is larger than ${formatBytes(LIMITS.programBytes)}, the most the visualizer takes.`);
      throw new Error('This link is damaged: its program could not be decompressed. It may have been cut off when copied.');
    }
    let source;
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (e) {
      throw new Error('This link is damaged: its program is not valid UTF-8 text.');
    }
    const warnings = [];
    let step;
    if (fields.has('step')) {
      step = /^\d{1,9}$/.test(fields.get('step')) ? Number(fields.get('step')) : undefined;
      if (step === undefined || step < 1) { step = undefined; warnings.push('its step is not a positive number, so it opens at step 1'); }
    }
    let view;
    if (fields.has('view')) {
      view = fields.get('view');
      if (!VIEWS.includes(view)) { view = undefined; warnings.push('its view is neither env nor cells'); }
    }
    return { source, step, view, warnings };
  }

  let lastFragment = '';
  async function openFromFragment() {
    const fragment = location.hash;
    if (fragment === lastFragment) return false;
    lastFragment = fragment;
    let link;
    try {
      link = await parseLink(fragment);
    } catch (e) {
      await ready;
      showMessage(e.message);
      return 'error';
    }
    if (!link) return false;
    try {
      const state = await load(link.source, { step: link.step, view: link.view });
      if (link.warnings.length && state.status === 'ok') showMessage('The link opened, but ' + link.warnings.join('; ') + '.', 'info');
      if (link.step && state.step_count && link.step > state.step_count) {
        showMessage(`The link asks for step ${link.step}, but this program has ${state.step_count} steps; showing the last one.`, 'info');
      }
      $('playground-code').value = link.source;
    } catch (e) {
      // load() has already shown why.
    }
    return true;
  }
  window.addEventListener('hashchange', () => { openFromFragment(); });

  // ---- Presentation mode -----------------------------------------------------------------------
  const presentButton = $('btn-present');
  const PRESENTATION_FONT_SCALE = 1.6;
  const presenting = () => document.body.classList.contains('presenting');

  function setPresentation(on) {
    if (on === presenting()) return;
    document.body.classList.toggle('presenting', on);
    presentButton.setAttribute('aria-pressed', on ? 'true' : 'false');
    presentButton.textContent = on ? 'Exit (Esc)' : 'Present';
    if (window.closurevizReady) {
      engine.setPresentation(on);
      engine.setFontScale(on ? PRESENTATION_FONT_SCALE : 1);
    }
    if (on) {
      // Full screen needs a user gesture and may be refused (iframes, some browsers): the fixed,
      // full-window layout works either way.
      const root = document.documentElement;
      if (root.requestFullscreen && !document.fullscreenElement) root.requestFullscreen().catch(() => {});
      $('viz').focus();
    } else if (document.fullscreenElement && document.exitFullscreen) {
      document.exitFullscreen().catch(() => {});
    }
  }
  presentButton.addEventListener('click', () => setPresentation(!presenting()));
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && presenting()) setPresentation(false);
  });

  // ---- Keyboard ------------------------------------------------------------------------------
  // The arrows step while the panel (but not the canvas, where the app has its own keys) has the
  // focus; Page Up/Down (presenter clickers) also step in presentation and embed mode.
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target;
    if (target === canvas) return;
    const typing = target.closest && target.closest('input, textarea, select, [contenteditable]');
    if (e.key === 'Escape' && presenting()) { setPresentation(false); e.preventDefault(); return; }
    if (typing) return;
    const inPanel = $('viz').contains(target);
    const clicker = presenting() || isEmbed || inPanel;
    const arrows = presenting() || isEmbed || inPanel;
    let handled = true;
    if (e.key === 'PageDown' && clicker) next();
    else if (e.key === 'PageUp' && clicker) prev();
    else if (e.key === 'ArrowRight' && arrows) next();
    else if (e.key === 'ArrowLeft' && arrows) prev();
    else if (e.key === 'Home' && arrows) go(1);
    else if (e.key === 'End' && arrows && session.state) go(session.state.step_count);
    else handled = false;
    if (handled) e.preventDefault();
  });

  $('btn-text').addEventListener('click', () => {
    const shown = $('btn-text').getAttribute('aria-pressed') !== 'true';
    $('btn-text').setAttribute('aria-pressed', shown ? 'true' : 'false');
    $('mirror').classList.toggle('sr-only', !shown);
  });

  // ---- Lessons and the playground ----------------------------------------------------------------
  const lessonSources = new Map();   // file name -> Promise of its text

  function lessonSource(name) {
    if (!lessonSources.has(name)) {
      lessonSources.set(name, fetch('lessons/' + encodeURIComponent(name)).then((r) => {
        if (!r.ok) throw new Error(`lessons/${name}: HTTP ${r.status}`);
        return r.text();
      }));
    }
    return lessonSources.get(name);
  }

  // The first lesson's program is fetched at once (the page opens on it); the others once the app
  // has drawn its first frame, so that they do not compete with the wasm download.
  function setUpLessons() {
    for (const [index, figure] of [...document.querySelectorAll('figure.program')].entries()) {
      const name = figure.dataset.program;
      const codeBox = figure.querySelector('pre.code code');
      const label = figure.querySelector('figcaption');
      if (label) figure.querySelector('pre.code').setAttribute('aria-label', 'Program: ' + label.textContent);
      (index === 0 ? Promise.resolve() : ready).then(() => lessonSource(name))
        .then((text) => { codeBox.textContent = text; })
        .catch((e) => { codeBox.textContent = `(could not load ${name}: ${e.message})`; });
      for (const button of figure.querySelectorAll('button.open')) {
        button.addEventListener('click', async () => {
          let text;
          try {
            text = await lessonSource(name);
          } catch (e) {
            showMessage(`Could not load the lesson program ${name}: ${e.message}`);
            return;
          }
          document.querySelectorAll('figure.program.active').forEach((f) => f.classList.remove('active'));
          figure.classList.add('active');
          const step = button.dataset.step ? Number(button.dataset.step) : 1;
          await load(text, { step, view: button.dataset.view || 'env' }).catch(() => {});
          $('viz').focus({ preventScroll: true });
        });
      }
    }
  }

  const playground = $('playground-code');
  const PLAYGROUND_START = '01_what_is_a_closure.py';
  // The lesson's text arrives later than a share link's program, or than what the learner starts
  // typing: it replaces only a playground that nothing else has written to meanwhile.
  async function resetPlayground() {
    const before = playground.value;
    let text = '';
    try { text = await lessonSource(PLAYGROUND_START); } catch (e) { text = ''; }
    if (playground.value === before) playground.value = text;
  }
  $('playground-run').addEventListener('click', () => {
    document.querySelectorAll('figure.program.active').forEach((f) => f.classList.remove('active'));
    load(playground.value, { step: 1 }).catch(() => {});
  });
  $('playground-reset').addEventListener('click', resetPlayground);
  playground.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); $('playground-run').click(); }
  });

  // ---- The JavaScript API: window.closureviz -------------------------------------------------
  function currentState() {
    if (!window.closurevizReady) return null;
    return refresh();
  }
  window.closureviz = Object.freeze({
    ready,
    load: (source, options = {}) => load(source, options || {}),
    step(k) {
      if (!Number.isInteger(k)) throw new TypeError('closureviz.step(k): k must be an integer step number');
      go(k);
      return currentState();
    },
    state: currentState,
    view(view) {
      if (!VIEWS.includes(view)) throw new TypeError("closureviz.view(v): v must be 'env' or 'cells'");
      engine.setView(view);
      return currentState();
    },
    link: makeLink,
    stop: () => engine.stop(),
    present: (on) => setPresentation(!!on),
    predict: (on) => setPredict(!!on),
  });

  // ---- Start ---------------------------------------------------------------------------------
  setUpLessons();
  resetPlayground();
  ready.then(async () => {
    if (presenting()) { engine.setPresentation(true); engine.setFontScale(PRESENTATION_FONT_SCALE); }
    const opened = await openFromFragment();
    if (!opened && !session.state) {
      const text = await lessonSource(PLAYGROUND_START).catch(() => null);
      if (text !== null && !session.state) await load(text, { step: 1 }).catch(() => {});
    }
    if (!session.state) refresh();
    window.closurevizPageReadyAt = performance.now();   // first program shown, ms since navigation (budgets)
    window.closurevizPageReady = true;   // the page has shown its first program (tests wait for this)
  });
})();
