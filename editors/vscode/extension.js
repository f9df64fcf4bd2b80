'use strict';
// Starts `ngnc lsp` (the language server, speaking LSP over stdio) for .ngn files. The grammar and
// language configuration work without it; when ngnc cannot be started the user gets one message.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverCommand() {
  const configured = vscode.workspace.getConfiguration('ngn').get('ngncPath');
  return typeof configured === 'string' && configured.trim() !== '' ? configured.trim() : 'ngnc';
}

async function start(context) {
  const command = serverCommand();
  const run = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('ngn', 'ngn language server', { run, debug: run }, {
    documentSelector: [{ scheme: 'file', language: 'ngn' }, { scheme: 'untitled', language: 'ngn' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.ngn') },
  });
  try {
    await client.start();
  } catch (e) {
    client = undefined;
    vscode.window.showErrorMessage(
      `ngn: could not start "${command} lsp" (${e && e.message ? e.message : e}). ` +
        'Set "ngn.ngncPath" to the ngnc command (e.g. /path/to/ngnc/bin/ngnc).');
  }
}

async function stop() {
  if (!client) return;
  const c = client;
  client = undefined;
  await c.stop();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // a new ngnc path only takes effect with a new server process
      if (e.affectsConfiguration('ngn.ngncPath')) {
        await stop();
        await start(context);
      }
    }),
    { dispose: () => { stop(); } },
  );
  await start(context);
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
