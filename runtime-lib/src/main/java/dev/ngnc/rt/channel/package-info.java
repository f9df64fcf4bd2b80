/**
 * {@link dev.ngnc.rt.channel.NgnChannel}: ngn's bounded channels, used by {@code thread}, {@code spawn}, {@code
 * fetch} and the process streams to hand results between fibers and threads. Invariant: a channel's monitor
 * guards its buffer, its closed flag and its two wait sets (receivers, senders); a blocked sender or receiver
 * registers under it and parks after releasing it, and the waker unparks after releasing it (the engine's lock
 * rule, see {@code rt.fiber}). Items are delivered in send order; a receiver is woken in the reference
 * scheduler's ring order.
 */
package dev.ngnc.rt.channel;
