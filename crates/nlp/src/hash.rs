//! Small, stable, dependency-free hashing for features and lookups.
//!
//! The trained model stores feature keys as 32-bit hashes, so these functions
//! must never change without retraining (see `traps::model::FEATURE_VERSION`).

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes, starting from `seed`.
#[inline]
pub fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET ^ seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// A strong 64-bit finaliser (splitmix64), used to combine hashes.
#[inline]
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Combines two hashes in an order-sensitive way.
#[inline]
pub fn pair(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(17) ^ b.wrapping_mul(0x2545_f491_4f6c_dd1d))
}

/// Folds a 64-bit hash into a non-zero 32-bit key (zero marks an empty slot).
#[inline]
pub fn key32(h: u64) -> u32 {
    let k = (h >> 32) as u32 ^ (h as u32);
    if k == 0 {
        1
    } else {
        k
    }
}

/// Appends the keys of the character 3- and 4-grams of `word`, padded with `#` at
/// both ends (robust to typos and word endings), under `seed`.
pub fn char_ngrams(seed: u64, word: &str, out: &mut Vec<u32>) {
    let b = word.as_bytes();
    if b.len() < 2 {
        return;
    }
    let mut buf = [0u8; 40];
    let n = b.len().min(38);
    buf[0] = b'#';
    buf[1..=n].copy_from_slice(&b[..n]);
    buf[n + 1] = b'#';
    let padded = &buf[..n + 2];
    for k in [3usize, 4] {
        for win in padded.windows(k) {
            out.push(key32(pair(seed, fnv(k as u64, win))));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable() {
        // Frozen values: a change here silently invalidates the trained model.
        assert_eq!(fnv(0, b""), FNV_OFFSET);
        assert_eq!(fnv(0, b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn pair_is_order_sensitive() {
        assert_ne!(pair(1, 2), pair(2, 1));
        assert_ne!(key32(0), 0);
    }
}
