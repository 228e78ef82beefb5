package org.shahid.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** Renders a local HTML file to PNG with Debian's headless Chromium, as a reader would see it. */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    public static boolean isInstalled() {
        return Files.isExecutable(CHROMIUM);
    }

    public static BufferedImage screenshot(Path html, Path png, int width, int height) {
        try {
            Path profile = Files.createTempDirectory(png.getParent(), "chromium-profile");
            Process process = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png,
                    "--window-size=" + width + "," + height, html.toUri().toString()))
                    .redirectErrorStream(true).redirectOutput(png.resolveSibling(png.getFileName() + ".log").toFile())
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish within 90 s");
            }
            if (!Files.isRegularFile(png)) {
                throw new IllegalStateException("chromium wrote no screenshot: "
                        + Files.readString(png.resolveSibling(png.getFileName() + ".log")));
            }
            return ImageIO.read(png.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
