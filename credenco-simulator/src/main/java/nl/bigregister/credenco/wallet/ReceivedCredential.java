package nl.bigregister.credenco.wallet;

import com.nimbusds.jose.jwk.ECKey;

import java.net.URI;
import java.util.Map;

/** A credential the test wallet received and verified: the SD-JWT VC, its claims, and where its status lives. */
public record ReceivedCredential(String sdJwt, String issuer, String vct, Map<String, Object> claims,
                                 ECKey holderKey, URI statusListUri, int statusIndex) {
}
