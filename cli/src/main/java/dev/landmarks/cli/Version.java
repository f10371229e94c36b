package dev.landmarks.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code landmarks --version}: the version Maven wrote into the jar's manifest. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[]{"landmarks " + (v == null ? "(development build)" : v)};
    }
}
