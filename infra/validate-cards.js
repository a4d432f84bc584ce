// Checks Adaptive Card JSON files with the official parser (npm adaptivecards) at schema 1.5.
// Usage: node validate-cards.js FILE_OR_DIR...   Prints one JSON object: { "file": ["problem", ...], ... }
// and exits 1 when any card has a problem. Used by the test suite; runs without a DOM.
'use strict';
const fs = require('fs');
const path = require('path');
const AC = require('adaptivecards/dist/adaptivecards.js');

function problemsOf(json) {
  const problems = [];
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  if (json.version !== '1.5') problems.push(`version is ${json.version}, expected 1.5`);
  return problems;
}

const files = process.argv.slice(2).flatMap(p =>
  fs.statSync(p).isDirectory()
    ? fs.readdirSync(p).filter(f => f.endsWith('.json')).map(f => path.join(p, f))
    : [p]);
const report = {};
let bad = 0;
for (const file of files) {
  let problems;
  try { problems = problemsOf(JSON.parse(fs.readFileSync(file, 'utf8'))); }
  catch (e) { problems = [`unreadable: ${e.message}`]; }
  report[path.basename(file)] = problems;
  if (problems.length) bad++;
}
process.stdout.write(JSON.stringify({ checked: files.length, bad, report }, null, 1) + '\n');
process.exit(bad ? 1 : 0);
