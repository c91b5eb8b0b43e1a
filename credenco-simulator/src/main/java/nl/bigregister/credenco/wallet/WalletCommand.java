package nl.bigregister.credenco.wallet;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The test wallet on the command line: scan a QR PNG (or take an offer URI), receive, verify, print. */
public final class WalletCommand {

    private WalletCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: java -jar credenco-simulator.jar wallet <qr-code.png | openid-credential-offer://...>");
            return 64;
        }
        try {
            String offerUri = args[0].startsWith("openid-credential-offer://") ? args[0]
                    : Files.exists(Path.of(args[0])) ? QrCodeReader.read(Path.of(args[0]))
                    : QrCodeReader.readDataUri(args[0]);
            out.println("Scanned offer: " + offerUri);
            TestWallet wallet = new TestWallet();
            ReceivedCredential credential = wallet.receive(offerUri);
            out.println("Received a " + credential.vct() + " credential from " + credential.issuer()
                    + ", signature verified against the issuer's published keys.");
            for (Map.Entry<String, Object> claim : credential.claims().entrySet()) {
                out.printf("  %-18s %s%n", claim.getKey(), claim.getValue());
            }
            out.println("Status list entry " + credential.statusIndex() + ": "
                    + (wallet.isRevoked(credential) ? "REVOKED" : "valid"));
            return 0;
        } catch (Exception e) {
            err.println("wallet: " + e.getMessage());
            return 1;
        }
    }
}
