'use strict';
// One Microsoft 365 Agents Playground server (npm @microsoft/m365agentsplayground, pinned in
// package.json) for one signed-in user, pointed at the bot with the msteams channel.
const fs = require('node:fs');
const path = require('node:path');
const procs = require('./procs');
const { playgroundConfig } = require('./tenant');
const { ARTIFACTS, tempDir, slug } = require('./paths');

const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

class Playground {
  constructor(userName, botEndpoint, tag) {
    this.userName = userName;
    this.botEndpoint = botEndpoint;
    this.dir = tempDir('playground');
    this.logFile = path.join(ARTIFACTS, `${slug(tag)}-playground-${slug(userName)}.log`);
    this.child = null;
    this.port = 0;
  }

  get url() { return `http://127.0.0.1:${this.port}/`; }

  async start() {
    const configPath = path.join(this.dir, '.m365agentsplayground.yml');
    fs.writeFileSync(configPath, playgroundConfig(this.userName));
    const wanted = await procs.freePort();
    let listening = 0;
    this.child = procs.start(process.execPath, [CLI,
      '-e', this.botEndpoint, '-c', 'msteams', '-p', String(wanted),
      '--service-url', `http://127.0.0.1:${wanted}/_connector`, '--disable-telemetry'], {
      cwd: this.dir,
      logFile: this.logFile,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none', // do not open a browser; the suite drives its own Chromium
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(this.dir, 'playground-events.log'),
      },
      onLine: (line) => { const m = /Listening on (\d+)/.exec(line); if (m) listening = Number(m[1]); },
    });
    // A minute, not a turn's 20 s: beside the .NET tests on a 2-core machine, a node server's start can take that long.
    const deadline = Date.now() + 60000;
    while (!listening) {
      if (this.child.exitCode !== null) throw new Error(`the Playground exited:\n${this.child.tail()}`);
      if (Date.now() > deadline) throw new Error(`the Playground did not start:\n${this.child.tail()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // It falls back to a random port when the wanted one is taken; then the service URL would be wrong.
    if (listening !== wanted) throw new Error(`the Playground listens on ${listening}, not ${wanted}`);
    this.port = listening;
    await procs.waitForHttp(this.url, { child: this.child, what: 'the Playground', timeoutMs: 60000 });
  }

  async stop() {
    await procs.stop(this.child);
    this.child = null;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

module.exports = { Playground };
