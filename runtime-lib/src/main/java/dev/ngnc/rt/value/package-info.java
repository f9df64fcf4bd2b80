/**
 * ngn's run-time values and the operations on them: the containers ({@link dev.ngnc.rt.value.NgnArray}, maps,
 * sets, tuples, objects, models, enums incl. Maybe/Result, ranges, bytes), closures ({@link
 * dev.ngnc.rt.value.NgnFn}), {@code state} cells ({@link dev.ngnc.rt.value.NgnState}), regexes, {@code void}
 * ({@link dev.ngnc.rt.value.Unit}) and the u8 box; equality, hashing and kind names ({@link
 * dev.ngnc.rt.value.Values}), printing ({@link dev.ngnc.rt.value.Fmt}), strings ({@link dev.ngnc.rt.value.Str}),
 * checked integer arithmetic ({@link dev.ngnc.rt.value.Num}) and untyped operations ({@link
 * dev.ngnc.rt.value.Dyn}). They form one package because they name each other (printing and equality cover every
 * kind; a container prints its elements).
 *
 * <p>Invariants: containers are copy-on-write — {@code share()} only sets a flag, mutation goes through {@code
 * writable()}, so an alias never sees another alias's change. Nothing here blocks except a {@code state} update
 * waiting for its {@code FiberLock} (so this package depends on {@code rt.fiber}, never the reverse). It names no
 * package above it: a value defined higher up that prints itself implements {@link
 * dev.ngnc.rt.value.Fmt.Formatted}.
 */
package dev.ngnc.rt.value;
