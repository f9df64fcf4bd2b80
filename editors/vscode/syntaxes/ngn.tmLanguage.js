// Source of syntaxes/ngn.tmLanguage.json: regexes written here once (String.raw) instead of
// double-escaped in JSON, and the identifier/keyword character classes shared by every rule.
// Regenerate with `node syntaxes/ngn.tmLanguage.js`; the test fails when the JSON is stale.
const ID_START = String.raw`\p{Alphabetic}\x{1F000}-\x{1F02F}\x{1F0A0}-\x{1F0FF}\x{1F1E6}-\x{1F1FF}\x{1F300}-\x{1F64F}\x{1F680}-\x{1FAFF}\x{2300}-\x{23FF}\x{2600}-\x{27BF}\x{2B00}-\x{2BFF}`;
const ID_CONT = ID_START + String.raw`\p{Nd}\p{Nl}\p{No}_\x{FE0F}\x{FE0E}\x{200D}\x{20E3}`;
const IDENT = `[${ID_START}][${ID_CONT}]*`;
const END = `(?![${ID_CONT}])`;
const kw = (words) => `(?:${words.join('|')})${END}`;
const nonValueKw = ['var','const','global','type','fn','return','if','while','once','loop','for','in','match','next','break','import','export','default','from','as','enum','model','role','extend','with','check','null','print','echo','sleep','thread','channel','bytes','state','map','set'];
const ALL_KW = [...nonValueKw, 'true', 'false', 'this'];
// a declared name is never a reserved word: `extend map {` extends the built-in map type
const NAME = `(?!(?:${ALL_KW.join('|')})${END})(${IDENT})`;
const g = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'ngn',
  scopeName: 'source.ngn',
  fileTypes: ['ngn'],
  patterns: [{ include: '#code' }],
  repository: {
    code: { patterns: [
      { include: '#comments' }, { include: '#strings' }, { include: '#regex' }, { include: '#division' },
      { include: '#numbers' }, { include: '#declarations' }, { include: '#module-path' }, { include: '#keywords' },
      { include: '#types' }, { include: '#calls' }, { include: '#identifiers' }, { include: '#placeholders' },
      { include: '#braces' }, { include: '#operators' }, { include: '#punctuation' },
    ] },
    comments: { patterns: [
      { name: 'comment.line.double-slash.ngn', match: '(//).*$', captures: { 1: { name: 'punctuation.definition.comment.ngn' } } },
      // not nested: the lexer ends a block comment at the first */
      { name: 'comment.block.ngn', begin: String.raw`/\*`, end: String.raw`\*/`,
        captures: { 0: { name: 'punctuation.definition.comment.ngn' } } },
    ] },
    strings: { patterns: [
      { name: 'string.quoted.double.ngn', begin: '"', end: '"',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.ngn' } },
        endCaptures: { 0: { name: 'punctuation.definition.string.end.ngn' } },
        patterns: [{ include: '#string-escape' }, { include: '#interpolation' }] },
      { name: 'string.quoted.single.ngn', begin: "'", end: "'",
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.ngn' } },
        endCaptures: { 0: { name: 'punctuation.definition.string.end.ngn' } },
        patterns: [{ include: '#string-escape' }, { include: '#interpolation' }] },
    ] },
    'string-escape': { patterns: [
      { name: 'constant.character.escape.ngn', match: String.raw`\\[ntr\\"'$]` },
      // every other escaped character stands for itself (lexer: decodeEscape default)
      { name: 'constant.character.escape.other.ngn', match: String.raw`\\(?:.|$)` },
    ] },
    interpolation: {
      name: 'meta.interpolation.ngn',
      begin: String.raw`\$\{`, end: String.raw`\}`,
      beginCaptures: { 0: { name: 'punctuation.section.interpolation.begin.ngn' } },
      endCaptures: { 0: { name: 'punctuation.section.interpolation.end.ngn' } },
      contentName: 'meta.embedded.line.ngn',
      patterns: [{ include: '#code' }],
    },
    // nested { } inside an interpolation must not close it; also gives blocks a scope everywhere
    braces: {
      begin: String.raw`\{`, end: String.raw`\}`,
      beginCaptures: { 0: { name: 'punctuation.section.braces.begin.ngn' } },
      endCaptures: { 0: { name: 'punctuation.section.braces.end.ngn' } },
      patterns: [{ include: '#code' }],
    },
    // The lexer reads '/' as division after a value (identifier, number, string, true/false/this,
    // regex, ')', ']', '}', '$') and as a regex start anywhere else. TextMate cannot see the previous
    // token, so: a value-ending character (looked behind) followed by optional spaces and '/' is
    // division; a non-value keyword before the '/' is a regex; else a '/' is a regex.
    regex: { patterns: [
      { name: 'string.regexp.ngn',
        begin: String.raw`(?<=\b(?:${nonValueKw.join('|')}))\s*(/)(?![/*])`,
        beginCaptures: { 1: { name: 'punctuation.definition.string.begin.ngn' } },
        end: String.raw`(/)([a-zA-Z]*)|$`,
        endCaptures: { 1: { name: 'punctuation.definition.string.end.ngn' }, 2: { name: 'keyword.other.regex-flags.ngn' } },
        patterns: [{ include: '#regex-escape' }] },
      { name: 'string.regexp.ngn',
        begin: String.raw`(?<![${ID_CONT})\]}"'$])(/)(?![/*])`,
        beginCaptures: { 1: { name: 'punctuation.definition.string.begin.ngn' } },
        end: String.raw`(/)([a-zA-Z]*)|$`,
        endCaptures: { 1: { name: 'punctuation.definition.string.end.ngn' }, 2: { name: 'keyword.other.regex-flags.ngn' } },
        patterns: [{ include: '#regex-escape' }] },
    ] },
    'regex-escape': { patterns: [{ name: 'constant.character.escape.ngn', match: String.raw`\\.` }] },
    division: { patterns: [
      { match: String.raw`(?<=[${ID_CONT})\]}"'$])\s*(/=?)(?![/*])`, captures: { 1: { name: 'keyword.operator.arithmetic.ngn' } } },
    ] },
    // only decimal digits; "5." is a float, "1..5" an int range (no hex, exponents or separators)
    numbers: { patterns: [
      { name: 'constant.numeric.float.ngn', match: String.raw`[0-9]+\.(?!\.)[0-9]*` },
      { name: 'constant.numeric.integer.ngn', match: '[0-9]+' },
    ] },
    declarations: { patterns: [
      { match: String.raw`(fn)${END}\s*${NAME}?`,
        captures: { 1: { name: 'storage.type.function.ngn' }, 2: { name: 'entity.name.function.ngn' } } },
      { match: String.raw`(model|role|enum|extend|type)${END}\s*${NAME}?`,
        captures: { 1: { name: 'storage.type.$1.ngn' }, 2: { name: 'entity.name.type.ngn' } } },
      { match: String.raw`(var|const|global)${END}`, name: 'storage.type.variable.ngn' },
    ] },
    'module-path': { patterns: [
      { match: String.raw`(tbx)(::)`, captures: { 1: { name: 'entity.name.namespace.toolbox.ngn' }, 2: { name: 'punctuation.separator.namespace.ngn' } } },
      { match: String.raw`(${IDENT})(::)`, captures: { 1: { name: 'entity.name.namespace.ngn' }, 2: { name: 'punctuation.separator.namespace.ngn' } } },
    ] },
    keywords: { patterns: [
      { name: 'keyword.control.flow.ngn', match: kw(['return', 'if', 'while', 'once', 'loop', 'for', 'in', 'match', 'next', 'break', 'check']) },
      { name: 'keyword.control.import.ngn', match: kw(['import', 'export', 'default', 'from', 'as']) },
      { name: 'keyword.other.with.ngn', match: kw(['with']) },
      // language constants: the outer keyword scope marks them reserved, the inner one colours them
      { name: 'keyword.other.constant.ngn constant.language.$0.ngn', match: kw(['null', 'true', 'false']) },
      { name: 'keyword.other.this.ngn variable.language.this.ngn', match: kw(['this']) },
      // reserved words that head calls (print(x), channel<T>(), map<K, V>() ...)
      { name: 'keyword.other.builtin.ngn support.function.builtin.ngn', match: kw(['print', 'echo', 'sleep', 'thread', 'channel', 'bytes', 'state', 'map', 'set']) },
    ] },
    types: { patterns: [
      { name: 'support.type.primitive.ngn', match: kw(['i8', 'i16', 'i32', 'i64', 'u8', 'u16', 'u32', 'u64', 'f32', 'f64', 'string', 'bool', 'void', 'any', 'number', 'array', 'tuple']) },
      { name: 'support.type.builtin.ngn', match: kw(['Result', 'Maybe']) },
      { name: 'support.function.constructor.ngn', match: kw(['Ok', 'Err', 'Some', 'None']) },
      { name: 'entity.name.type.ngn', match: `[A-Z][${ID_CONT}]*` },
    ] },
    calls: { patterns: [
      { match: `(${IDENT})(?=\\s*\\()`, captures: { 1: { name: 'entity.name.function.call.ngn' } } },
    ] },
    identifiers: { patterns: [{ name: 'variable.other.ngn', match: IDENT }] },
    placeholders: { patterns: [
      { name: 'variable.language.placeholder.ngn', match: String.raw`\$[0-9]*` },
      { name: 'variable.language.wildcard.ngn', match: '_' },
    ] },
    operators: { patterns: [
      { name: 'storage.type.function.arrow.ngn', match: '=>' },
      { name: 'keyword.operator.channel.ngn', match: String.raw`<-\??` },
      { name: 'keyword.operator.pipe.ngn', match: String.raw`\|>` },
      { name: 'keyword.operator.spread.ngn', match: String.raw`\.\.\.` },
      { name: 'keyword.operator.range.ngn', match: String.raw`\.\.<?` },
      { name: 'keyword.operator.optional.ngn', match: String.raw`\?\?|\?\.` },
      { name: 'keyword.operator.assignment.compound.ngn', match: String.raw`\*\*=|[+\-*%^]=` },
      { name: 'keyword.operator.comparison.ngn', match: '==|!=|<=|>=|<|>' },
      { name: 'keyword.operator.logical.ngn', match: String.raw`&&|\|\||!` },
      { name: 'keyword.operator.assignment.ngn', match: '=' },
      { name: 'keyword.operator.arithmetic.ngn', match: String.raw`\*\*|[+\-*%^]` },
      { name: 'keyword.operator.union.ngn', match: String.raw`\|` },
      { name: 'keyword.operator.optional.ngn', match: String.raw`\?` },
    ] },
    punctuation: { patterns: [
      { name: 'punctuation.separator.namespace.ngn', match: '::' },
      { name: 'punctuation.separator.comma.ngn', match: ',' },
      { name: 'punctuation.accessor.ngn', match: String.raw`\.` },
      { name: 'punctuation.separator.colon.ngn', match: ':' },
      { name: 'punctuation.brackets.round.ngn', match: String.raw`[()]` },
      { name: 'punctuation.brackets.square.ngn', match: String.raw`[\[\]]` },
      { name: 'punctuation.section.braces.end.ngn', match: String.raw`\}` },
    ] },
  },
};
const text = JSON.stringify(g, null, 2) + '\n';
module.exports = { text, nonValueKeywords: nonValueKw };
if (require.main === module) {
  require('fs').writeFileSync(require('path').join(__dirname, 'ngn.tmLanguage.json'), text);
}
