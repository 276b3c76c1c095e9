//! One compiled sort. Every std sort call site with its own element type
//! or closure compiles a copy of std's driftsort or ipnsort (several KB of
//! wasm each); here the sorting itself is one non-generic function over
//! positions (a stable merge sort, insertion sort for short runs), and the
//! generic wrappers only compare and move elements.
//!
//! Stable, like std's `sort_by`: equal elements keep their order. Use
//! these instead of `slice::sort*` (and fill a `BTreeMap`/`BTreeSet` with
//! `insert`/`extend` rather than `collect`, which sorts too).

use std::cmp::Ordering;

/// Runs shorter than this are sorted by insertion first.
const RUN: usize = 16;

/// The order of `0..n` by `cmp`, stable: `order[k]` is the position of the
/// element that goes to place `k`. O(n log n) comparisons.
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    // Insertion sort of each run: an element moves left past the ones
    // greater than it, never past an equal one.
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = a[i];
            let mut j = i;
            while j > start && cmp(a[j - 1], x) == Ordering::Greater {
                a[j] = a[j - 1];
                j -= 1;
            }
            a[j] = x;
        }
    }
    // Bottom-up merges of neighbouring runs; on a tie the left one first.
    let mut b = vec![0; n];
    let mut width = RUN;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                if j >= hi || (i < mid && cmp(a[j], a[i]) != Ordering::Less) {
                    *slot = a[i];
                    i += 1;
                } else {
                    *slot = a[j];
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Puts the elements in `order` (see [`order`]) by swaps, following each
/// cycle of the permutation once.
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

/// Sorts `v` by `cmp`, stable (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = order(v.len(), &mut |i, j| cmp(&v[i], &v[j]));
    permute(order, &mut |i, j| v.swap(i, j));
}

/// Sorts `v` by `key`, stable (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` by `key`, each element's key computed once, stable (as
/// `slice::sort_by_cached_key`).
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = order(v.len(), &mut |i, j| keys[i].cmp(&keys[j]));
    permute(order, &mut |i, j| v.swap(i, j));
}

/// Sorts `v` in its natural order, stable (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_short_and_long() {
        for n in [0, 1, 2, 15, 16, 17, 31, 32, 33, 100, 1000] {
            let mut v: Vec<u32> = (0..n).map(|i| (i * 7919 + 13) % 101).collect();
            let mut want = v.clone();
            want.sort();
            sort(&mut v);
            assert_eq!(v, want, "{n}");
        }
    }

    #[test]
    fn keeps_equal_elements_in_order() {
        let mut v: Vec<(u8, usize)> = (0..200).map(|i| ((i % 3) as u8, i)).collect();
        sort_by_key(&mut v, |x| x.0);
        for w in v.windows(2) {
            assert!(w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1));
        }
    }

    #[test]
    fn cached_key_computes_each_key_once() {
        let mut calls = 0;
        let mut v = vec!["b", "A", "c", "a"];
        sort_by_cached_key(&mut v, |s| {
            calls += 1;
            s.to_lowercase()
        });
        assert_eq!(v, ["A", "a", "b", "c"]);
        assert_eq!(calls, 4);
    }

    #[test]
    fn sorts_strings_in_reverse() {
        let mut v: Vec<String> = ["x", "b", "a", "b"].map(String::from).to_vec();
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["x", "b", "b", "a"]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(500))]

            /// The same result as std's stable sort, element for element
            /// (equal keys included: the second field tells them apart).
            // std's `sort_by` itself is what is compared with.
            #[allow(clippy::unnecessary_sort_by)]
            #[test]
            fn as_std(v in proptest::collection::vec((0u8..8, any::<u32>()), 0..300)) {
                let mut want = v.clone();
                want.sort_by(|a, b| a.0.cmp(&b.0));
                let mut got = v.clone();
                sort_by(&mut got, |a, b| a.0.cmp(&b.0));
                prop_assert_eq!(&got, &want);
                let mut got = v.clone();
                sort_by_key(&mut got, |a| std::cmp::Reverse(a.0));
                let mut want = v.clone();
                want.sort_by_key(|a| std::cmp::Reverse(a.0));
                prop_assert_eq!(&got, &want);
                let mut got = v.clone();
                sort_by_cached_key(&mut got, |a| a.0 / 3);
                let mut want = v;
                want.sort_by_cached_key(|a| a.0 / 3);
                prop_assert_eq!(&got, &want);
            }

            #[test]
            fn a_permutation_of_any_length(n in 0usize..2000, seed in any::<u64>()) {
                let mut x = seed | 1;
                let v: Vec<u64> = (0..n).map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x % 50
                }).collect();
                let mut want: Vec<(u64, usize)> = v.iter().copied().zip(0..).collect();
                let mut got = want.clone();
                want.sort_by_key(|p| p.0);
                sort_by_key(&mut got, |p| p.0);
                prop_assert_eq!(got, want);
            }
        }
    }
}
