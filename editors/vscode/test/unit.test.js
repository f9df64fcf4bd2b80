'use strict';
// Focused cases with the exact scopes expected for each token.
const test = require('node:test');
const assert = require('node:assert/strict');
const vsctm = require('vscode-textmate');
const { loadGrammar, check, GRAMMAR } = require('./lib/scopes');

/** [text, innermost-first scopes without source.ngn] for each non-blank token of `src`. */
async function tokens(src) {
  const g = await loadGrammar();
  let stack = vsctm.INITIAL;
  const out = [];
  for (const line of src.split('\n')) {
    const r = g.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      const text = line.slice(t.startIndex, t.endIndex);
      if (text.trim() === '') continue;
      out.push([text, t.scopes.slice(1).join(' ')]);
    }
    stack = r.ruleStack;
  }
  return out;
}

test('function declaration with typed parameters', async () => {
  assert.deepEqual(await tokens('fn add(a: i64, b: array<f64>) string {'), [
    ['fn', 'storage.type.function.ngn'],
    ['add', 'entity.name.function.ngn'],
    ['(', 'punctuation.brackets.round.ngn'],
    ['a', 'variable.other.ngn'],
    [':', 'punctuation.separator.colon.ngn'],
    ['i64', 'support.type.primitive.ngn'],
    [',', 'punctuation.separator.comma.ngn'],
    ['b', 'variable.other.ngn'],
    [':', 'punctuation.separator.colon.ngn'],
    ['array', 'support.type.primitive.ngn'],
    ['<', 'keyword.operator.comparison.ngn'],
    ['f64', 'support.type.primitive.ngn'],
    ['>', 'keyword.operator.comparison.ngn'],
    [')', 'punctuation.brackets.round.ngn'],
    ['string', 'support.type.primitive.ngn'],
    ['{', 'punctuation.section.braces.begin.ngn'],
  ]);
});

test('model, role, enum and extend name their types', async () => {
  const t = await tokens('model User {}\nrole Greeter {}\nenum Color {}\nextend map {}');
  assert.deepEqual(t.filter(([, s]) => !s.startsWith('punctuation')), [
    ['model', 'storage.type.model.ngn'], ['User', 'entity.name.type.ngn'],
    ['role', 'storage.type.role.ngn'], ['Greeter', 'entity.name.type.ngn'],
    ['enum', 'storage.type.enum.ngn'], ['Color', 'entity.name.type.ngn'],
    ['extend', 'storage.type.extend.ngn'], ['map', 'keyword.other.builtin.ngn support.function.builtin.ngn'],
  ]);
});

test('numbers in every form the lexer accepts', async () => {
  assert.deepEqual(await tokens('42 3.14 5. 1..5 0..<n'), [
    ['42', 'constant.numeric.integer.ngn'],
    ['3.14', 'constant.numeric.float.ngn'],
    ['5.', 'constant.numeric.float.ngn'],
    ['1', 'constant.numeric.integer.ngn'], ['..', 'keyword.operator.range.ngn'], ['5', 'constant.numeric.integer.ngn'],
    ['0', 'constant.numeric.integer.ngn'], ['..<', 'keyword.operator.range.ngn'], ['n', 'variable.other.ngn'],
  ]);
});

test('interpolation switches to code, nests braces and strings, and the string resumes', async () => {
  const D = 'string.quoted.double.ngn';
  const I = `${D} meta.interpolation.ngn`;
  const E = `${I} meta.embedded.line.ngn`;
  assert.deepEqual(await tokens('"a ${ {k: "x${1}"}.k } b\\n"'), [
    ['"', `${D} punctuation.definition.string.begin.ngn`],
    ['a ', D],
    ['${', `${I} punctuation.section.interpolation.begin.ngn`],
    ['{', `${E} punctuation.section.braces.begin.ngn`],
    ['k', `${E} variable.other.ngn`],
    [':', `${E} punctuation.separator.colon.ngn`],
    ['"', `${E} string.quoted.double.ngn punctuation.definition.string.begin.ngn`],
    ['x', `${E} string.quoted.double.ngn`],
    ['${', `${E} string.quoted.double.ngn meta.interpolation.ngn punctuation.section.interpolation.begin.ngn`],
    ['1', `${E} string.quoted.double.ngn meta.interpolation.ngn meta.embedded.line.ngn constant.numeric.integer.ngn`],
    ['}', `${E} string.quoted.double.ngn meta.interpolation.ngn punctuation.section.interpolation.end.ngn`],
    ['"', `${E} string.quoted.double.ngn punctuation.definition.string.end.ngn`],
    ['}', `${E} punctuation.section.braces.end.ngn`],
    ['.', `${E} punctuation.accessor.ngn`],
    ['k', `${E} variable.other.ngn`],
    ['}', `${I} punctuation.section.interpolation.end.ngn`],
    [' b', D],
    ['\\n', `${D} constant.character.escape.ngn`],
    ['"', `${D} punctuation.definition.string.end.ngn`],
  ]);
});

test('comments, single quotes, tbx:: paths, regex versus division', async () => {
  assert.deepEqual(await tokens("import { assert } from tbx::test // \"not a string\nx = a / 2 /* c */ 'q'\nm = /a\\/b/i"), [
    ['import', 'keyword.control.import.ngn'], ['{', 'punctuation.section.braces.begin.ngn'],
    ['assert', 'variable.other.ngn'], ['}', 'punctuation.section.braces.end.ngn'],
    ['from', 'keyword.control.import.ngn'],
    ['tbx', 'entity.name.namespace.toolbox.ngn'], ['::', 'punctuation.separator.namespace.ngn'],
    ['test', 'variable.other.ngn'],
    ['//', 'comment.line.double-slash.ngn punctuation.definition.comment.ngn'],
    [' "not a string', 'comment.line.double-slash.ngn'],
    ['x', 'variable.other.ngn'], ['=', 'keyword.operator.assignment.ngn'], ['a', 'variable.other.ngn'],
    ['/', 'keyword.operator.arithmetic.ngn'], ['2', 'constant.numeric.integer.ngn'],
    ['/*', 'comment.block.ngn punctuation.definition.comment.ngn'], [' c ', 'comment.block.ngn'],
    ['*/', 'comment.block.ngn punctuation.definition.comment.ngn'],
    ["'", 'string.quoted.single.ngn punctuation.definition.string.begin.ngn'], ['q', 'string.quoted.single.ngn'],
    ["'", 'string.quoted.single.ngn punctuation.definition.string.end.ngn'],
    ['m', 'variable.other.ngn'], ['=', 'keyword.operator.assignment.ngn'],
    ['/', 'string.regexp.ngn punctuation.definition.string.begin.ngn'], ['a', 'string.regexp.ngn'],
    ['\\/', 'string.regexp.ngn constant.character.escape.ngn'], ['b', 'string.regexp.ngn'],
    ['/', 'string.regexp.ngn punctuation.definition.string.end.ngn'], ['i', 'string.regexp.ngn keyword.other.regex-flags.ngn'],
  ]);
});

test('a string spanning lines stays a string until the lexer ends it, then code resumes', async () => {
  const { problems } = await check('x = "one\n two ${n}\nthree" + y\nreturn /r/\n');
  assert.deepEqual(problems, []);
});

test('identifiers never start with _ or a digit: `_fn` and `1fn` end in the keyword fn', async () => {
  assert.deepEqual(await tokens('x_fn = _fn + 1fn'), [
    ['x_fn', 'variable.other.ngn'], ['=', 'keyword.operator.assignment.ngn'],
    ['_', 'variable.language.wildcard.ngn'], ['fn', 'storage.type.function.ngn'],
    ['+', 'keyword.operator.arithmetic.ngn'],
    ['1', 'constant.numeric.integer.ngn'], ['fn', 'storage.type.function.ngn'],
  ]);
  assert.deepEqual((await check('x_fn = _fn + 1fn\n')).problems, []);
});

test('the lexer comparison fails for grammars that disagree with the compiler', async () => {
  const fs = require('fs');
  const good = JSON.parse(fs.readFileSync(GRAMMAR, 'utf8'));
  const src = 'fn f() {\n  // "no string\n  x = "a ${ {k: 1}.k } b" + c\n}\n';
  assert.deepEqual((await check(src)).problems, []);
  const broken = (edit) => { const g = structuredClone(good); edit(g.repository); return JSON.stringify(g); };
  const cases = {
    'no line comments': (r) => { r.comments.patterns.shift(); },
    'interpolation does not nest braces': (r) => { r.interpolation.patterns = [{ include: '#numbers' }, { include: '#identifiers' }]; },
    'no interpolation at all': (r) => { r.strings.patterns.forEach((p) => { p.patterns = [{ include: '#string-escape' }]; }); },
    'fn is not a keyword': (r) => { r.declarations.patterns.shift(); },
  };
  for (const [name, edit] of Object.entries(cases)) {
    const { problems } = await check(src, broken(edit));
    assert.ok(problems.length > 0, `${name}: the check found nothing`);
  }
});
