'use strict';
// Shared by the tests. Tokenises ngn sources with the extension's TextMate grammar (vscode-textmate + oniguruma, the
// engine VS Code uses) and checks the scopes against the ranges the compiler's lexer would produce
// (test/reference-lexer.js, a mirror of Lexer.java whose keyword set is read from TokenKind.java).
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');
const { lex, readKeywords, ROOT } = require('./reference-lexer');

const EXT = path.resolve(__dirname, '..', '..');
const GRAMMAR = path.join(EXT, 'syntaxes', 'ngn.tmLanguage.json');
const CORPUS = process.env.NGN_CONFORMANCE_DIR || path.resolve(ROOT, '..', 'shared', 'conformance');

let onigPromise;
const grammars = new Map();
/** The grammar from `text` (default: the extension's JSON file); tests pass a broken one to see the checks fail. */
function loadGrammar(text = fs.readFileSync(GRAMMAR, 'utf8')) {
  onigPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })();
  if (!grammars.has(text)) grammars.set(text, onigPromise.then(() => {
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (p) => new oniguruma.OnigScanner(p),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) =>
        scopeName === 'source.ngn' ? vsctm.parseRawGrammar(text, GRAMMAR) : null,
    });
    return registry.loadGrammar('source.ngn');
  }));
  return grammars.get(text);
}

/** Scopes of every UTF-16 offset of `src` (newline offsets get the scopes of the line's end). */
async function scopesPerChar(src, grammarText) {
  const grammar = await loadGrammar(grammarText);
  const perChar = new Array(src.length);
  let stack = vsctm.INITIAL;
  let offset = 0;
  for (const line of src.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) perChar[offset + i] = t.scopes;
    }
    if (offset + line.length < src.length) perChar[offset + line.length] = r.tokens.at(-1)?.scopes ?? ['source.ngn'];
    stack = r.ruleStack;
    offset += line.length + 1;
  }
  return perChar;
}

/** Scopes that decide what a character is: those inside the innermost embedded-code scope. */
function effective(scopes) {
  let i = -1;
  scopes.forEach((s, k) => { if (s.startsWith('meta.embedded')) i = k; });
  return scopes.slice(i + 1);
}
const has = (scopes, prefix) => scopes.some((s) => s.startsWith(prefix));
const isStringy = (scopes) => has(effective(scopes), 'string.');
const isComment = (scopes) => has(effective(scopes), 'comment.');

function where(src, off) {
  const before = src.slice(0, off);
  const line = before.split('\n').length;
  const col = off - before.lastIndexOf('\n');
  const text = src.split('\n')[line - 1];
  return `${line}:${col} in ${JSON.stringify(text.length > 100 ? text.slice(0, 100) + '…' : text)}`;
}

/** Every property the brief asks for, for one source; returns the list of problems. */
async function check(src, grammarText) {
  const ref = lex(src);
  const sc = await scopesPerChar(src, grammarText);
  const problems = [];
  const fail = (off, msg) => { if (problems.length < 20) problems.push(`${where(src, off)}: ${msg} (scopes: ${sc[off].join(' ')})`); };
  const kind = new Array(src.length).fill('code'); // what the lexer says each offset is

  // strings and comments nested in interpolations win over the enclosing "code" marking; nesting
  // depth order is start order, so re-apply in order of start
  const nested = [
    ...ref.strings.map((s) => ({ ...s, k: 'string' })),
    ...ref.comments.map((s) => ({ ...s, k: 'comment' })),
    ...ref.regexes.map((s) => ({ ...s, k: 'regex' })),
    ...ref.interps.map((s) => ({ ...s, k: 'interp' })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const n of nested) {
    if (n.k === 'interp') {
      kind[n.start] = kind[n.start + 1] = 'interp-delim';
      for (let i = n.start + 2; i < n.end - 1; i++) kind[i] = 'code';
      if (src[n.end - 1] === '}') kind[n.end - 1] = 'interp-delim';
      else kind[n.end - 1] = 'code';
    } else for (let i = n.start; i < n.end; i++) kind[i] = n.k;
  }

  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    const s = sc[i];
    if (ch === '\n' || ch === '\r') continue;
    switch (kind[i]) {
      case 'comment':
        if (!isComment(s)) fail(i, 'lexer: comment, grammar: not comment');
        break;
      case 'string':
        if (!isStringy(s)) fail(i, 'lexer: string, grammar: not string');
        break;
      case 'regex':
        if (!has(effective(s), 'string.regexp')) fail(i, 'lexer: regex, grammar: not regex');
        break;
      case 'interp-delim':
        if (!has(s, 'punctuation.section.interpolation')) fail(i, 'lexer: ${ or }, grammar: not interpolation punctuation');
        break;
      default:
        if (/\s/.test(ch)) break;
        if (isStringy(s)) fail(i, 'lexer: code, grammar: string (a string scope leaked)');
        else if (isComment(s)) fail(i, 'lexer: code, grammar: comment');
    }
  }
  for (const k of ref.keywords) {
    if (kind[k.start] !== 'code') continue; // a keyword-spelled word inside a string is no token
    for (let i = k.start; i < k.end; i++) {
      const e = effective(sc[i]);
      if (!has(e, 'keyword.') && !has(e, 'storage.')) { fail(i, `keyword '${k.word}' has no keyword.*/storage.* scope`); break; }
    }
  }
  return { problems, ref };
}

module.exports = { check, scopesPerChar, loadGrammar, GRAMMAR, CORPUS, ROOT, readKeywords };
