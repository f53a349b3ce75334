//! IPv4 address ranges in CIDR notation, parsed once at the edge.
//!
//! Azure virtual networks in a landing zone are IPv4 first; IPv6 dual-stack is not modelled.

use std::fmt;
use std::net::Ipv4Addr;
use std::str::FromStr;

/// An IPv4 network whose address is aligned to its prefix (`10.0.0.0/24`, never `10.0.0.1/24`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cidr {
    base: u32,
    prefix: u8,
}

/// Why a string is not a usable CIDR block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CidrError(pub String);

impl fmt::Display for CidrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Cidr {
    /// Builds a block from an address and prefix length, refusing host bits.
    pub fn new(addr: Ipv4Addr, prefix: u8) -> Result<Self, CidrError> {
        if prefix > 32 {
            return Err(CidrError(format!(
                "prefix /{prefix} is longer than 32 bits"
            )));
        }
        let base = u32::from(addr);
        if base & !mask(prefix) != 0 {
            let aligned = Ipv4Addr::from(base & mask(prefix));
            return Err(CidrError(format!(
                "{addr}/{prefix} has host bits set: the network address is {aligned}/{prefix}"
            )));
        }
        Ok(Cidr { base, prefix })
    }

    /// Prefix length in bits.
    pub fn prefix(&self) -> u8 {
        self.prefix
    }

    /// Number of addresses in the block.
    pub fn size(&self) -> u64 {
        1u64 << (32 - self.prefix)
    }

    /// First address as an integer.
    pub fn first(&self) -> u32 {
        self.base
    }

    /// Last address as an integer.
    pub fn last(&self) -> u32 {
        self.base | !mask(self.prefix)
    }

    /// Whether `other` lies wholly inside this block.
    pub fn contains(&self, other: &Cidr) -> bool {
        other.prefix >= self.prefix && other.base & mask(self.prefix) == self.base
    }

    /// Whether the two blocks share at least one address.
    pub fn overlaps(&self, other: &Cidr) -> bool {
        self.first() <= other.last() && other.first() <= self.last()
    }

    /// The `index`-th block of the given prefix length inside this one, if it fits.
    pub fn subnet(&self, prefix: u8, index: u32) -> Option<Cidr> {
        if prefix < self.prefix || prefix > 32 {
            return None;
        }
        let count = 1u64 << (prefix - self.prefix);
        if u64::from(index) >= count {
            return None;
        }
        let step = 1u64 << (32 - prefix);
        let base = u64::from(self.base) + u64::from(index) * step;
        Some(Cidr {
            base: base as u32,
            prefix,
        })
    }
}

fn mask(prefix: u8) -> u32 {
    if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - prefix)
    }
}

impl FromStr for Cidr {
    type Err = CidrError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (addr, prefix) = s.split_once('/').ok_or_else(|| {
            CidrError(format!(
                "'{s}' is not in CIDR notation (expected e.g. 10.0.0.0/24)"
            ))
        })?;
        let addr: Ipv4Addr = addr
            .parse()
            .map_err(|_| CidrError(format!("'{addr}' in '{s}' is not an IPv4 address")))?;
        let prefix: u8 = prefix.parse().map_err(|_| {
            CidrError(format!(
                "'/{prefix}' in '{s}' is not a prefix length from 0 to 32"
            ))
        })?;
        Cidr::new(addr, prefix)
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", Ipv4Addr::from(self.base), self.prefix)
    }
}

impl serde::Serialize for Cidr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Cidr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Cidr {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints() {
        assert_eq!(c("10.1.0.0/16").to_string(), "10.1.0.0/16");
        assert_eq!(c("10.1.0.0/16").size(), 65536);
    }

    #[test]
    fn rejects_host_bits_and_garbage() {
        assert!(
            "10.0.0.1/24"
                .parse::<Cidr>()
                .unwrap_err()
                .0
                .contains("10.0.0.0/24")
        );
        assert!("10.0.0.0".parse::<Cidr>().is_err());
        assert!("10.0.0.0/33".parse::<Cidr>().is_err());
        assert!("10.0.300.0/24".parse::<Cidr>().is_err());
    }

    #[test]
    fn containment_and_overlap() {
        assert!(c("10.0.0.0/16").contains(&c("10.0.4.0/24")));
        assert!(!c("10.0.4.0/24").contains(&c("10.0.0.0/16")));
        assert!(c("10.0.0.0/16").overlaps(&c("10.0.4.0/24")));
        assert!(!c("10.0.0.0/24").overlaps(&c("10.0.1.0/24")));
    }

    #[test]
    fn carves_subnets() {
        let hub = c("10.0.0.0/22");
        assert_eq!(hub.subnet(26, 1).unwrap().to_string(), "10.0.0.64/26");
        assert_eq!(hub.subnet(24, 3).unwrap().to_string(), "10.0.3.0/24");
        assert!(hub.subnet(24, 4).is_none());
        assert!(hub.subnet(21, 0).is_none());
    }
}
