'use strict';
// The wiring VS Code reads from package.json and language-configuration.json: a typo there
// silently disables the grammar or the server, so check that the pieces point at each other.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const EXT = path.resolve(__dirname, '..');
const read = (f) => JSON.parse(fs.readFileSync(path.join(EXT, f), 'utf8'));

test('package.json contributes the language, grammar, setting and activation', () => {
  const pkg = read('package.json');
  const lang = pkg.contributes.languages.find((l) => l.id === 'ngn');
  assert.deepEqual(lang.extensions, ['.ngn']);
  assert.ok(fs.existsSync(path.join(EXT, lang.configuration)));
  const g = pkg.contributes.grammars.find((x) => x.language === 'ngn');
  assert.equal(read(g.path).scopeName, g.scopeName);
  assert.ok(pkg.activationEvents.includes('onLanguage:ngn'));
  assert.equal(pkg.contributes.configuration.properties['ngn.ngncPath'].default, 'ngnc');
  assert.ok(fs.existsSync(path.join(EXT, pkg.main)));
  assert.ok(pkg.dependencies['vscode-languageclient'], 'the client must be a runtime dependency, bundled by vsce');
});

test('language configuration: comments, pairs and indentation rules that compile', () => {
  const c = read('language-configuration.json');
  assert.equal(c.comments.lineComment, '//');
  assert.deepEqual(c.comments.blockComment, ['/*', '*/']);
  const opens = c.autoClosingPairs.map((p) => p.open);
  for (const o of ['{', '[', '(', '"', "'", '${']) assert.ok(opens.includes(o), o);
  const inc = new RegExp(c.indentationRules.increaseIndentPattern);
  const dec = new RegExp(c.indentationRules.decreaseIndentPattern);
  assert.ok(inc.test('fn main() {') && inc.test('x = [') && !inc.test('x = { a: 1 }'));
  assert.ok(dec.test('  }') && !dec.test('  x }'));
  new RegExp(c.wordPattern, 'u');
});
