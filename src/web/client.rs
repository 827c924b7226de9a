//! Who is asking: the client's address, taken from the connection, or from
//! `X-Forwarded-For` only when the connection comes from a configured trusted
//! proxy. Throttles and rate limits key on it, so a client cannot pick its own
//! address by sending a header.

use std::net::IpAddr;

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
    /// proxy, in which case the nearest address in `X-Forwarded-For` that is not
    /// itself a trusted proxy.
    pub fn client_address(&self, req: &HttpRequest) -> Option<IpAddr> {
        let peer = req.peer_addr()?.ip();
        if !self.trusts(peer) {
            return Some(peer);
        }
        let forwarded: Vec<IpAddr> = req
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .map(|s| s.parse::<IpAddr>().ok())
            .collect::<Option<Vec<_>>>()
            .unwrap_or_default();
        // Read right to left: each hop appends the address it received from.
        Some(
            forwarded
                .into_iter()
                .rev()
                .find(|ip| !self.trusts(*ip))
                .unwrap_or(peer),
        )
    }
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
    fn bad_proxy_lists_are_refused_with_the_entry_named() {
        let err = TrustedProxies::parse("10.0.0.0/8, proxy.local").expect_err("bad");
        assert!(err.contains("proxy.local"), "{err}");
        assert_eq!(
            TrustedProxies::parse("").expect("empty"),
            TrustedProxies::default()
        );
    }
}
