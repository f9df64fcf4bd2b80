/**
 * The runtime's entry package: what a program's generated code starts with and reports through — {@link
 * dev.ngnc.rt.Rt} (start-up, run-time error reports, exit), {@link dev.ngnc.rt.Out} (stdout), {@link
 * dev.ngnc.rt.Fibers} ({@code thread}, {@code sleep}, the main scheduler), {@link dev.ngnc.rt.Spawn} (worker
 * pools), {@link dev.ngnc.rt.TestAssert}, {@link dev.ngnc.rt.AotTraining} and the backtrace folding.
 *
 * <p>Layers (no cycles; {@code PackageCycleTest} checks the class files): {@code base} ← {@code fiber} ← {@code
 * value} ← {@code channel} ← this package ← {@code tbx} ← {@code http} (module runtime-http). The compiler names
 * the classes generated code may call in one table, {@code dev.ngnc.types.RtApi}; every other runtime class is an
 * internal of its package.
 */
package dev.ngnc.rt;
