package dev.landmarks.ingest.fetch;

import dev.landmarks.proto.FailureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AddressPolicyTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1,       loopback",
            "127.8.9.10,      loopback",
            "::1,             loopback",
            "10.0.0.1,        private",
            "172.16.5.4,      private",
            "192.168.1.1,     private",
            "169.254.169.254, link-local",
            "fe80::1,         link-local",
            "0.0.0.0,         unspecified",
            "0.1.2.3,         unspecified",
            "::,              unspecified",
            "224.0.0.1,       multicast",
            "100.64.1.1,      private (carrier-grade NAT)",
            "fd12:3456::1,    private (IPv6 unique local)",
            "::ffff:10.1.2.3, private",
            "8.8.8.8,         ''",
            "93.184.216.34,   ''",
            "100.128.0.1,     ''",
            "2001:4860:4860::8888, ''"})
    void classifiesAddresses(String address, String kind) throws Exception {
        assertEquals(kind.isEmpty() ? Optional.empty() : Optional.of(kind),
                AddressPolicy.restrictedKind(InetAddress.getByName(address)));
    }

    @Test
    void refusesAPrivateAddressWithAReasonAPersonUnderstands() {
        FetchException e = assertThrows(FetchException.class, () -> new AddressPolicy(List.of()).check("10.0.0.1"));
        assertEquals(FailureReason.REFUSED_ADDRESS, e.reason());
        assertEquals("address 10.0.0.1 is private and not allow-listed", e.getMessage());
    }

    @Test
    void namesTheHostAndWhatItResolvesTo() {
        FetchException e = assertThrows(FetchException.class, () -> new AddressPolicy(List.of()).check("localhost"));
        assertEquals(FailureReason.REFUSED_ADDRESS, e.reason());
        assertEquals("host localhost resolves to 127.0.0.1, which is loopback and not allow-listed", e.getMessage());
    }

    @Test
    void refusesBracketedIpv6Loopback() {
        FetchException e = assertThrows(FetchException.class, () -> new AddressPolicy(List.of()).check("[::1]"));
        assertEquals(FailureReason.REFUSED_ADDRESS, e.reason());
    }

    @Test
    void allowsListedBlocksAndHostsOnly() {
        AddressPolicy policy = new AddressPolicy(List.of("127.0.0.0/8", "images.internal"));
        assertDoesNotThrow(() -> policy.check("127.0.0.1"));
        assertDoesNotThrow(() -> policy.check("localhost"));
        assertEquals(FailureReason.REFUSED_ADDRESS,
                assertThrows(FetchException.class, () -> policy.check("10.0.0.1")).reason());
        assertEquals(FailureReason.REFUSED_ADDRESS,
                assertThrows(FetchException.class, () -> policy.check("169.254.169.254")).reason());
    }

    @Test
    void anAllowListedHostNameAllowsWhateverItResolvesTo() {
        AddressPolicy policy = new AddressPolicy(List.of("LocalHost"));
        assertDoesNotThrow(() -> policy.check("localhost"));
        assertThrows(FetchException.class, () -> policy.check("127.0.0.1"));
    }

    @Test
    void publicAddressesNeedNoAllowList() {
        assertDoesNotThrow(() -> new AddressPolicy(List.of()).check("8.8.8.8"));
    }
}
