package nl.bigregister.credenco.wallet;

/** The issuer answered something a wallet must not accept; carries the OAuth error code when there is one. */
public final class WalletException extends RuntimeException {

    private final String error;

    public WalletException(String error, String message) {
        super(error + ": " + message);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
