'use strict';
// The bot under test as a real process: the prebuilt src/PolicyBot in local mode (no
// MicrosoftAppId, so no auth), its state in a temporary DataFolder, on a loopback port.
// E2E_BOT_COMMAND replaces it with any other command (it gets PORT and DataFolder), e.g. a probe bot.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const procs = require('./procs');
const { BOT_PROJECT, BOT_BUILD_DIR, BOT_DLL, ARTIFACTS, tempDir, slug } = require('./paths');
const { staff, TEAM } = require('./tenant');

// Roles in the mock tenant: Adam Admin writes campaigns and decides every school's requests; Pat Para decides the
// staff team's requests only (by its Microsoft 365 group id). Everyone else holds no role.
const ROLE_SETTINGS = {
  CampaignAuthors: staff('Adam Admin').aad,
  RequestDeciders: `${staff('Adam Admin').aad}, ${staff('Pat Para').aad}@${TEAM.aadGroupId}`,
};

let built = false;
/** Builds src/PolicyBot once per test process unless E2E_BOT_DLL (prebuilt) or E2E_BOT_COMMAND is set. */
function ensureBuilt() {
  if (built || process.env.E2E_BOT_COMMAND || process.env.E2E_BOT_DLL) { built = true; return; }
  execFileSync('dotnet', ['build', BOT_PROJECT, '-c', 'Release', '--nologo', '-v', 'q', '--artifacts-path', BOT_BUILD_DIR],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } });
  built = true;
}

class Bot {
  constructor(name, { command } = {}) {
    this.name = name;
    this.command = command || process.env.E2E_BOT_COMMAND || null;
    this.dataFolder = tempDir('data');
    this.logFile = path.join(ARTIFACTS, `${slug(name)}-bot.log`);
    fs.writeFileSync(this.logFile, '');
    this.child = null;
    this.port = 0;
    this.starts = 0;
  }

  get endpoint() { return `http://127.0.0.1:${this.port}/api/messages`; }

  /** Starts the bot (on the same port and data folder after the first start) and waits for /healthz. */
  async start() {
    if (!this.command) ensureBuilt();
    if (!this.port) this.port = await procs.freePort();
    const env = {
      ...process.env,
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      DataFolder: this.dataFolder,
      ...ROLE_SETTINGS,
      ASPNETCORE_URLS: `http://127.0.0.1:${this.port}`,
      PORT: String(this.port),
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      DOTNET_NOLOGO: '1',
    };
    fs.appendFileSync(this.logFile, `\n===== start #${++this.starts} (port ${this.port}, DataFolder ${this.dataFolder})\n`);
    if (this.command) {
      this.child = procs.start('bash', ['-c', `exec ${this.command}`], { env, logFile: this.logFile });
    } else {
      if (!fs.existsSync(BOT_DLL)) throw new Error(`bot not built: ${BOT_DLL} is missing`);
      this.child = procs.start('dotnet', [BOT_DLL], { env, cwd: path.dirname(BOT_DLL), logFile: this.logFile });
    }
    await procs.waitForHttp(`http://127.0.0.1:${this.port}/healthz`, { child: this.child, what: 'the bot', timeoutMs: 60000 });
  }

  async stop() {
    await procs.stop(this.child);
    this.child = null;
  }

  /** Stops the process and starts a new one with the same port and data folder. */
  async restart() {
    await this.stop();
    await this.start();
  }

  async dispose() {
    await this.stop();
    fs.rmSync(this.dataFolder, { recursive: true, force: true });
  }
}

module.exports = { Bot, ensureBuilt };
