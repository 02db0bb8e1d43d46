import Testing

@testable import VerdictCore

@Suite("Networks and trusted proxies")
struct NetworkTests {
    @Test("IPv4 groups by /24, IPv6 by /64, mapped IPv4 as IPv4")
    func networkKeys() throws {
        #expect(IPAddress("203.0.113.77")?.networkKey == "v4:203.0.113")
        #expect(IPAddress("2001:db8:1:2:3:4:5:6")?.networkKey == "v6:2001:db8:1:2")
        #expect(IPAddress("2001:db8:1:2::9")?.networkKey == "v6:2001:db8:1:2")
        #expect(IPAddress("::ffff:198.51.100.4")?.networkKey == "v4:198.51.100")
        #expect(IPAddress("::1")?.bytes.last == 1)
        for bad in ["", "1.2.3", "256.1.1.1", "1.2.3.4.5", "::1::2", "gggg::1", "1:2:3:4:5:6:7:8:9"] {
            #expect(IPAddress(bad) == nil, "\(bad)")
        }
    }

    @Test("CIDR ranges contain what they should")
    func cidr() throws {
        let ten = try #require(CIDR("10.0.0.0/8"))
        #expect(ten.contains(IPAddress("10.200.1.1")!))
        #expect(!ten.contains(IPAddress("11.0.0.1")!))
        #expect(!ten.contains(IPAddress("fd00::1")!))
        #expect(CIDR("fd00::/8")!.contains(IPAddress("fd12::1")!))
        #expect(CIDR("192.168.1.7")!.contains(IPAddress("192.168.1.7")!))
        #expect(CIDR("10.0.0.0/33") == nil)
        #expect(throws: ConfigProblem.self) { try CIDR.list("10.0.0.0/8, nonsense") }
        #expect(try CIDR.list("10.0.0.0/8, ::1/128").count == 2)
    }

    @Test("X-Forwarded-For is believed only from trusted proxies")
    func forwarded() throws {
        let proxies = try CIDR.list("10.0.0.0/8")
        let proxy = IPAddress("10.0.0.5")
        let stranger = IPAddress("203.0.113.9")
        #expect(clientAddress(peer: stranger, forwardedFor: ["1.2.3.4"], trusted: proxies) == stranger)
        #expect(clientAddress(peer: proxy, forwardedFor: ["1.2.3.4"], trusted: proxies) == IPAddress("1.2.3.4"))
        // A client cannot forge its address by prepending to the header: the rightmost untrusted hop wins.
        #expect(clientAddress(peer: proxy, forwardedFor: ["6.6.6.6, 1.2.3.4, 10.0.0.7"], trusted: proxies) == IPAddress("1.2.3.4"))
        #expect(clientAddress(peer: proxy, forwardedFor: [], trusted: proxies) == proxy)
        #expect(clientAddress(peer: proxy, forwardedFor: ["1.2.3.4"], trusted: []) == proxy)
    }
}
