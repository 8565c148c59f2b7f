// The code that runs first inside every fresh isolate, before any user code: it takes what it
// needs from the pristine built-ins, removes what user code must not have, freezes every built-in
// (so user code can change no prototype the harness relies on), and returns `run`, which calls
// the user's function and copies its result out as plain data, counting bytes as it goes. The
// result is then copied once more by isolated-vm: the host only ever sees a structured copy.
// Plain JavaScript so that its source text is exactly what runs: it is sent as a string. Both
// sandboxes run it: isolated-vm on the server, and the browser sandbox's Web Worker
// (components/sandbox/), which wraps the code in one more line first (lineOffset).

export function pipeworksHarness(limits, lineOffset) {
  'use strict';
  const G = globalThis;
  const { freeze, getPrototypeOf, keys, defineProperty, getOwnPropertyNames, getOwnPropertyDescriptor, create, isFrozen } = Object;
  const { apply, ownKeys } = Reflect;
  const isArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const F64 = Float64Array;
  const F64Proto = Float64Array.prototype;
  const ObjectProto = Object.prototype;
  const ErrorCtor = Error;
  const taLength = getOwnPropertyDescriptor(getPrototypeOf(Uint8Array.prototype), 'length').get;
  const jsonStringify = JSON.stringify;
  const StringCtor = String;
  const strSlice = String.prototype.slice;
  const regexExec = RegExp.prototype.exec;
  const weakAdd = WeakSet.prototype.add;
  const weakHas = WeakSet.prototype.has;
  const refusals = new WeakSet();

  // Nothing here can reach the host anyway; these only give ways round the memory and time limits.
  for (const name of ['WebAssembly', 'SharedArrayBuffer', 'Atomics']) delete G[name];

  const logs = [];
  let logLeft = limits.logChars;
  function show(value) {
    try {
      if (typeof value === 'string') return value;
      if (isView(value)) return `${typeof value} view of ${apply(taLength, value, [])} values`;
      if (typeof value === 'object' && value !== null) {
        const text = jsonStringify(value);
        if (typeof text === 'string') return text;
      }
      if (typeof value === 'symbol') return 'Symbol()';
      return StringCtor(value);
    } catch {
      return '[a value that cannot be shown]';
    }
  }
  function logger(prefix) {
    return function (...items) {
      if (logLeft <= 0) return;
      let line = prefix;
      for (let i = 0; i < items.length; i++) line += (i > 0 ? ' ' : '') + show(items[i]);
      if (line.length > logLeft) line = apply(strSlice, line, [0, logLeft]) + ' … (console output cut at its limit)';
      logLeft -= line.length;
      logs[logs.length] = line;
    };
  }
  defineProperty(G, 'console', {
    value: freeze({ log: logger(''), info: logger(''), debug: logger(''), warn: logger('warn: '), error: logger('error: ') }),
    enumerable: false,
    writable: false,
    configurable: false,
  });

  // Freeze every built-in reachable from the globals, and the intrinsics no global names.
  const roots = [];
  for (const name of getOwnPropertyNames(G)) {
    const d = getOwnPropertyDescriptor(G, name);
    if (d && 'value' in d) roots[roots.length] = d.value;
  }
  roots.push(
    getPrototypeOf(function* () {}),
    getPrototypeOf(async function () {}),
    getPrototypeOf(async function* () {}),
    getPrototypeOf([][Symbol.iterator]()),
    getPrototypeOf(new Map().entries()),
    getPrototypeOf(new Set().values()),
    getPrototypeOf(''[Symbol.iterator]()),
    getPrototypeOf(''.matchAll(/a/g)),
  );
  const seen = new Set();
  while (roots.length > 0) {
    const v = roots.pop();
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) continue;
    seen.add(v);
    if (!isFrozen(v)) freeze(v);
    roots.push(getPrototypeOf(v));
    for (const key of ownKeys(v)) {
      const d = getOwnPropertyDescriptor(v, key);
      if (!d) continue;
      if ('value' in d) roots.push(d.value);
      else roots.push(d.get, d.set);
    }
  }

  function Refusal(failure, message) {
    const r = create(null);
    r.failure = failure;
    r.message = message;
    r.path = '';
    apply(weakAdd, refusals, [r]);
    return r;
  }
  const isRefusal = (e) => typeof e === 'object' && e !== null && apply(weakHas, refusals, [e]);
  const at = (e, step) => {
    if (isRefusal(e)) e.path = step + e.path;
    return e;
  };

  let budget = 0;
  function charge(bytes) {
    budget -= bytes;
    if (budget < 0) throw Refusal('output_too_large', `The returned value is larger than the output limit of ${limits.outputBytes} bytes`);
  }

  function copyOut(v, depth) {
    switch (typeof v) {
      case 'number':
      case 'boolean':
        charge(16);
        return v;
      case 'string':
        charge(16 + 2 * v.length);
        return v;
      case 'object':
        if (v === null) {
          charge(16);
          return null;
        }
        break;
      default:
        throw Refusal('invalid_output', `a ${typeof v} cannot be returned (only numbers, strings, booleans, null, arrays, Float64Array and plain objects)`);
    }
    if (depth > 4) throw Refusal('invalid_output', 'the returned value is nested more than 4 levels deep');
    if (isView(v)) {
      // A real typed array (a Proxy is never a view): copied by the engine, no user code runs.
      if (getPrototypeOf(v) !== F64Proto) throw Refusal('invalid_output', 'typed arrays other than Float64Array cannot be returned; use Float64Array.from(...)');
      charge(8 * apply(taLength, v, []));
      return new F64(v);
    }
    if (isArray(v)) {
      const n = v.length;
      charge(16);
      const out = [];
      for (let i = 0; i < n; i++) {
        try {
          out[i] = copyOut(v[i], depth + 1);
        } catch (e) {
          throw at(e, `[${i}]`);
        }
      }
      return out;
    }
    const proto = getPrototypeOf(v);
    if (proto !== ObjectProto && proto !== null) throw Refusal('invalid_output', 'only plain objects can be returned (not a class instance, Map, Set, Date, Promise or function)');
    const out = create(null);
    for (const key of keys(v)) {
      charge(16 + 2 * key.length);
      try {
        defineProperty(out, key, { value: copyOut(v[key], depth + 1), enumerable: true, writable: true, configurable: true });
      } catch (e) {
        throw at(e, `.${key}`);
      }
    }
    return out;
  }

  function describeThrown(e) {
    try {
      if (e instanceof ErrorCtor) {
        const name = typeof e.name === 'string' ? e.name : 'Error';
        const message = typeof e.message === 'string' ? e.message : '';
        const stack = typeof e.stack === 'string' ? e.stack : '';
        const where = apply(regexExec, /code\.js:(\d+):(\d+)/, [stack]);
        return `${name}: ${apply(strSlice, message, [0, 2000])}${where ? ` (line ${where[1] - (lineOffset || 0)}, column ${where[2]})` : ''}`;
      }
      if (typeof e === 'string') return `the code threw a string, not an Error: ${jsonStringify(apply(strSlice, e, [0, 2000]))}`;
      if (e === null) return 'the code threw null, not an Error';
      return `the code threw a ${typeof e === 'object' ? 'plain object or other non-Error object' : typeof e}, not an Error`;
    } catch {
      return 'the code threw a value that is not an Error and cannot be described';
    }
  }

  const result = (fields) => {
    const r = create(null);
    for (const key of keys(fields)) r[key] = fields[key];
    r.logs = logs;
    return r;
  };

  return function run(fn, args) {
    if (typeof fn !== 'function') {
      return result({ ok: false, failure: 'not_a_function', message: `The code must be a function expression, such as (cols, schema) => cols; it evaluates to ${fn === null ? 'null' : typeof fn}` });
    }
    let out;
    try {
      out = apply(fn, undefined, args);
    } catch (e) {
      return result({ ok: false, failure: 'threw', message: describeThrown(e) });
    }
    budget = limits.outputBytes;
    try {
      if (typeof out === 'object' && out !== null && typeof out.then === 'function') {
        return result({ ok: false, failure: 'invalid_output', message: 'The function returned a Promise; it must return its result directly (no async)' });
      }
      return result({ ok: true, value: copyOut(out, 0) });
    } catch (e) {
      if (isRefusal(e)) {
        const where = e.path ? ` (at result${e.path})` : '';
        return result({ ok: false, failure: e.failure, message: `${e.message}${where}` });
      }
      return result({ ok: false, failure: 'threw', message: `Reading the returned value failed: ${describeThrown(e)}` });
    }
  };
}

/** The script whose completion value is `run`, for a fresh context. */
export function harnessSource(limits) {
  return `(${pipeworksHarness.toString()})(${JSON.stringify(limits)})`;
}
