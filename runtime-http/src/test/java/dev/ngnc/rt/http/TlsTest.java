package dev.ngnc.rt.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ngnc.rt.base.NgnError;
import dev.ngnc.rt.value.NgnObject;

import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files: a self-signed certificate made by the test (keytool), a JDK HttpClient trusting it. */
@Timeout(60)
class TlsTest {
    @TempDir
    static Path dir;
    static Path cert;
    static Path key;
    static KeyStore keyStore;

    /** keytool makes a self-signed RSA key pair for CN=localhost (SAN 127.0.0.1); the test writes it as PEM. */
    @BeforeAll
    static void makeCertificate() throws Exception {
        Path p12 = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "srv", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", p12.toString(), "-storetype", "PKCS12", "-storepass", "secret1", "-keypass", "secret1")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        keyStore = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(p12.toFile())) {
            keyStore.load(in, "secret1".toCharArray());
        }
        Key k = keyStore.getKey("srv", "secret1".toCharArray());
        Certificate c = keyStore.getCertificate("srv");
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        key = dir.resolve("key.pem");
        cert = dir.resolve("cert.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(k.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    private static HttpClient trustingClient() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("srv", keyStore.getCertificate("srv"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static NgnObject tls(String c, String k) {
        return NgnObject.of(new String[] {"cert", "key"}, new Object[] {c, k});
    }

    @Test
    void httpsWithPemCertificate() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> ServerFixture.text(req.protocol + " " + req.path),
                "tls", tls(cert.toString(), key.toString()))) {
            assertTrue(s.url("/").startsWith("https://"));
            HttpResponse<String> r = trustingClient().send(
                    HttpRequest.newBuilder(URI.create(s.url("/secure"))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("https /secure", r.body());
            if (ServerFixture.hasCurl()) {
                String out = ServerFixture.curl("--cacert", cert.toString(), s.url("/curl"));
                assertTrue(out.startsWith("https /curl"), out);
            }
        }
    }

    @Test
    void aClientThatNeverStartsTheHandshakeIsClosed() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> ServerFixture.text("x"), "keepAliveTimeoutMs", 300L,
                "tls", tls(cert.toString(), key.toString()));
             java.net.Socket sock = new java.net.Socket("127.0.0.1", s.port())) {
            sock.setSoTimeout(10_000);
            long t0 = System.nanoTime();
            assertEquals(-1, sock.getInputStream().read(), "the server closes a silent TLS client");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 3000, ms + " ms");
        }
    }

    @Test
    void badTlsFilesAreStartupErrors() throws Exception {
        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "not a pem file\n");
        NgnError e = assertThrows(NgnError.class, () -> new ServerFixture(r -> null, "tls",
                tls(garbage.toString(), garbage.toString())));
        assertTrue(e.ngnMessage().startsWith("Runtime Error: HTTP server: "), e.ngnMessage());
        assertTrue(e.ngnMessage().contains("garbage.pem"), e.ngnMessage());
        NgnError missingKey = assertThrows(NgnError.class, () -> new ServerFixture(r -> null, "tls",
                tls(cert.toString(), dir.resolve("nope.pem").toString())));
        assertTrue(missingKey.ngnMessage().contains("TLS private key file '") && missingKey.ngnMessage().contains(
                "nope.pem' does not exist"), missingKey.ngnMessage());
        NgnError half = assertThrows(NgnError.class, () -> new ServerFixture(r -> null, "tls",
                NgnObject.of(new String[] {"cert"}, new Object[] {cert.toString()})));
        assertEquals("Runtime Error: HTTP server config: tls needs both 'cert' and 'key' (paths of PEM files)",
                half.ngnMessage());
    }
}
