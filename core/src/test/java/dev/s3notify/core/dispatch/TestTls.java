package dev.s3notify.core.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} only (not 127.0.0.1), made once per test JVM with the JDK's
 * keytool: the server's TLS, and a client TLS that trusts it and nothing else.
 */
final class TestTls {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static KeyStore keys;

    private TestTls() {
    }

    /** @return TLS with the certificate's key, for a server */
    static SSLContext server() throws GeneralSecurityException, IOException, InterruptedException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys(), PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    /** @return TLS trusting only the certificate, for the sender */
    static SSLContext client() throws GeneralSecurityException, IOException, InterruptedException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("test-ca", keys().getCertificate("hook"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static synchronized KeyStore keys() throws GeneralSecurityException, IOException, InterruptedException {
        if (keys == null) {
            Path dir = Files.createTempDirectory("s3notify-tls");
            Path store = dir.resolve("hook.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=localhost", "-ext", "san=dns:localhost", "-validity", "2", "-keystore", store.toString(),
                    "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            KeyStore loaded = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                loaded.load(in, PASSWORD);
            }
            Files.delete(store);
            Files.delete(dir);
            keys = loaded;
        }
        return keys;
    }
}
