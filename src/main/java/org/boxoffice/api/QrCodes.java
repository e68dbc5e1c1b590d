package org.boxoffice.api;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** Draws text as a QR code in SVG (ZXing chooses the modules): one path of dark runs, crisp at any size. */
final class QrCodes {

    static final String MEDIA_TYPE = "image/svg+xml";
    /** Pixels per module in the SVG's nominal size; it scales without loss. */
    private static final int SCALE = 4;

    private QrCodes() {
    }

    static String svg(String text) {
        BitMatrix modules;
        try {
            // Quiet zone of 4 modules (ISO/IEC 18004); level M survives a scuffed screen or print.
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalStateException("a ticket code always fits a QR code", e);
        }
        int size = modules.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (modules.get(x, y)) {
                    int run = 1;
                    while (x + run < size && modules.get(x + run, y)) {
                        run++;
                    }
                    path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run)
                            .append('z');
                    x += run;
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\""
                + size * SCALE + "\" height=\"" + size * SCALE + "\" shape-rendering=\"crispEdges\" role=\"img\""
                + " aria-label=\"Ticket QR code\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
