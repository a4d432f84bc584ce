// A local stand-in for the one Teams service that every Teams client shares.
//
// The Microsoft 365 Agents Playground runs one current user per instance, and each instance is its own
// Bot Connector: a message the bot posts to the queue channel of the lead's instance would never show in the
// specialist's. In Teams there is one service, so everybody in a channel sees the same post.
//
// Each playground instance tells the bot that its serviceUrl is http://127.0.0.1:HUB/<instance port>/_connector.
// The hub forwards each Bot Connector call to that instance, and in addition:
//   - a new post (POST v3/conversations/{id}/activities) to a conversation every team member shares (a channel,
//     the group chat) goes to every instance, and the hub remembers each instance's id for it;
//   - an update or delete of such a post (PUT/DELETE .../activities/{id}) goes to every copy.
// Replies, personal chats and everything else go to the calling instance only. The bot is unchanged by this.
//
// Usage: node playground-hub.js PORT INSTANCE_PORT... [--shared ID,ID,...]
'use strict';
const http = require('http');

const args = process.argv.slice(2);
const sharedAt = args.indexOf('--shared');
const shared = new Set(sharedAt >= 0 ? args[sharedAt + 1].split(',') : []);
const [hubPort, ...instancePorts] = (sharedAt >= 0 ? args.slice(0, sharedAt) : args).map(Number);
if (!hubPort || instancePorts.length === 0) {
  console.error('usage: node playground-hub.js PORT INSTANCE_PORT... [--shared ID,ID,...]');
  process.exit(2);
}

// canonical activity id (the one the bot was given) -> { instance port: that instance's id }
const copies = new Map();

function forward(port, method, path, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const request = http.request(
      { host: '127.0.0.1', port, method, path: `/_connector/${path}`, headers: data ? { 'content-type': 'application/json', 'content-length': data.length } : {} },
      response => {
        const chunks = [];
        response.on('data', c => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      });
    request.on('error', reject);
    if (data) request.write(data);
    request.end();
  });
}

function idOf(text) {
  try { return JSON.parse(text).id; } catch { return undefined; }
}

async function handle(port, method, path, body) {
  // path: v3/conversations/{conversationId}/activities[/{activityId}]
  const match = /^v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(path);
  const conversation = match ? decodeURIComponent(match[1]).split(';')[0] : undefined;
  const activityId = match && match[2] ? decodeURIComponent(match[2]) : undefined;

  if (match && method === 'POST' && !activityId && shared.has(conversation)) {
    const first = await forward(port, method, path, body);
    const canonical = idOf(first.text);
    if (first.status < 300 && canonical) {
      const ids = { [port]: canonical };
      for (const other of instancePorts.filter(p => p !== port)) {
        const copy = await forward(other, method, path, body).catch(e => ({ status: 502, text: String(e) }));
        if (copy.status < 300 && idOf(copy.text)) ids[other] = idOf(copy.text);
      }
      copies.set(canonical, ids);
    }
    return first;
  }

  if (match && activityId && (method === 'PUT' || method === 'DELETE') && copies.has(activityId)) {
    let answer;
    for (const [instance, localId] of Object.entries(copies.get(activityId))) {
      const localPath = path.replace(/\/activities\/[^/?]+/, `/activities/${encodeURIComponent(localId)}`);
      const localBody = body && method === 'PUT' ? { ...body, id: localId } : body;
      const result = await forward(Number(instance), method, localPath, localBody).catch(e => ({ status: 502, text: String(e) }));
      if (Number(instance) === port || !answer) answer = { ...result, text: result.status < 300 && method === 'PUT' ? JSON.stringify({ id: activityId }) : result.text };
    }
    return answer;
  }

  return forward(port, method, path, body);
}

http.createServer((request, response) => {
  const chunks = [];
  request.on('data', c => chunks.push(c));
  request.on('end', async () => {
    const route = /^\/(\d+)\/_connector\/(.*)$/.exec(request.url);
    if (!route || !instancePorts.includes(Number(route[1]))) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'NotFound', message: `no playground instance behind ${request.url}` } }));
      return;
    }
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      const result = await handle(Number(route[1]), request.method, route[2], text ? JSON.parse(text) : undefined);
      response.writeHead(result.status, { 'content-type': 'application/json' });
      response.end(result.text);
    } catch (e) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'BadGateway', message: String(e) } }));
    }
  });
}).listen(hubPort, '127.0.0.1', () => console.log(`Playground hub on 127.0.0.1:${hubPort} for instances ${instancePorts.join(', ')}`));
