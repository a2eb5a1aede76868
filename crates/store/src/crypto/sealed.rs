//! Sealing and opening values with XChaCha20-Poly1305.
//!
//! Wrapped data key: `0x01 | master key id (4, big-endian) | nonce (24) | ciphertext+tag (48)`.
//! Sealed field:     `0x01 | data key version (4, big-endian) | nonce (24) | ciphertext+tag`.

use std::fmt;

use chacha20poly1305::aead::{Aead, KeyInit, OsRng, Payload};
use chacha20poly1305::{AeadCore, XChaCha20Poly1305, XNonce};
use rand::RngCore;
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::{CryptoError, MasterKey};

const VERSION: u8 = 1;
const HEADER: usize = 1 + 4 + 24;

/// The identity a sealed value belongs to; a value opens only under the same identity.
#[derive(Debug, Clone, Copy)]
pub struct Aad<'a> {
    pub table: &'a str,
    pub column: &'a str,
    pub row_id: &'a str,
    pub owner_id: &'a str,
}

impl Aad<'_> {
    fn bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(96);
        for part in [self.table, self.column, self.row_id, self.owner_id] {
            out.extend_from_slice(&(part.len() as u32).to_be_bytes());
            out.extend_from_slice(part.as_bytes());
        }
        out
    }
}

/// One owner's data key. Never printed, never cloned, wiped on drop.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct DataKey {
    bytes: [u8; 32],
    #[zeroize(skip)]
    version: u32,
}

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DataKey([redacted])")
    }
}

/// A data key as stored: sealed under the master key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedKey(pub Vec<u8>);

impl DataKey {
    /// A fresh random data key.
    pub fn generate(version: u32) -> Self {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        Self { bytes, version }
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    /// Seals this key under the master key, bound to its owner.
    pub fn wrap(&self, master: &MasterKey, owner_id: &str) -> WrappedKey {
        let aad = wrap_aad(owner_id, self.version);
        WrappedKey(seal_raw(master.bytes(), master.key_id(), &self.bytes, &aad))
    }

    /// Opens a wrapped key with the master key.
    pub fn unwrap(
        wrapped: &WrappedKey,
        master: &MasterKey,
        owner_id: &str,
        version: u32,
    ) -> Result<Self, CryptoError> {
        let aad = wrap_aad(owner_id, version);
        let mut plain = open_raw(master.bytes(), master.key_id(), &wrapped.0, &aad)?;
        let bytes: [u8; 32] = plain
            .as_slice()
            .try_into()
            .map_err(|_| CryptoError::Malformed)?;
        plain.zeroize();
        Ok(Self { bytes, version })
    }
}

fn wrap_aad(owner_id: &str, version: u32) -> Vec<u8> {
    let mut aad = b"steady data key\0".to_vec();
    aad.extend_from_slice(owner_id.as_bytes());
    aad.extend_from_slice(&version.to_be_bytes());
    aad
}

/// Seals `plain` under `key`, bound to `aad`.
pub fn seal(key: &DataKey, plain: &str, aad: Aad<'_>) -> Vec<u8> {
    seal_raw(&key.bytes, key.version, plain.as_bytes(), &aad.bytes())
}

/// Opens a sealed value, checking that it belongs to `aad`.
pub fn open(key: &DataKey, sealed: &[u8], aad: Aad<'_>) -> Result<String, CryptoError> {
    let plain = open_raw(&key.bytes, key.version, sealed, &aad.bytes())?;
    String::from_utf8(plain).map_err(|_| CryptoError::Malformed)
}

fn seal_raw(key: &[u8; 32], key_id: u32, plain: &[u8], aad: &[u8]) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
    let mut out = Vec::with_capacity(HEADER + plain.len() + 16);
    out.push(VERSION);
    out.extend_from_slice(&key_id.to_be_bytes());
    out.extend_from_slice(&nonce);
    // Encryption with a valid key and nonce cannot fail for in-memory buffers.
    let body = cipher
        .encrypt(&nonce, Payload { msg: plain, aad })
        .unwrap_or_default();
    out.extend_from_slice(&body);
    out
}

fn open_raw(
    key: &[u8; 32],
    key_id: u32,
    sealed: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    if sealed.len() < HEADER + 16 || sealed[0] != VERSION {
        return Err(CryptoError::Malformed);
    }
    let id = u32::from_be_bytes([sealed[1], sealed[2], sealed[3], sealed[4]]);
    if id != key_id {
        return Err(CryptoError::UnknownKey);
    }
    let nonce = XNonce::from_slice(&sealed[5..HEADER]);
    XChaCha20Poly1305::new(key.into())
        .decrypt(
            nonce,
            Payload {
                msg: &sealed[HEADER..],
                aad,
            },
        )
        .map_err(|_| CryptoError::Integrity)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aad<'a>(row: &'a str) -> Aad<'a> {
        Aad {
            table: "urges",
            column: "note",
            row_id: row,
            owner_id: "user-1",
        }
    }

    #[test]
    fn round_trips_and_hides_the_text() {
        let key = DataKey::generate(1);
        let sealed = seal(&key, "he hasn't texted back", aad("row-1"));
        assert!(!sealed.windows(6).any(|w| w == b"texted"));
        assert_eq!(sealed[0], VERSION);
        assert_eq!(
            open(&key, &sealed, aad("row-1")).as_deref(),
            Ok("he hasn't texted back")
        );
    }

    #[test]
    fn a_value_moved_to_another_row_or_owner_does_not_open() {
        let key = DataKey::generate(1);
        let sealed = seal(&key, "private", aad("row-1"));
        assert_eq!(
            open(&key, &sealed, aad("row-2")),
            Err(CryptoError::Integrity)
        );
        let other_owner = Aad {
            owner_id: "user-2",
            ..aad("row-1")
        };
        assert_eq!(
            open(&key, &sealed, other_owner),
            Err(CryptoError::Integrity)
        );
        let other_column = Aad {
            column: "partner_response",
            ..aad("row-1")
        };
        assert_eq!(
            open(&key, &sealed, other_column),
            Err(CryptoError::Integrity)
        );
    }

    #[test]
    fn tampering_and_truncation_are_caught() {
        let key = DataKey::generate(1);
        let mut sealed = seal(&key, "private", aad("row-1"));
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        assert_eq!(
            open(&key, &sealed, aad("row-1")),
            Err(CryptoError::Integrity)
        );
        assert_eq!(
            open(&key, &sealed[..10], aad("row-1")),
            Err(CryptoError::Malformed)
        );
        let other = DataKey::generate(2);
        let sealed = seal(&other, "private", aad("row-1"));
        assert_eq!(
            open(&key, &sealed, aad("row-1")),
            Err(CryptoError::UnknownKey)
        );
    }

    #[test]
    fn data_keys_wrap_under_the_master_key_for_their_owner_only() {
        let master = MasterKey::generate();
        let key = DataKey::generate(1);
        let wrapped = key.wrap(&master, "user-1");
        let back = DataKey::unwrap(&wrapped, &master, "user-1", 1).expect("unwraps");
        let sealed = seal(&key, "same key", aad("r"));
        assert_eq!(open(&back, &sealed, aad("r")).as_deref(), Ok("same key"));
        assert!(DataKey::unwrap(&wrapped, &master, "user-2", 1).is_err());
        assert!(DataKey::unwrap(&wrapped, &MasterKey::generate(), "user-1", 1).is_err());
    }
}
