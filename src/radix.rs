//! A stable radix sort of `(key, position)` pairs: linear in their number and smaller in the
//! wasm than core's sorts (the dedupes of phone numbers and characters use it, no hash set).

/// Sorts `pairs` by key, keeping the order of pairs with equal keys (stable), one pass per byte
/// of the largest key.
pub(crate) fn sort_by_key(pairs: &mut Vec<(u64, usize)>) {
    let largest = pairs.iter().map(|&(key, _)| key).max().unwrap_or(0);
    let mut other = pairs.clone();
    let mut shift = 0u32;
    while shift < 64 && (largest >> shift) != 0 {
        let mut counts = [0usize; 257];
        for &(key, _) in pairs.iter() {
            let bucket = ((key >> shift) & 0xff) as usize;
            if let Some(count) = counts.get_mut(bucket + 1) {
                *count += 1;
            }
        }
        for bucket in 1..counts.len() {
            let before = counts.get(bucket - 1).copied().unwrap_or(0);
            if let Some(count) = counts.get_mut(bucket) {
                *count += before;
            }
        }
        for &pair in pairs.iter() {
            let bucket = ((pair.0 >> shift) & 0xff) as usize;
            if let Some(next) = counts.get_mut(bucket) {
                if let Some(slot) = other.get_mut(*next) {
                    *slot = pair;
                }
                *next += 1;
            }
        }
        core::mem::swap(pairs, &mut other);
        shift += 8;
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;

    #[test]
    fn sorts_by_key_and_keeps_equal_keys_in_order() {
        let mut pairs = vec![
            (33_612_345_678, 0),
            (7, 1),
            (0, 2),
            (33_612_345_678, 3),
            (256, 4),
            (7, 5),
        ];
        sort_by_key(&mut pairs);
        assert_eq!(
            pairs,
            [
                (0, 2),
                (7, 1),
                (7, 5),
                (256, 4),
                (33_612_345_678, 0),
                (33_612_345_678, 3)
            ]
        );
        let mut largest = vec![(u64::MAX, 0), (1, 1), (u64::MAX - 1, 2)];
        sort_by_key(&mut largest);
        assert_eq!(largest, [(1, 1), (u64::MAX - 1, 2), (u64::MAX, 0)]);
    }
}
