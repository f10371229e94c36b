package dev.landmarks.ingest.fetch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CidrTest {
    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8,      10.255.1.2,   true",
            "10.0.0.0/8,      11.0.0.1,     false",
            "172.16.0.0/12,   172.31.255.1, true",
            "172.16.0.0/12,   172.32.0.1,   false",
            "127.0.0.1,       127.0.0.1,    true",
            "127.0.0.1,       127.0.0.2,    false",
            "0.0.0.0/0,       8.8.8.8,      true",
            "fd00::/8,        fd12:3456::1, true",
            "fd00::/8,        fe80::1,      false",
            "10.0.0.0/8,      ::1,          false"})
    void matchesAddressesInsideTheBlockOnly(String block, String address, boolean expected) throws Exception {
        assertEquals(expected, Cidr.parse(block).contains(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "300.1.1.1/8"})
    void refusesWhatIsNotAnAddressBlock(String text) {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
    }
}
