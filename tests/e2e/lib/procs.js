'use strict';
// Child processes that always die with the suite: each runs in its own process group
// (detached), is stopped with SIGTERM to the whole group and SIGKILL after a grace period,
// and is SIGKILLed synchronously if the test process exits without stopping it.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const http = require('node:http');

const live = new Set();

function killGroup(child, signal) {
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

process.on('exit', () => { for (const c of live) killGroup(c, 'SIGKILL'); });
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(sig, () => { for (const c of live) killGroup(c, 'SIGKILL'); process.exit(code); });
}

/** Spawn `cmd args` in a new process group; stdout+stderr go to `logFile` and to `onLine`. */
function start(cmd, args, { env, cwd, logFile, onLine } = {}) {
  const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
  let tail = '';
  const feed = (buf) => {
    const s = buf.toString();
    if (log) log.write(s);
    tail = (tail + s).slice(-8000);
    if (onLine) for (const line of s.split(/\r?\n/)) if (line) onLine(line);
  };
  child.stdout.on('data', feed);
  child.stderr.on('data', feed);
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    live.delete(child);
    if (log) log.end();
    resolve({ code, signal });
  }));
  child.tail = () => tail;
  live.add(child);
  return child;
}

/** SIGTERM the child's process group, then SIGKILL after `graceMs`. Resolves when it has exited. */
async function stop(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
  killGroup(child, 'SIGKILL'); // stragglers in the group (e.g. grandchildren)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

function httpGet(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, body: '' }));
  });
}

/** Poll `url` until it answers 200; fail early if `child` exits. */
async function waitForHttp(url, { child, timeoutMs = 60000, what = url } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before ${url} answered:\n${child.tail()}`);
    }
    const r = await httpGet(url);
    if (r.status === 200) return r;
    await new Promise((r2) => setTimeout(r2, 200));
  }
  throw new Error(`${what}: ${url} did not answer 200 within ${timeoutMs} ms:\n${child ? child.tail() : ''}`);
}

module.exports = { start, stop, freePort, waitForHttp, httpGet };
