//! The server's master key: 32 random bytes in a key file only its owner can read.

use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::OsRng;
use rand::RngCore;
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// The key that wraps every data key. Never printed, never cloned, wiped on drop.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct MasterKey {
    bytes: [u8; 32],
}

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MasterKey([redacted])")
    }
}

/// Why the master key could not be loaded or made.
#[derive(Debug, thiserror::Error)]
pub enum MasterKeyError {
    #[error("could not read the key file at {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not create the key file at {path}: {source}")]
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the key file at {path} is not a Steady master key (expected 64 hexadecimal characters)"
    )]
    Format { path: PathBuf },
    #[error("the key file at {path} can be read by other users of this machine; run `chmod 600 {path}` and start again")]
    TooOpen { path: PathBuf },
}

impl MasterKey {
    /// A fresh random key.
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        Self { bytes }
    }

    /// From raw bytes, for tests and for a key handed over as a secret.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self { bytes }
    }

    /// Parses the hexadecimal form kept in a key file or secret.
    pub fn from_hex(text: &str) -> Option<Self> {
        let mut bytes = [0u8; 32];
        hex::decode_to_slice(text.trim(), &mut bytes).ok()?;
        Some(Self { bytes })
    }

    /// Loads the key at `path`, creating it (mode 0600) if there is none yet.
    /// Returns the key and whether it was just created.
    pub fn load_or_create(path: &Path) -> Result<(Self, bool), MasterKeyError> {
        match fs::read_to_string(path) {
            Ok(text) => {
                check_permissions(path)?;
                let key = Self::from_hex(&text).ok_or_else(|| MasterKeyError::Format {
                    path: path.to_owned(),
                })?;
                Ok((key, false))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = Self::generate();
                key.write_new(path)?;
                Ok((key, true))
            }
            Err(source) => Err(MasterKeyError::Read {
                path: path.to_owned(),
                source,
            }),
        }
    }

    fn write_new(&self, path: &Path) -> Result<(), MasterKeyError> {
        let create = |source| MasterKeyError::Create {
            path: path.to_owned(),
            source,
        };
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(path).map_err(create)?;
        let mut text = hex::encode(self.bytes);
        text.push('\n');
        let written = file
            .write_all(text.as_bytes())
            .and_then(|()| file.sync_all());
        text.zeroize();
        written.map_err(create)
    }

    /// A one-way fingerprint, kept in the database to notice a wrong key at start-up.
    pub fn fingerprint(&self) -> String {
        let mut hasher = Sha256::new();
        hasher.update(b"steady master key fingerprint v1\0");
        hasher.update(self.bytes);
        hex::encode(&hasher.finalize()[..16])
    }

    /// A short id written into every data key it wraps, for rotation.
    pub fn key_id(&self) -> u32 {
        let mut hasher = Sha256::new();
        hasher.update(b"steady master key id v1\0");
        hasher.update(self.bytes);
        let digest = hasher.finalize();
        u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]])
    }

    pub(super) fn bytes(&self) -> &[u8; 32] {
        &self.bytes
    }
}

#[cfg(unix)]
fn check_permissions(path: &Path) -> Result<(), MasterKeyError> {
    use std::os::unix::fs::PermissionsExt;
    let meta = fs::metadata(path).map_err(|source| MasterKeyError::Read {
        path: path.to_owned(),
        source,
    })?;
    if meta.permissions().mode() & 0o077 != 0 {
        return Err(MasterKeyError::TooOpen {
            path: path.to_owned(),
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_permissions(_path: &Path) -> Result<(), MasterKeyError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_a_private_key_file_and_reads_it_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("master.key");
        let (first, created) = MasterKey::load_or_create(&path).expect("created");
        assert!(created);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).expect("metadata").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let (second, created) = MasterKey::load_or_create(&path).expect("loaded");
        assert!(!created);
        assert_eq!(first.fingerprint(), second.fingerprint());
        assert_ne!(first.fingerprint(), MasterKey::generate().fingerprint());
    }

    #[test]
    fn refuses_a_garbled_or_open_key_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("master.key");
        fs::write(&path, "not a key").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
        }
        assert!(matches!(
            MasterKey::load_or_create(&path),
            Err(MasterKeyError::Format { .. })
        ));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::write(&path, hex::encode([7u8; 32])).expect("write");
            fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
            assert!(matches!(
                MasterKey::load_or_create(&path),
                Err(MasterKeyError::TooOpen { .. })
            ));
        }
    }

    #[test]
    fn debug_never_shows_the_key() {
        let key = MasterKey::from_bytes([42u8; 32]);
        let shown = format!("{key:?}");
        assert_eq!(shown, "MasterKey([redacted])");
    }
}
