package dev.landmarks.ingest.fetch;

import dev.landmarks.proto.FailureReason;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a host may be contacted: every address it resolves to must be public (not private, loopback,
 * link-local, unspecified, multicast, carrier-grade NAT or IPv6 unique-local), unless the host name or the address
 * is allow-listed. This keeps a URL pushed by a user from reaching the cluster's own services or a cloud metadata
 * endpoint (169.254.169.254). The check runs before every hop, redirects included.
 */
public final class AddressPolicy {
    private static final Cidr CARRIER_GRADE_NAT = Cidr.parse("100.64.0.0/10");
    private static final Cidr IPV6_UNIQUE_LOCAL = Cidr.parse("fc00::/7");
    private static final Cidr ZERO_NETWORK = Cidr.parse("0.0.0.0/8");

    private final Set<String> allowedHosts;
    private final List<Cidr> allowedBlocks;

    public AddressPolicy(List<String> allowList) {
        List<String> hosts = new ArrayList<>();
        List<Cidr> blocks = new ArrayList<>();
        for (String entry : allowList) {
            if (Cidr.isLiteral(entry.split("/")[0])) {
                blocks.add(Cidr.parse(entry));
            } else {
                hosts.add(entry.toLowerCase(Locale.ROOT));
            }
        }
        this.allowedHosts = Set.copyOf(hosts);
        this.allowedBlocks = List.copyOf(blocks);
    }

    /**
     * Resolves {@code host} and returns its addresses when they may be contacted.
     *
     * @throws FetchException REFUSED_ADDRESS naming the first refused address, or NETWORK_ERROR if it does not resolve
     */
    public List<InetAddress> check(String host) throws FetchException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new FetchException(FailureReason.NETWORK_ERROR, "could not resolve host " + bare, e);
        }
        if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return List.of(addresses);
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = restrictedKind(address);
            if (kind.isPresent() && allowedBlocks.stream().noneMatch(b -> b.contains(address))) {
                String where = Cidr.isLiteral(bare)
                        ? "address " + address.getHostAddress()
                        : "host " + bare + " resolves to " + address.getHostAddress() + ", which";
                throw new FetchException(FailureReason.REFUSED_ADDRESS,
                        where + " is " + kind.get() + " and not allow-listed");
            }
        }
        return List.of(addresses);
    }

    /** What kind of non-public address this is, or empty for a public one. */
    static Optional<String> restrictedKind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isAnyLocalAddress() || (a instanceof Inet4Address && ZERO_NETWORK.contains(a))) {
            return Optional.of("unspecified");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (CARRIER_GRADE_NAT.contains(a)) {
            return Optional.of("private (carrier-grade NAT)");
        }
        if (a instanceof Inet6Address && IPV6_UNIQUE_LOCAL.contains(a)) {
            return Optional.of("private (IPv6 unique local)");
        }
        return Optional.empty();
    }
}
