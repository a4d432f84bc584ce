// Checks Teams app manifests offline: against the JSON schema of their manifestVersion that npm
// @microsoft/app-manifest bundles (validated the way that package does it: ajv-draft-04 + ajv-formats), and against
// the limits of the bot's command menu that Microsoft documents but the schema does not carry.
// Usage: node validate-manifest.js FILE...   Prints one JSON object: { "checked": n, "bad": n, "report": { "file":
// ["problem", ...] } } and exits 1 when any manifest has a problem. Used by package.js and by the test suite.
'use strict';
const fs = require('fs');
const path = require('path');
const { AppManifestUtils } = require('@microsoft/app-manifest');

const schemas = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

// The bot command menu (learn.microsoft.com, "Create a commands menu"): up to 10 commands a list, a title of up to
// 32 characters and a description of up to 128. Schema 1.24 and later let a list hold 12 (for Copilot Studio's
// starter prompts) and titles 128 characters; the menu in Teams is still sized for the documented limits.
const MENU = { commands: 10, title: 32, description: 128 };

function schemaFor(version) {
  const file = path.join(schemas, `v${version}`, 'MicrosoftTeams.schema.json');
  return typeof version === 'string' && /^\d+\.\d+$/.test(version) && fs.existsSync(file)
    ? JSON.parse(fs.readFileSync(file, 'utf8'))
    : null;
}

function placeholdersIn(value, at = '') {
  if (typeof value === 'string') return /\$\{\{/.test(value) ? [`placeholder left unfilled at ${at || '/'}: ${value}`] : [];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => placeholdersIn(inner, `${at}/${key}`));
  }
  return [];
}

function menuProblems(manifest) {
  const problems = [];
  for (const [b, bot] of (manifest.bots || []).entries()) {
    const seen = new Set();
    for (const [l, list] of (bot.commandLists || []).entries()) {
      const at = `/bots/${b}/commandLists/${l}`;
      const commands = list.commands || [];
      if (commands.length > MENU.commands) {
        problems.push(`menu: ${at} has ${commands.length} commands; Teams shows at most ${MENU.commands}`);
      }
      for (const scope of list.scopes || []) {
        if (!(bot.scopes || []).includes(scope)) problems.push(`menu: ${at} is for ${scope}, a scope the bot lacks`);
        if (seen.has(scope)) problems.push(`menu: ${at} repeats ${scope}; one list a scope`);
        seen.add(scope);
      }
      for (const [c, { title = '', description = '' }] of commands.entries()) {
        if (title.length > MENU.title) problems.push(`menu: ${at}/commands/${c} title over ${MENU.title}: ${title}`);
        if (description.length > MENU.description) {
          problems.push(`menu: ${at}/commands/${c} (${title}) description over ${MENU.description} characters`);
        }
      }
    }
  }
  return problems;
}

/** The problems of one manifest (a parsed object); none: it is valid. */
async function problemsOf(manifest) {
  const version = manifest.manifestVersion;
  const schema = schemaFor(version);
  if (!schema) return [`manifestVersion ${JSON.stringify(version)}: no bundled schema of that version`];
  const problems = [];
  const expected = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  const schemaUrl = String(manifest.$schema || '').replace('/en-us/', '/');
  if (schemaUrl !== expected) problems.push(`$schema is ${manifest.$schema}, expected ${expected}`);
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
  problems.push(...errors.map(e => `schema: ${e}`));
  problems.push(...placeholdersIn(manifest));
  problems.push(...menuProblems(manifest));
  return problems;
}

module.exports = { problemsOf };

if (require.main === module) {
  (async () => {
    const report = {};
    let bad = 0;
    for (const file of process.argv.slice(2)) {
      let problems;
      try { problems = await problemsOf(JSON.parse(fs.readFileSync(file, 'utf8'))); }
      catch (e) { problems = [`unreadable: ${e.message}`]; }
      report[file] = problems;
      if (problems.length) bad++;
    }
    process.stdout.write(JSON.stringify({ checked: process.argv.length - 2, bad, report }, null, 1) + '\n');
    process.exit(bad ? 1 : 0);
  })();
}
