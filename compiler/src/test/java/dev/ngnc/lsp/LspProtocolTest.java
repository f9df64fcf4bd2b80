package dev.ngnc.lsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw bytes on the wire: malformed messages, unknown methods and non-UTF-8 text get errors, and the server keeps serving. */
class LspProtocolTest {
    @TempDir Path dir;

    @Test
    void malformedJsonUnknownMethodsAndBadBytesGetErrorsAndTheServerKeepsServing() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream toServer = new PipedOutputStream(serverIn);
        PipedInputStream fromServer = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(fromServer);
        LspServer.start(serverIn, serverOut, 10, () -> { });
        BlockingQueue<String> replies = new ArrayBlockingQueue<>(64);
        Thread reader = new Thread(() -> readFrames(fromServer, replies), "lsp-test-reader");
        reader.setDaemon(true);
        reader.start();

        String root = dir.toUri().toString();
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"rootUri\":\"" + root + "\",\"capabilities\":{}}}");
        assertTrue(awaitReply(replies, "\"id\":1").contains("capabilities"));

        // cut off mid-message: lsp4j drops what it cannot parse (one line on stderr); the next request must be served
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":");
        send(toServer, "not json at all");

        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ngn/noSuchMethod\",\"params\":{}}");
        assertTrue(awaitReply(replies, "\"id\":3").contains("-32601"));

        // a buffer with bytes that are not UTF-8 inside a JSON string
        String uri = dir.resolve("bad.ngn").toUri().toString();
        byte[] open = ("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
                + uri + "\",\"languageId\":\"ngn\",\"version\":1,\"text\":\"fn main() {\\n  print(\\\"").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\\\")\\n}\\n\"}}}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(open);
        body.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        body.write(tail);
        sendBytes(toServer, body.toByteArray());

        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\""
                + uri + "\"},\"position\":{\"line\":1,\"character\":3}}}");
        assertNotNull(awaitReply(replies, "\"id\":4"), "still serving after the bad bytes");

        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}");
        assertTrue(awaitReply(replies, "\"id\":5").contains("\"result\""));
    }

    /** A server on pipes with a frame reader, and what it logged to stderr. */
    private final class Raw implements AutoCloseable {
        final PipedOutputStream toServer;
        final BlockingQueue<String> replies = new ArrayBlockingQueue<>(64);
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final java.io.PrintStream oldErr = System.err;

        Raw() throws Exception {
            System.setErr(new java.io.PrintStream(stderr, true, StandardCharsets.UTF_8));
            PipedInputStream serverIn = new PipedInputStream(1 << 16);
            toServer = new PipedOutputStream(serverIn);
            PipedInputStream fromServer = new PipedInputStream(1 << 16);
            PipedOutputStream serverOut = new PipedOutputStream(fromServer);
            LspServer.start(serverIn, serverOut, 10, () -> { });
            Thread reader = new Thread(() -> readFrames(fromServer, replies), "lsp-test-reader");
            reader.setDaemon(true);
            reader.start();
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"rootUri\":\""
                    + dir.toUri() + "\",\"capabilities\":{}}}");
            assertTrue(awaitReply(replies, "\"id\":1").contains("capabilities"));
        }

        /** Asks for shutdown with {@code id}: answered means the server is still serving. */
        void stillServing(int id) throws Exception {
            send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"shutdown\"}");
            assertTrue(awaitReply(replies, "\"id\":" + id).contains("\"result\""));
        }

        List<String> stderrLines() {
            String text = stderr.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }

        @Override public void close() throws IOException {
            System.setErr(oldErr);
            toServer.close();
        }
    }

    @Test
    void aTruncatedBodyWithARecoverableIdIsAnsweredWithParseError() throws Exception {
        try (Raw r = new Raw()) {
            send(r.toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDoc");
            String reply = awaitReply(r.replies, "\"id\":2");
            assertTrue(reply.contains("-32700"), reply);
            r.stillServing(3);
            for (String line : r.stderrLines()) assertFalse(line.startsWith("\tat "), "no stack trace: " + r.stderrLines());
        }
    }

    @Test
    void invalidJsonIsLoggedOnOneLineAndTheNextRequestIsServed() throws Exception {
        try (Raw r = new Raw()) {
            send(r.toServer, "not json at all");
            r.stillServing(2);
            List<String> lines = r.stderrLines();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("ngnc lsp: "), lines.toString());
        }
    }

    @Test
    void aBadContentLengthHeaderDoesNotStopTheServer() throws Exception {
        try (Raw r = new Raw()) {
            r.toServer.write("Content-Length: twelve\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
            r.toServer.flush();
            r.stillServing(2);
            // too short: the body is cut, the rest is read as the next frame's header and skipped
            String body = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}";
            r.toServer.write(("Content-Length: 10\r\n\r\n" + body + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            r.toServer.flush();
            r.stillServing(4);
            int logged = r.stderrLines().size();
            // a header line before Content-Length is a valid frame: served, nothing logged
            String ok = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}";
            r.toServer.write(("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: " + ok.length()
                    + "\r\n\r\n" + ok).getBytes(StandardCharsets.US_ASCII));
            r.toServer.flush();
            assertTrue(awaitReply(r.replies, "\"id\":5").contains("\"result\""));
            assertEquals(logged, r.stderrLines().size(), r.stderrLines().toString());
        }
    }

    @Test
    void aBufferThatIsNotUtf8GetsAnErrorAndTheServerKeepsServing() throws Exception {
        try (Raw r = new Raw()) {
            String uri = dir.resolve("bad.ngn").toUri().toString();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
                    + uri + "\",\"languageId\":\"ngn\",\"version\":1,\"text\":\"fn main() {\\n  print(1)\\n  x").getBytes(StandardCharsets.UTF_8));
            body.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            body.write("\\n}\\n\"}}}".getBytes(StandardCharsets.UTF_8));
            sendBytes(r.toServer, body.toByteArray());
            String diagnostics = awaitReply(r.replies, "publishDiagnostics");
            assertTrue(diagnostics.contains("\"severity\":1"), diagnostics);
            send(r.toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\""
                    + uri + "\"},\"position\":{\"line\":1,\"character\":3}}}");
            assertNotNull(awaitReply(r.replies, "\"id\":2"));
            r.stillServing(3);
        }
    }

    private static void send(OutputStream out, String json) throws IOException {
        sendBytes(out, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(OutputStream out, byte[] body) throws IOException {
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String awaitReply(BlockingQueue<String> replies, String needle) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String r = replies.poll(1, TimeUnit.SECONDS);
            if (r == null) continue;
            if (r.contains(needle)) return r;
            seen.add(r);
        }
        throw new AssertionError("no reply containing " + needle + "; got " + seen);
    }

    private static void readFrames(InputStream in, BlockingQueue<String> replies) {
        try {
            while (true) {
                int length = -1;
                StringBuilder header = new StringBuilder();
                while (true) {
                    int b = in.read();
                    if (b < 0) return;
                    header.append((char) b);
                    if (header.toString().endsWith("\r\n\r\n")) break;
                }
                for (String line : header.toString().split("\r\n")) {
                    if (line.startsWith("Content-Length:")) length = Integer.parseInt(line.substring(15).trim());
                }
                byte[] body = in.readNBytes(length);
                replies.put(new String(body, StandardCharsets.UTF_8));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the pipe closed: the test is over
        }
    }
}
