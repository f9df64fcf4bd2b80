/**
 * The HTTP server (module runtime-http, on Helidon SE): {@code serve} and {@code export default {fetch}}
 * ({@link dev.ngnc.rt.http.HttpServer}), the per-connection guard and watchdog, and the server's models
 * ({@code Request}, streaming, SSE and WebSocket responses). Sits above every runtime-lib package and is bundled
 * only into programs that name it. Invariant: each request's handler runs as the root fiber of a fresh scheduler
 * on the connection's virtual thread ({@code Fibers.runRoot}), so handlers may block like any fiber.
 */
package dev.ngnc.rt.http;
