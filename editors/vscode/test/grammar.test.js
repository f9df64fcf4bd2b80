'use strict';
// Every corpus program and example, tokenised with the grammar, agrees with the compiler's lexer
// on keywords, comments, strings, interpolations and regexes (see lib/scopes.js for the checks).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { check, GRAMMAR, CORPUS, ROOT, readKeywords } = require('./lib/scopes');

function ngnFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'target' && e.name !== 'node_modules') out.push(...ngnFiles(p));
    else if (e.isFile() && e.name.endsWith('.ngn')) out.push(p);
  }
  return out.sort();
}

test('the JSON grammar is what syntaxes/ngn.tmLanguage.js writes', () => {
  const { text } = require('../syntaxes/ngn.tmLanguage.js');
  assert.equal(fs.readFileSync(GRAMMAR, 'utf8'), text, 'stale grammar: run `node syntaxes/ngn.tmLanguage.js`');
});

test('the keyword list comes from TokenKind.java and the grammar knows every keyword', async () => {
  const kws = readKeywords();
  for (const w of ['fn', 'model', 'role', 'enum', 'extend', 'match', 'this', 'map']) assert.ok(kws.has(w), w);
  const { problems } = await check([...kws].join('\n') + '\n');
  assert.deepEqual(problems, []);
});

for (const [name, dir] of [['conformance corpus', CORPUS], ['examples', path.join(ROOT, 'examples')]]) {
  test(`every ${name} program`, async (t) => {
    if (!fs.existsSync(dir)) { t.skip(`${dir} is absent`); return; }
    const files = ngnFiles(dir);
    assert.ok(files.length > 0, `no .ngn files under ${dir}`);
    const failures = [];
    let strings = 0, interps = 0, keywords = 0, regexes = 0, comments = 0;
    for (const f of files) {
      const { problems, ref } = await check(fs.readFileSync(f, 'utf8'));
      strings += ref.strings.length; interps += ref.interps.length; keywords += ref.keywords.length; regexes += ref.regexes.length; comments += ref.comments.length;
      if (problems.length) failures.push(`${path.relative(dir, f)}:\n  ${problems.join('\n  ')}`);
    }
    t.diagnostic(`${files.length} files, ${keywords} keywords, ${strings} strings, ${interps} interpolations, ${regexes} regexes, ${comments} comments`);
    assert.equal(failures.length, 0, `${failures.length} of ${files.length} files disagree with the lexer:\n${failures.join('\n')}`);
  });
}

