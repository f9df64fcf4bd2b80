'use strict';
// A JavaScript mirror of the parts of compiler/src/main/java/dev/ngnc/lexer/Lexer.java that decide
// what is a keyword, comment, string (with ${...} parts), regex or code. The grammar test compares
// the TextMate scopes against these ranges, so the grammar has to agree with the compiler.
// The keyword set is read from TokenKind.java, never listed here.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const LEXER_DIR = path.join(ROOT, 'compiler', 'src', 'main', 'java', 'dev', 'ngnc', 'lexer');

function readKeywords() {
  const src = fs.readFileSync(path.join(LEXER_DIR, 'TokenKind.java'), 'utf8');
  const words = [...src.matchAll(/[A-Z_]+\("([^"]+)",\s*Category\.KEYWORD\)/g)].map((m) => m[1]);
  if (words.length < 20) throw new Error(`found only ${words.length} keywords in TokenKind.java; did its format change?`);
  return new Set(words);
}

/** Token kinds after which the lexer reads '/' as division (Lexer.slashIsDivision), as JS kinds/words. */
function readDivisionAfter() {
  const src = fs.readFileSync(path.join(LEXER_DIR, 'Lexer.java'), 'utf8');
  const m = src.match(/slashIsDivision[\s\S]*?case ([A-Z_, ]+) -> true/);
  if (!m) throw new Error('could not find slashIsDivision in Lexer.java');
  return new Set(m[1].split(',').map((s) => s.trim()));
}

// IdentifierChars.java, restated with JS Unicode property escapes.
const EMOJI = /[\u{1F000}-\u{1F02F}\u{1F0A0}-\u{1F0FF}\u{1F1E6}-\u{1F1FF}\u{1F300}-\u{1F64F}\u{1F680}-\u{1FAFF}\u{2300}-\u{23FF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]/u;
const isStart = (ch) => /\p{Alphabetic}/u.test(ch) || EMOJI.test(ch);
const isContinue = (ch) => isStart(ch) || /[\p{Nd}\p{Nl}\p{No}_\u{FE0F}\u{FE0E}\u{200D}\u{20E3}]/u.test(ch);
const isDigit = (c) => c >= '0' && c <= '9';

const PUNCT_KIND = { ')': 'RPAREN', ']': 'RBRACKET', '}': 'RBRACE' };

/**
 * Lexes `src`; returns { keywords, comments, strings, regexes } where each entry is
 * { start, end } (UTF-16 offsets, end exclusive); strings also carry `interps`: [{ start, end }]
 * ranges of the `${`...`}` parts including their delimiters.
 */
function lex(src, keywords = readKeywords(), divisionAfter = readDivisionAfter()) {
  const out = { keywords: [], comments: [], strings: [], regexes: [], interps: [] };
  let pos = 0;

  // Lexes tokens until EOF, or (inside an interpolation) until the '}' that balances '${'.
  function run(inInterp) {
    let prev = null; // kind of the last significant token, as in Lexer.next(prev)
    let depth = 0;
    for (;;) {
      // whitespace and comments
      for (;;) {
        if (pos >= src.length) return;
        const c = src[pos];
        if (' \t\r\f\u000B\uFEFF'.includes(c)) { pos++; continue; }
        if (c === '/' && src[pos + 1] === '/') {
          const s = pos;
          while (pos < src.length && src[pos] !== '\n') pos++;
          out.comments.push({ start: s, end: pos });
          continue;
        }
        if (c === '/' && src[pos + 1] === '*') {
          const s = pos;
          const close = src.indexOf('*/', pos + 2);
          pos = close < 0 ? src.length : close + 2;
          out.comments.push({ start: s, end: pos });
          if (src.slice(s, pos).includes('\n')) prev = 'NEWLINE';
          continue;
        }
        break;
      }
      const start = pos;
      const c = src[pos];
      if (c === '\n') { pos++; prev = 'NEWLINE'; continue; }
      if (isDigit(c)) {
        while (pos < src.length && isDigit(src[pos])) pos++;
        if (src[pos] === '.' && src[pos + 1] !== '.') {
          pos++;
          while (pos < src.length && isDigit(src[pos])) pos++;
          prev = 'FLOAT';
        } else prev = 'INT';
        continue;
      }
      if (c === '"' || c === "'") { lexString(c); prev = 'STRING'; continue; }
      if (c === '/' && !(prev && divisionAfter.has(prev))) { lexRegex(); prev = 'REGEX'; continue; }
      const cp = String.fromCodePoint(src.codePointAt(pos));
      if (isStart(cp)) {
        while (pos < src.length) {
          const ch = String.fromCodePoint(src.codePointAt(pos));
          if (!isContinue(ch)) break;
          pos += ch.length;
        }
        const word = src.slice(start, pos);
        if (keywords.has(word)) { out.keywords.push({ start, end: pos, word }); prev = word.toUpperCase(); }
        else prev = 'IDENT';
        continue;
      }
      if (c === '$') {
        pos++;
        while (pos < src.length && isDigit(src[pos])) pos++;
        prev = 'DOLLAR';
        continue;
      }
      // Operators: the exact operator does not matter here, only '{'/'}' balance, the kinds that
      // make '/' a division, and that "<-" etc. are consumed whole (none of them contain quotes).
      if (inInterp && c === '{') depth++;
      if (inInterp && c === '}') {
        if (depth === 0) { pos++; return; }
        depth--;
      }
      const three = src.slice(pos, pos + 3);
      const two = src.slice(pos, pos + 2);
      if (['...', '..<', '<-?', '**='].includes(three)) pos += 3;
      else if (['::', '?.', '??', '=>', '|>', '||', '..', '<-', '<=', '>=', '==', '!=', '&&', '+=', '-=', '*=', '/=', '%=', '^=', '**'].includes(two)) pos += 2;
      else pos += cp.length;
      prev = PUNCT_KIND[c] && pos === start + 1 ? PUNCT_KIND[c] : 'PUNCT';
    }
  }

  function lexString(quote) {
    const start = pos;
    pos++;
    const interps = [];
    while (pos < src.length) {
      const c = src[pos];
      if (c === quote) { pos++; out.strings.push({ start, end: pos, interps }); return; }
      if (c === '\\') {
        if (pos + 1 >= src.length) { pos++; break; }
        pos += 1 + String.fromCodePoint(src.codePointAt(pos + 1)).length;
        continue;
      }
      if (c === '$' && src[pos + 1] === '{') {
        const s = pos;
        pos += 2;
        run(true);
        const r = { start: s, end: pos };
        interps.push(r);
        out.interps.push(r);
        continue;
      }
      pos++;
    }
    out.strings.push({ start, end: pos, interps, unterminated: true });
  }

  function lexRegex() {
    const start = pos;
    pos++;
    let closed = false;
    while (pos < src.length) {
      const c = src[pos];
      if (c === '\n') break;
      if (c === '\\' && pos + 1 < src.length && src[pos + 1] !== '\n') { pos += 2; continue; }
      if (c === '/') { closed = true; pos++; break; }
      pos++;
    }
    while (closed && pos < src.length && /[a-zA-Z]/.test(src[pos])) pos++;
    out.regexes.push({ start, end: pos });
  }

  run(false);
  return out;
}

module.exports = { lex, readKeywords, readDivisionAfter, ROOT };
