package org.communitykiosk.core.internal.tls;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the device connector's key store on a kiosk's first start: {@code bin/kiosk-jvm} runs this (as its own small
 * JVM, before Karaf) when {@code etc/tls/devices.p12} does not exist. It writes, readable by the kiosk's user only:
 * <ul>
 * <li>{@code devices.p12}: the kiosk's key (EC P-256) and its certificate, with the certificate chain;</li>
 * <li>{@code devices.pass}: the key store's random password, read by Pax Web's configuration as
 * {@code $[secret:tls/devices.pass]} (Felix ConfigAdmin's interpolation, secrets under {@code etc/});</li>
 * <li>{@code kiosk-ca.crt}: the certificate authority that issued the kiosk's certificate, the one file a tablet
 * installs to trust the kiosk (or whose fingerprint its owner compares).</li>
 * </ul>
 * The authority signs the kiosk's one certificate and its private key is then thrown away: a tablet that trusts it
 * trusts this kiosk's certificate and nothing anybody could sign later, not even with the kiosk's disk in hand. The
 * certificate names the machine's host name and each of its addresses, and is valid for 825 days (Apple's limit for
 * server certificates; a kiosk makes a new one when the file is deleted, and tablets then trust the new authority).
 * <p>
 * The JDK's keytool does the cryptography (no library of certificates in the kiosk): called in this one JVM five
 * times instead of five keytool processes, each of which would cost a JVM start on the kiosk's first start. Its class
 * is internal to the JDK, so the JVM runs with {@code --add-exports java.base/sun.security.tools.keytool=ALL-UNNAMED}.
 * <p>
 * Usage: {@code DeviceCertificate <etc/tls folder> [kiosk id]}; does nothing when the key store exists. Exit status 0
 * when the key store exists afterwards.
 */
public final class DeviceCertificate {

    static final String KEY_STORE = "devices.p12";
    static final String PASSWORD = "devices.pass";
    static final String AUTHORITY = "kiosk-ca.crt";
    static final String ALIAS = "kiosk";
    static final int VALIDITY_DAYS = 825;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path folder;
    private final String kioskId;
    private final String hostName;
    private final List<InetAddress> addresses;

    DeviceCertificate(Path folder, String kioskId, String hostName, List<InetAddress> addresses) {
        this.folder = folder;
        this.kioskId = kioskId;
        this.hostName = hostName;
        this.addresses = List.copyOf(addresses);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DeviceCertificate <etc/tls folder> [kiosk id]");
            System.exit(2);
        }
        Path folder = Paths.get(args[0]);
        String kioskId = args.length > 1 ? args[1] : "kiosk";
        if (Files.exists(folder.resolve(KEY_STORE))) {
            return;
        }
        new DeviceCertificate(folder, kioskId, hostName(), addresses()).create();
        System.out.println("kiosk: made the device connector's certificate in " + folder);
    }

    /** The machine's name, as devices on the LAN may know it. */
    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "localhost" : name;
        } catch (IOException unresolvable) {
            return "localhost";
        }
    }

    /** Every address of the machine's interfaces that are up, loopback included, IPv4 first. */
    static List<InetAddress> addresses() throws SocketException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    // a link-local IPv6 address carries a zone that certificates cannot name
                    if (!(address.isLinkLocalAddress() && address instanceof Inet6Address)) {
                        found.add(address);
                    }
                }
            }
        }
        found.sort(Comparator.comparing(a -> a instanceof Inet6Address));
        return found;
    }

    /** The names the certificate gives, as keytool's SubjectAlternativeName extension takes them. */
    String subjectAlternativeNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add("dns:" + hostName);
        if (!hostName.contains(".") && !hostName.equals("localhost")) {
            // what mDNS (Avahi) answers for the machine on most LANs
            names.add("dns:" + hostName + ".local");
        }
        names.add("dns:localhost");
        for (InetAddress address : addresses) {
            String text = address.getHostAddress();
            int zone = text.indexOf('%');
            names.add("ip:" + (zone < 0 ? text : text.substring(0, zone)));
        }
        return String.join(",", names);
    }

    /** Writes the three files, into a folder made beside the target and renamed: a start cut short leaves none. */
    void create() throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, ".tls-",
                PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
        try {
            Path password = work.resolve(PASSWORD);
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            write(password, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            Path authorityStore = work.resolve("ca.p12");
            Path keyStore = work.resolve(KEY_STORE);
            Path request = work.resolve("kiosk.csr");
            Path issued = work.resolve("kiosk.crt");
            Path authority = work.resolve(AUTHORITY);
            Path chain = work.resolve("chain.pem");
            String pass = password.toString();
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-dname", dname("Community Kiosk " + kioskId + " device authority"),
                    "-ext", "bc:c=ca:true,pathlen:0", "-ext", "ku:c=keyCertSign,cRLSign",
                    "-validity", String.valueOf(VALIDITY_DAYS), "-storetype", "PKCS12",
                    "-keystore", authorityStore.toString(), "-storepass:file", pass);
            keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-dname", dname(hostName), "-validity", "1",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass:file", pass);
            keytool("-certreq", "-alias", ALIAS, "-keystore", keyStore.toString(), "-storepass:file", pass,
                    "-file", request.toString());
            keytool("-gencert", "-alias", "ca", "-keystore", authorityStore.toString(), "-storepass:file", pass,
                    "-infile", request.toString(), "-outfile", issued.toString(), "-rfc",
                    "-sigalg", "SHA256withECDSA", "-validity", String.valueOf(VALIDITY_DAYS),
                    "-ext", "san=" + subjectAlternativeNames(), "-ext", "eku=serverAuth",
                    "-ext", "ku:c=digitalSignature", "-ext", "bc:c=ca:false");
            keytool("-exportcert", "-alias", "ca", "-keystore", authorityStore.toString(), "-storepass:file", pass,
                    "-rfc", "-file", authority.toString());
            Files.writeString(chain, Files.readString(issued) + Files.readString(authority));
            // the reply with its whole chain, its top (the authority) trusted without asking: it was just made here
            keytool("-importcert", "-noprompt", "-alias", ALIAS, "-keystore", keyStore.toString(),
                    "-storepass:file", pass, "-file", chain.toString());
            // the authority's key goes: it has signed the one certificate it ever will
            for (Path made : List.of(authorityStore, request, issued, chain)) {
                Files.delete(made);
            }
            for (Path kept : List.of(keyStore, password, authority)) {
                Files.setPosixFilePermissions(kept, OWNER_ONLY);
            }
            try {
                Files.move(work, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException existing) {
                // etc/tls is there already (a centre's own files beside, or an empty folder): the files go into it
                Files.setPosixFilePermissions(folder, OWNER_FOLDER);
                for (Path kept : List.of(password, authority, keyStore)) {
                    Files.move(kept, folder.resolve(kept.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            deleteTree(work);
        }
    }

    private static String dname(String commonName) {
        // keytool's distinguished-name syntax: commas and the like escaped
        return "CN=" + commonName.replaceAll("([,+=\"\\\\<>;])", "\\\\$1") + ", O=Community Kiosk";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    /** One keytool command in this JVM; keytool ends the JVM itself (status 1) when a command fails. */
    static void keytool(String... args) {
        try {
            // the name put together: bnd would otherwise import the JDK's internal package into the bundle, which no
            // bundle exports (the class runs outside OSGi, in bin/kiosk-jvm's own JVM)
            String keytool = String.join(".", "sun", "security", "tools", "keytool", "Main");
            Method main = Class.forName(keytool).getMethod("main", String[].class);
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("keytool " + String.join(" ", args)
                    + " failed", e.getCause());
        } catch (ReflectiveOperationException | IllegalAccessError e) {
            throw new IllegalStateException("the JDK's keytool cannot be called (the JVM needs --add-exports "
                    + "java.base/sun.security.tools.keytool=ALL-UNNAMED)", e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
