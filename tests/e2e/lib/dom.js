'use strict';
// Functions evaluated inside the Playground page (keep them self-contained).
//
// The Playground (0.2.28) marks every message, in chats and in channel threads, with a
// "Show more information" menu button in its header. In a chat the header is
// [aria-label="Message header"] (with [aria-label="Message author"] for others' messages; your
// own have no author), and header + body share a parent. A channel post's header is a Fluent
// .fui-CardHeader__header inside the post's .fui-Card, whose body follows the .fui-CardHeader;
// replies in the thread have a header div (avatar, name, time, menu) followed by a body div.
// Adaptive Cards render with Microsoft's JS renderer: .ac-adaptiveCard, .ac-textBlock,
// .ac-richTextBlock, .ac-actionSet; a button shows the action's title (also its aria-label) and
// carries the action's tooltip, if any, as its title attribute.

/** Messages under `root` in document order: {author|null, text, isCard, cardIndex, firstText, buttons, emptyCard}. */
function readMessages(root) {
  const MENU = 'button[aria-label="Show more information"]';
  const out = [];
  let cardIndex = 0;
  for (const btn of root.querySelectorAll(MENU)) {
    const header = btn.parentElement && btn.parentElement.parentElement;
    if (!header) continue;
    let author = null;
    let body = [];
    // A channel post: its menu sits in the .fui-CardHeader (in its __header, or beside it for a bot's proactive post).
    const postHeader = header.closest('.fui-CardHeader');
    if (header.classList.contains('fui-CardHeader__header') || postHeader) {
      const avatar = header.querySelector('.fui-Avatar[aria-label]') || (postHeader && postHeader.querySelector('.fui-Avatar[aria-label]'));
      author = avatar ? avatar.getAttribute('aria-label') : null;
      const cardHeader = postHeader;
      for (let el = cardHeader && cardHeader.nextElementSibling; el; el = el.nextElementSibling) {
        // The reply composer (a Lexical editor) ends the post; a card's own text inputs do not.
        if (el.querySelector(MENU) || el.matches('.fui-Divider, .fui-CardFooter') || el.querySelector('[role=textbox][data-lexical-editor="true"]')) break;
        body.push(el);
      }
    } else {
      const a = header.querySelector('[aria-label="Message author"]');
      if (a) author = a.innerText.trim();
      else if (header.getAttribute('aria-label') !== 'Message header') {
        const avatar = header.querySelector('.fui-Avatar[aria-label]');
        author = avatar ? avatar.getAttribute('aria-label') : null;
      }
      body = [...header.parentElement.children].filter((c) => c !== header);
    }
    const cards = body.flatMap((b) => (b.matches('.ac-adaptiveCard') ? [b] : [...b.querySelectorAll('.ac-adaptiveCard')]))
      .filter((c) => !c.parentElement.closest('.ac-adaptiveCard'));
    const text = body.map((b) => b.innerText).join('\n').replace(/\n{3,}/g, '\n\n').trim();
    const msg = { author, text, isCard: cards.length > 0, cardIndex: -1, firstText: '', buttons: [], emptyCard: false, untitledButtons: 0 };
    if (cards.length) {
      const card = cards[0];
      msg.cardIndex = cardIndex;
      const first = [...card.querySelectorAll('.ac-textBlock, .ac-richTextBlock')].find((e) => e.innerText.trim());
      msg.firstText = first ? first.innerText.trim() : '';
      const buttons = [...card.querySelectorAll('button')];
      // The renderer puts an action's title in aria-label and its text, and its tooltip in title.
      const name = (b) => (b.innerText || b.getAttribute('aria-label') || '').trim();
      msg.buttons = buttons.map(name).filter(Boolean);
      msg.untitledButtons = buttons.filter((b) => !name(b)).length;
      msg.emptyCard = !card.innerText.trim() && !card.querySelector('input, select, textarea, img');
      msg.text = card.innerText.replace(/\n{3,}/g, '\n\n').trim();
    }
    cardIndex += cards.length;
    out.push(msg);
  }
  return out;
}

/** What the Playground itself says about messages it could not show (conversation and log panel). */
function playgroundWarnings() {
  const phrases = [/Invalid message/, /is not supported yet/, /unknown attachment type/i, /Unknown action type/];
  const lines = document.body.innerText.split('\n');
  return lines.filter((l) => phrases.some((p) => p.test(l))).map((l) => l.trim());
}

module.exports = { readMessages, playgroundWarnings };
