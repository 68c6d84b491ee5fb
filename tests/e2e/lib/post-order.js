'use strict';
// A Playground race that Teams does not have, and the one place the harness steps between the
// page and its server.
//
// When the page starts a channel post it POSTs /_conversation/v1/conversations/<channel>/messages;
// the server answers (with the new post's conversation id, "<channel>;messageid=<ts>") and only
// then forwards the activity to the bot. The page registers the post when it has handled that
// answer. The bot's reply comes on the conversation websocket; if the page handles that frame
// first (a busy page on a loaded machine), its saga finds no conversation of that id, throws
// "unreachable" and the reply never shows. PLAYGROUND-NOTES.md has how this was found.
//
// PostFrameOrder holds the websocket frames for a post conversation the page has not been told
// about until its POST answer has arrived (and a moment for the page to handle it), then passes
// them on in their order. Nothing is dropped or changed: a frame held longer than HOLD_MAX_MS goes
// on anyway, so a real fault still shows as it would.

const SETTLE_MS = 250; // after the POST answer reached the browser, time for the page to handle it
const HOLD_MAX_MS = 5000;
const POST_URL = /\/_conversation\/v1\/conversations\/[^/]+\/messages$/;
const STREAM_URL = /\/_ws_conversation\//;

class PostFrameOrder {
  constructor() {
    this.known = new Set(); // post conversation ids the page has been told about
    this.held = []; // { conversationId, message, since }
    this.timer = null;
  }

  /** Routes `page`'s conversation stream through this order; call before the page loads. */
  async install(page) {
    page.on('response', (r) => {
      if (r.request().method() !== 'POST' || !POST_URL.test(r.url())) return;
      r.json().then((body) => {
        if (body && body.postConversationId) setTimeout(() => this.learn(body.postConversationId), SETTLE_MS);
      }).catch(() => {});
    });
    await page.routeWebSocket(STREAM_URL, (ws) => {
      this.server = ws.connectToServer(); // page -> server frames go on untouched
      this.ws = ws;
      this.server.onMessage((m) => this.fromServer(m));
      this.server.onClose((code, reason) => ws.close({ code, reason }));
      ws.onClose((code, reason) => this.server.close({ code, reason }));
    });
  }

  fromServer(message) {
    const conversationId = postConversationOf(message);
    const waitFor = conversationId && !this.known.has(conversationId);
    if (waitFor || this.held.some((h) => h.conversationId === conversationId)) {
      this.held.push({ conversationId, message, since: Date.now() });
      this.schedule();
      return;
    }
    this.noteKnown(message);
    this.ws.send(message);
  }

  learn(conversationId) {
    this.known.add(conversationId);
    this.flush();
  }

  /** Passes on, in order, every held frame whose post is known or that waited too long. */
  flush() {
    const now = Date.now();
    const stillHeld = [];
    for (const h of this.held) {
      const blocked = stillHeld.some((s) => s.conversationId === h.conversationId);
      if (!blocked && (this.known.has(h.conversationId) || now - h.since >= HOLD_MAX_MS)) {
        this.noteKnown(h.message);
        this.ws.send(h.message);
      } else {
        stillHeld.push(h);
      }
    }
    this.held = stillHeld;
    this.schedule();
  }

  schedule() {
    if (this.timer || !this.held.length) return;
    this.timer = setTimeout(() => { this.timer = null; this.flush(); }, 200);
  }

  /** A frame announcing a post (someone else's, or the bot's own new post) tells the page about it. */
  noteKnown(message) {
    const data = parse(message);
    const post = data && data.message && data.message.postConversationId;
    if (post) this.known.add(post);
  }
}

function parse(message) {
  try { return JSON.parse(String(message)); } catch { return null; }
}

/** The post conversation a frame is for ("<channel>;messageid=<ts>"), or null for chats and channel roots. */
function postConversationOf(message) {
  const data = parse(message);
  const id = data && data.actionConversationId;
  return typeof id === 'string' && id.includes(';messageid=') ? id : null;
}

module.exports = { PostFrameOrder };
