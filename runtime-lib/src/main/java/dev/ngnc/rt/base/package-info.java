/**
 * {@link dev.ngnc.rt.base.NgnError}, the one exception type of ngn run-time failures (and of the runtime's own
 * internal errors), which every other runtime package throws. Invariant: this package names no other runtime
 * package, so any of them may depend on it, the fiber engine included.
 */
package dev.ngnc.rt.base;
