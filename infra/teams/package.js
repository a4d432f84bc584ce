// Builds the Teams app package: fills the manifest's placeholders, validates the result (validate-manifest.js),
// checks the icons' sizes, and writes a zip with manifest.json, color.png and outline.png at its root.
// Usage: node package.js BOT_ID BOT_HOST [--website URL] [--privacy URL] [--terms URL] [--out FILE]
//   BOT_ID    the bot's Microsoft App ID, a GUID: the user-assigned managed identity's client id, or the single-tenant
//             app registration's application id (MicrosoftAppId). It is the Teams app's id too.
//   BOT_HOST  the bot's public host name, as in Bot:PublicUrl (escalationbot.azurewebsites.net): validDomains.
//   --website, --privacy, --terms  the developer's pages Teams shows on the app's About tab (https URLs);
//             each defaults to https://BOT_HOST/, which a reviewer should replace with the organisation's own.
//   --out     where to write the zip; default <repo>/artifacts/teams/EscalationBot.zip.
'use strict';
const fs = require('fs');
const path = require('path');
const AdmZip = require('adm-zip');
const { problemsOf } = require('./validate-manifest');

const here = __dirname;
const ICONS = { 'color.png': 192, 'outline.png': 32 };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function fail(message) {
  process.stderr.write(`package: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(website|privacy|terms|out)$/.exec(argv[i]);
    if (match && i + 1 < argv.length) options[match[1]] = argv[++i];
    else if (argv[i].startsWith('--')) fail(`unknown option ${argv[i]}`);
    else positional.push(argv[i]);
  }
  if (positional.length !== 2) fail('usage: package.sh BOT_ID BOT_HOST [--website URL] [--privacy URL] [--terms URL] [--out FILE]');
  return { botId: positional[0], host: positional[1], ...options };
}

function checkBotId(id) {
  if (!GUID.test(id)) {
    fail(`the bot id must be a GUID such as 8c1f5a2e-0d4b-4f6e-9a37-2b5d1c7e9f10 (the managed identity's client id or `
      + `the app registration's application id); got "${id}"`);
  }
  if (/^[0-]+$/.test(id)) fail('the bot id is all zeros: give the real client id');
  return id.toLowerCase();
}

function checkHost(host) {
  if (/[:/]/.test(host)) {
    fail(`give the bot's host name only, without https://, a port or a path (escalationbot.azurewebsites.net); got "${host}"`);
  }
  const name = host.toLowerCase().replace(/\.$/, '');
  const labels = name.split('.');
  if (name.length > 253 || labels.length < 2 || !labels.every(l => LABEL.test(l)) || /^\d+$/.test(labels.at(-1))) {
    fail(`"${host}" is not a public host name such as escalationbot.azurewebsites.net`);
  }
  return name;
}

function checkUrl(kind, url) {
  let parsed;
  try { parsed = new URL(url); } catch { fail(`--${kind} must be an https URL; got "${url}"`); }
  if (parsed.protocol !== 'https:') fail(`--${kind} must be an https URL; got "${url}"`);
  return parsed.href;
}

/** Width and height from a PNG's IHDR chunk; null when the file is not a PNG. */
function pngSize(bytes) {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return null;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const botId = checkBotId(args.botId);
  const host = checkHost(args.host);
  const values = {
    BOT_ID: botId,
    BOT_DOMAIN: host,
    DEVELOPER_URL: checkUrl('website', args.website || `https://${host}/`),
    PRIVACY_URL: checkUrl('privacy', args.privacy || `https://${host}/`),
    TERMS_URL: checkUrl('terms', args.terms || `https://${host}/`),
  };
  const template = fs.readFileSync(path.join(here, 'manifest.json'), 'utf8');
  const unknown = new Set();
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (whole, name) =>
    name in values ? values[name] : (unknown.add(name), whole));
  if (unknown.size) fail(`manifest.json names placeholders this script does not fill: ${[...unknown].join(', ')}`);

  const problems = await problemsOf(JSON.parse(filled));
  if (problems.length) fail(`the filled manifest is not valid:\n  ${problems.join('\n  ')}`);

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(filled, 'utf8'));
  for (const [icon, size] of Object.entries(ICONS)) {
    const bytes = fs.readFileSync(path.join(here, icon));
    const actual = pngSize(bytes);
    if (!actual || actual[0] !== size || actual[1] !== size) {
      fail(`${icon} must be a ${size}x${size} PNG; it is ${actual ? actual.join('x') : 'not a PNG'} (node make-icons.js remakes it)`);
    }
    zip.addFile(icon, bytes);
  }
  const out = path.resolve(args.out || path.join(here, '..', '..', 'artifacts', 'teams', 'EscalationBot.zip'));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  zip.writeZip(out);
  console.log(`Wrote ${out}: the Teams app ${botId} for https://${host}/`);
  if (!args.website || !args.privacy || !args.terms) {
    console.log('The developer links default to the bot\'s own address: pass --website, --privacy and --terms to '
      + 'name your organisation\'s pages on the app\'s About tab.');
  }
}

main().catch(e => fail(e.stack || String(e)));
