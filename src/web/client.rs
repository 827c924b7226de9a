//! Who is asking: the client's address, taken from the connection, or from
//! `X-Forwarded-For` only when the connection comes from a configured trusted
//! proxy. Throttles and rate limits key on it, so a client cannot pick its own
//! address by sending a header.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use actix_web::HttpRequest;
use ipnet::IpNet;

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses a comma-separated list of addresses or networks
    /// (`127.0.0.1, 10.0.0.0/8, ::1`).
    ///
    /// # Errors
    /// The first entry that is neither, in a sentence for the operator.
    pub fn parse(list: &str) -> Result<TrustedProxies, String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<IpNet>()
                    .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("`{s}` is not an IP address or network"))
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client's address: the connection's peer, unless that is a trusted
    /// proxy, in which case the right-most address in `X-Forwarded-For` that is
    /// not itself a trusted proxy.
    ///
    /// Each hop appends the address it received the request from, so the list is
    /// read from the right, and only as far as the trusted proxies vouch for it:
    /// everything left of the first untrusted entry was written by the client or
    /// by hops nobody vouches for, and is never read (it may be forged, or be
    /// `unknown`). An entry may carry a port (`203.0.113.7:5151`,
    /// `[2001:db8::1]:443`) or brackets; only the address counts. When the
    /// right-most untrusted entry is no address at all (`unknown`, an obfuscated
    /// name, garbage), the client cannot be known, and the safe reading is the
    /// hop that reported it (the nearest trusted proxy): skipping further left
    /// would take the client's own word. `Forwarded` (RFC 7239) is not read.
    pub fn client_address(&self, req: &HttpRequest) -> Option<IpAddr> {
        let peer = req.peer_addr()?.ip();
        if !self.trusts(peer) {
            return Some(peer);
        }
        let entries: Vec<&str> = req
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let mut reported_by = peer;
        for entry in entries.into_iter().rev() {
            match forwarded_address(entry) {
                Some(ip) if self.trusts(ip) => reported_by = ip,
                Some(ip) => return Some(ip),
                None => return Some(reported_by),
            }
        }
        Some(reported_by)
    }
}

/// The address of one `X-Forwarded-For` entry: a bare IPv4 or IPv6 address, or
/// one with a port (`203.0.113.7:5151`, `[2001:db8::1]:443`), or an IPv6 address
/// in brackets; quotes around it are allowed. `None` for anything else
/// (`unknown`, `_hidden`, garbage).
pub fn forwarded_address(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim().trim_matches('"');
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(socket) = entry.parse::<SocketAddr>() {
        return Some(socket.ip());
    }
    entry
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .and_then(|inner| inner.parse::<Ipv6Addr>().ok())
        .map(IpAddr::V6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn request(peer: &str, forwarded: Option<&str>) -> HttpRequest {
        let mut req = TestRequest::default().peer_addr(peer.parse().expect("socket address"));
        if let Some(f) = forwarded {
            req = req.insert_header(("X-Forwarded-For", f));
        }
        req.to_http_request()
    }

    #[test]
    fn a_forwarded_header_is_ignored_unless_the_peer_is_a_trusted_proxy() {
        let none = TrustedProxies::default();
        let req = request("203.0.113.9:5000", Some("198.51.100.1"));
        assert_eq!(none.client_address(&req), "203.0.113.9".parse().ok());

        let proxy = TrustedProxies::parse("10.0.0.0/8, ::1").expect("valid");
        let via_proxy = request("10.1.2.3:5000", Some("198.51.100.7, 198.51.100.1"));
        assert_eq!(
            proxy.client_address(&via_proxy),
            "198.51.100.1".parse().ok()
        );
        let chained = request("10.1.2.3:5000", Some("198.51.100.7, 10.9.9.9"));
        assert_eq!(proxy.client_address(&chained), "198.51.100.7".parse().ok());
        let forged = request("10.1.2.3:5000", Some("not-an-address"));
        assert_eq!(proxy.client_address(&forged), "10.1.2.3".parse().ok());
    }

    #[test]
    fn entries_with_ports_brackets_or_quotes_are_read_as_their_address() {
        for (entry, address) in [
            ("203.0.113.7", "203.0.113.7"),
            ("203.0.113.7:5151", "203.0.113.7"),
            ("[2001:db8::1]:443", "2001:db8::1"),
            ("[2001:db8::1]", "2001:db8::1"),
            ("2001:db8::1", "2001:db8::1"),
            ("\"203.0.113.8:80\"", "203.0.113.8"),
            (" 198.51.100.4 ", "198.51.100.4"),
        ] {
            assert_eq!(forwarded_address(entry), address.parse().ok(), "{entry}");
        }
        for garbage in [
            "unknown",
            "_hidden",
            "",
            "[::1",
            "203.0.113.7:",
            "1.2.3.4.5",
            "example.com",
        ] {
            assert_eq!(forwarded_address(garbage), None, "{garbage}");
        }
        let proxy = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8").expect("valid");
        for (header, client) in [
            ("203.0.113.7:5151", "203.0.113.7"),
            ("[2001:db8::1]:443", "2001:db8::1"),
            // What the client put in front is never read.
            ("unknown, 203.0.113.9:4000", "203.0.113.9"),
            ("garbage, 1.2.3.4, 203.0.113.10", "203.0.113.10"),
            // Trusted hops are skipped, ports or not.
            ("203.0.113.11:1, 10.0.0.2:8080", "203.0.113.11"),
        ] {
            let req = request("127.0.0.1:5000", Some(header));
            assert_eq!(proxy.client_address(&req), client.parse().ok(), "{header}");
        }
    }

    #[test]
    fn an_unknown_client_is_keyed_on_the_hop_that_reported_it_never_on_what_lies_left() {
        let proxy = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8").expect("valid");
        // The proxy did not know its client: whatever the client wrote to the
        // left (a forged address) is not taken.
        let req = request("127.0.0.1:5000", Some("198.51.100.99, unknown"));
        assert_eq!(proxy.client_address(&req), "127.0.0.1".parse().ok());
        // Behind a second trusted hop, that hop reported it.
        let req = request("127.0.0.1:5000", Some("198.51.100.99, unknown, 10.0.0.7"));
        assert_eq!(proxy.client_address(&req), "10.0.0.7".parse().ok());
        // No header at all: the proxy itself.
        let req = request("127.0.0.1:5000", None);
        assert_eq!(proxy.client_address(&req), "127.0.0.1".parse().ok());
    }

    #[test]
    fn bad_proxy_lists_are_refused_with_the_entry_named() {
        let err = TrustedProxies::parse("10.0.0.0/8, proxy.local").expect_err("bad");
        assert!(err.contains("proxy.local"), "{err}");
        assert_eq!(
            TrustedProxies::parse("").expect("empty"),
            TrustedProxies::default()
        );
    }
}
