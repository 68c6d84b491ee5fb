'use strict';
// The verdict at a glance (issue 12): on a 1366x768 laptop, when a verdict card lands in the Playground (which, like
// Teams, scrolls to the newest message), the verdict heading, the answer, the conditions or what to do instead and the
// first deciding clause are on screen without scrolling, for every verdict kind. Screenshots of the window as the card
// lands go to artifacts/glance-<kind>.png; each card's height is in artifacts/glance.json.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { useHarness, scenario } = require('../lib/harness');
const { ARTIFACTS, slug } = require('../lib/paths');
const { SITUATIONS, headingOf, answerUntilVerdict, assertVerdictCard } = require('../lib/policy');

const h = useHarness('glance');
const LAPTOP = { width: 1366, height: 768 };
const CASES = [
  { verdict: 'Allowed', ask: 'can I text this student?', answers: SITUATIONS.textUrgent },
  { verdict: 'Allowed with conditions', ask: 'can I text this student about homework?', answers: SITUATIONS.textHomework },
  { verdict: 'Forbidden', ask: 'can I text this student?', answers: SITUATIONS.textPersonal },
  { verdict: 'Needs administration', ask: 'can I friend a student on Facebook for my class?', answers: SITUATIONS.friendForClass },
  { verdict: 'Not covered', ask: 'can I text a former student who graduated?', answers: SITUATIONS.formerStudent },
];
const measured = [];

for (const c of CASES) {
  scenario(h, `at 1366x768 the "${c.verdict}" verdict heading, answer and first clause are on screen when the card lands`, async () => {
    const tess = await h.as('Tess Teacher');
    await tess.page.setViewportSize(LAPTOP);
    await tess.send(c.ask);
    const { card } = await answerUntilVerdict(tess, c.answers);
    await new Promise((r) => setTimeout(r, 600)); // the Playground's scroll to the newest message
    const layout = await tess.lastCardLayout([headingOf(c.verdict)]);
    const file = path.join(ARTIFACTS, `glance-${slug(c.verdict)}.png`);
    await tess.page.screenshot({ path: file });
    measured.push({ verdict: c.verdict, cardHeight: layout.card.height, viewport: layout.viewport, glance: layout.glance, screenshot: path.relative(path.join(ARTIFACTS, '..', '..', '..'), file) });
    fs.writeFileSync(path.join(ARTIFACTS, 'glance.json'), JSON.stringify(measured, null, 2));

    assertVerdictCard(card, { verdict: c.verdict });
    assert.deepEqual(layout.viewport, LAPTOP);
    const heading = layout.found[headingOf(c.verdict)];
    assert.ok(heading && heading.seen, `the verdict heading is not on screen as the card lands (card ${layout.card.height} px tall, heading at ${heading && heading.top}..${heading && heading.bottom} px of ${LAPTOP.height}); see ${file}`);
    const unseen = layout.glance.filter((b) => !b.seen);
    assert.deepEqual(unseen, [], `not on screen as the card lands (card ${layout.card.height} px tall): ${unseen.map((b) => `"${b.text}" at ${b.top}..${b.bottom}`).join('; ')}; see ${file}`);
    assert.ok(layout.glance.length >= 3, `verdict, answer and clause at least: ${JSON.stringify(layout.glance)}`);
  });
}
