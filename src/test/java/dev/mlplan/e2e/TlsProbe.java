package dev.mlplan.e2e;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.crypto.KeyAgreement;
import javax.net.ssl.SSLContext;

/**
 * Run by {@link ReleaseArchiveIT} on the release archive's jlinked runtime: exits with 0 when that runtime
 * can make the TLS connections the AWS SDK makes (the elliptic-curve key exchanges of the ECDHE cipher
 * suites AWS endpoints offer: in JDK 17 these live in the jdk.crypto.ec module, which jdeps cannot see
 * because JSSE finds them as a security provider at run time). Prints what is missing otherwise.
 */
public final class TlsProbe {
    private TlsProbe() {}

    public static void main(String[] args) throws GeneralSecurityException {
        List<String> missing = new ArrayList<>();
        for (String agreement : List.of("ECDH", "X25519")) {
            try {
                KeyAgreement.getInstance(agreement);
            } catch (GeneralSecurityException e) {
                missing.add("key agreement " + agreement);
            }
        }
        try {
            KeyPairGenerator.getInstance("EC").initialize(new ECGenParameterSpec("secp256r1"));
        } catch (GeneralSecurityException e) {
            missing.add("EC key pairs on secp256r1");
        }
        Set<String> enabled = Set.of(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites());
        for (String suite : List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_AES_128_GCM_SHA256")) {
            if (!enabled.contains(suite)) {
                missing.add("cipher suite " + suite);
            }
        }
        if (!missing.isEmpty()) {
            System.out.println("missing: " + String.join(", ", missing));
            System.exit(1);
        }
        System.out.println("tls ok");
    }
}
