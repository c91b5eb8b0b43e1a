package nl.bigregister.issuer.adapters.web.batch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The request body as it is read: hashed (for Idempotency-Key) and counted against the size limit. */
final class HashingBody extends FilterInputStream {

    private final MessageDigest digest;
    private long count;

    HashingBody(InputStream in) {
        super(in);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
            counted(n);
        }
        return n;
    }

    private void counted(long n) {
        count += n;
        if (count > BatchLimits.MAX_BYTES) {
            throw new BatchLimits.TooLargeException("a batch request is at most " + BatchLimits.MAX_BYTES + " bytes");
        }
    }

    /** The SHA-256 of the whole body: reads what the parser left (trailing whitespace, closing brackets). */
    String sha256Hex() {
        try {
            byte[] rest = new byte[8192];
            while (read(rest, 0, rest.length) > 0) {
                // hashed as read
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
