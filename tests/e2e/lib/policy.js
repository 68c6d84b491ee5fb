'use strict';
// What the suite knows of PolicyBot's contract: verdict words, the clauses it quotes (checked
// against the district's own text), and how to walk a dialog by answering question cards.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { POLICIES_DIR } = require('./paths');

const VERDICTS = ['Allowed', 'Allowed with conditions', 'Forbidden', 'Needs administration', 'Not covered'];
// The verdict card's heading per kind: "Not covered" says by what, so that it stands alone when heard alone.
const VERDICT_HEADINGS = { 'Not covered': 'Not covered: the policy does not cover this' };
const headingOf = (verdict) => VERDICT_HEADINGS[verdict] || verdict;
const verdictOfHeading = (heading) => VERDICTS.find((v) => headingOf(v) === heading || v === heading) || null;
// What every verdict card offers: "Details" (the rest of the answer, folded) and one-tap feedback.
const DETAILS = 'Details';

const norm = (s) => String(s).replace(/[\s\u00a0]+/g, ' ').trim();

const POLICY_TEXT = (() => {
  const dirs = [POLICIES_DIR, path.join(__dirname, '..', '..', '..', 'src', 'PolicyBot.Rules', 'Policies')].filter(Boolean);
  for (const d of dirs) {
    if (!fs.existsSync(d)) continue;
    const files = fs.readdirSync(d).filter((f) => f.endsWith('.txt'));
    if (files.length) return norm(files.map((f) => fs.readFileSync(path.join(d, f), 'utf8')).join('\n'));
  }
  throw new Error('the policy text (shared/policies/*.txt) was not found');
})();

// Clauses the scenarios expect on verdict cards (each must be verbatim in the district's text).
const CLAUSE = {
  texting: 'Text messaging students for non-educational purposes;',
  exception: 'Specifically, the following forms of technology based interactivity or connectivity are expressly forbidden when used in a manner not related to the delivery of educational services or district operations unless there exists a familial, employment, or legal relationship between the staff member and the student.',
  friending: 'Soliciting students as friends or contacts on social networking sites for non-educational purposes;',
  presence: 'Staff should contact the administration if they would like to establish an educational related social media presence.',
  schoolHours: 'Accessing social networking websites for individual use during school hours is prohibited, unless asked to do so by administration.',
  general: 'The school district staff shall not socialize with students on social networking websites (during school or out-of-school) in a manner contrary to this policy.',
};
for (const [k, v] of Object.entries(CLAUSE)) {
  if (!POLICY_TEXT.includes(norm(v))) throw new Error(`CLAUSE.${k} is not verbatim in the policy text`);
}

/** The heading and button of the card that shows what the bot understood before a verdict that lets a person go ahead. */
const CONFIRM_HEADING = 'Before I answer: is this right?';
const CONFIRM = "Yes, that's right";

const isVerdict = (card) => !!card && card.isCard && verdictOfHeading(norm(card.firstText)) !== null;

/**
 * Answers question cards until a verdict card comes: `answers` maps a question (the card's first
 * text) to a choice label. `how`: 'click' the button, or 'type' the label. `mention`: type with an
 * @mention (group chats and channels). Returns { verdict, card, asked: [questions] }.
 */
async function answerUntilVerdict(client, answers, { how = 'click', mention = false, maxSteps = 8 } = {}) {
  const asked = [];
  for (let step = 0; step < maxSteps; step++) {
    const card = await client.lastCard();
    if (isVerdict(card)) return { verdict: verdictOfHeading(norm(card.firstText)), card, asked };
    const question = norm(card.firstText);
    asked.push(question);
    if (question === CONFIRM_HEADING) {
      // Before a verdict that lets them go ahead, the teacher checks what the bot understood and confirms it.
      assert.ok(card.buttons.includes(CONFIRM), `the confirmation card has no "${CONFIRM}" button (it has: ${card.buttons.join(' | ')})`);
      if (how === 'click') await client.click(CONFIRM);
      else if (mention) await client.mention('yes');
      else await client.send('yes');
      continue;
    }
    const label = answers[question];
    assert.ok(label, `the bot asked "${question}" (buttons: ${card.buttons.join(' | ')}), which this situation has no answer for`);
    assert.ok(card.buttons.includes(label), `the question "${question}" offers no "${label}" button (it offers: ${card.buttons.join(' | ')})`);
    if (how === 'click') await client.click(label);
    else if (mention) await client.mention(label);
    else await client.send(label);
  }
  throw new Error(`no verdict after ${maxSteps} questions: ${asked.join(' / ')}`);
}

/**
 * A verdict card as a person reads it: the verdict in words first, the deciding clause quoted (the first one shows
 * as the card lands; `clause` may be any of them when `details` is true, i.e. after "Details" was opened), "Details".
 */
function assertVerdictCard(card, { verdict, clause }) {
  assert.ok(isVerdict(card), `expected a verdict card, got: ${card && card.text}`);
  assert.equal(norm(card.firstText), headingOf(verdict), `verdict shown: ${card.firstText}`);
  if (clause) {
    assert.ok(norm(card.text).includes(norm(clause)), `the card does not quote "${clause}" where it lands; it shows:\n${card.text}`);
  }
  assert.ok(card.buttons.includes(DETAILS), `the verdict card has no "${DETAILS}" button (it has: ${card.buttons.join(' | ')})`);
}

// The answers a teacher gives, by question (the policy's own wording of each question).
const SITUATIONS = {
  textPersonal: { 'What is your question about?': 'Contacting someone', 'Who is the person?': 'A current student', 'How would you be in touch?': 'Text messages', 'What is it for?': 'Personal or social' },
  textUrgent: { 'What is your question about?': 'Contacting someone', 'Who is the person?': 'A current student', 'How would you be in touch?': 'Text messages', 'What is it for?': 'An urgent notice' },
  textHomework: { 'What is your question about?': 'Contacting someone', 'Who is the person?': 'A current student', 'How would you be in touch?': 'Text messages', 'What is it for?': 'Teaching and learning' },
  friendForClass: { 'What is your question about?': 'Contacting someone', 'Who is the person?': 'A current student', 'How would you be in touch?': 'Send a friend request', 'What is it for?': 'Teaching and learning' },
  formerStudent: { 'What is your question about?': 'Contacting someone', 'Who is the person?': 'A former student who left', 'How would you be in touch?': 'Text messages' },
  nephew: { 'What is your question about?': 'Contacting someone', 'Who is the person?': 'My child or close relative', 'How would you be in touch?': 'Send a friend request' },
  facebookAtLunch: { 'What is your question about?': 'Social media at work', 'What would you be using?': 'Social media', 'When?': 'During the school day', 'Why would you use it?': 'For myself' },
};

module.exports = { VERDICTS, DETAILS, headingOf, CONFIRM, CONFIRM_HEADING, CLAUSE, SITUATIONS, POLICY_TEXT, norm, isVerdict, answerUntilVerdict, assertVerdictCard };
