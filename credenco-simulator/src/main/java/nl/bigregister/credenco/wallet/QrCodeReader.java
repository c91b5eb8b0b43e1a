package nl.bigregister.credenco.wallet;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Reads the text of a QR code from a PNG file or a PNG data URI, as a phone's camera would. */
public final class QrCodeReader {

    private QrCodeReader() {
    }

    public static String read(Path png) throws IOException {
        return read(Files.readAllBytes(png));
    }

    public static String readDataUri(String dataUri) throws IOException {
        String prefix = "data:image/png;base64,";
        if (!dataUri.startsWith(prefix)) {
            throw new IOException("not a PNG data URI");
        }
        return read(Base64.getDecoder().decode(dataUri.substring(prefix.length())));
    }

    static String read(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new IOException("not an image");
        }
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                    .getText();
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new IOException("no readable QR code in the image", e);
        }
    }
}
