//! One sort for the whole crate. The standard library's sorts are fast but large, and each
//! element type they are used with gets its own copy: eight of them were 32 KB of the page's
//! code before optimisation. This merge sort orders indices through a comparison passed as a
//! trait object, so it is compiled once; each caller adds only its comparison and a move of its
//! elements into the sorted order. Stable, O(n log n) comparisons, one index buffer.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub(crate) fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = items;
        sorted_order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
            (Some(a), Some(b)) => compare(a, b),
            _ => Ordering::Equal,
        })
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|idx| slots.get_mut(idx).and_then(Option::take)),
    );
}

/// Sorts `items` stably by the key `key` gives each.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..n` in the order `compare` sorts them (stably): a bottom-up merge sort.
pub(crate) fn sorted_order(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        merged.clear();
        let mut start = 0;
        while start < n {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, middle);
            while left < middle && right < end {
                let (Some(&a), Some(&b)) = (order.get(left), order.get(right)) else {
                    break;
                };
                // Ties take the left run's element: the sort is stable.
                if compare(b, a) == Ordering::Less {
                    merged.push(b);
                    right += 1;
                } else {
                    merged.push(a);
                    left += 1;
                }
            }
            merged.extend(order.get(left..middle).unwrap_or(&[]));
            merged.extend(order.get(right..end).unwrap_or(&[]));
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        let mut state = 0x2545_F491_u64;
        for n in [0, 1, 2, 3, 7, 8, 9, 100, 1000, 4097] {
            let items: Vec<(u32, usize)> = (0..n)
                .map(|idx| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1);
                    ((state >> 40) as u32 % 50, idx)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(key, _)| key);
            let mut theirs = items;
            theirs.sort_by_key(|&(key, _)| key);
            assert_eq!(ours, theirs, "n = {n}");
        }
        let mut words = vec![
            "b".to_string(),
            "a".to_string(),
            "c".to_string(),
            "a".to_string(),
        ];
        sort_by(&mut words, |a, b| a.cmp(b));
        assert_eq!(words, ["a", "a", "b", "c"]);
    }
}
