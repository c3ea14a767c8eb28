//! Word lists indexed by their first character, for lists tried at many positions of a text
//! (units after every number, header keys in every header line, phrases at every ideograph):
//! a position is compared only with the words that start with its character. Built once per
//! list, the first time it is used.

/// The items of a list grouped by their word's first character, the groups sorted by that
/// character, each group longest word first (equal lengths in list order).
#[derive(Debug)]
pub struct ByFirst<T: 'static> {
    groups: Vec<(char, Vec<T>)>,
}

impl<T: Copy> ByFirst<T> {
    /// Indexes `items` by `word(item)`; an item with an empty word is left out.
    pub fn new(items: &[T], word: fn(&T) -> &str) -> ByFirst<T> {
        let mut groups: Vec<(char, Vec<T>)> = Vec::new();
        for item in items {
            let Some(c) = word(item).chars().next() else {
                continue;
            };
            match groups.iter_mut().find(|(k, _)| *k == c) {
                Some((_, v)) => v.push(*item),
                None => groups.push((c, vec![*item])),
            }
        }
        for (_, v) in &mut groups {
            v.sort_by_key(|item| std::cmp::Reverse(word(item).len()));
        }
        groups.sort_by_key(|(c, _)| *c);
        ByFirst { groups }
    }

    /// The items whose word starts with `c`, longest first (none when no word does).
    pub fn starting_with(&self, c: char) -> &[T] {
        self.groups
            .binary_search_by_key(&c, |(k, _)| *k)
            .map_or(&[], |k| &self.groups[k].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_first_character_longest_first() {
        let index = ByFirst::new(&["万元", "件", "万", "个", "", "万人次"], |w| w);
        assert_eq!(index.starting_with('万'), ["万人次", "万元", "万"]);
        assert_eq!(index.starting_with('件'), ["件"]);
        assert!(index.starting_with('元').is_empty());
        let pairs = ByFirst::new(&[("网路", "网络"), ("网", "x")], |p| p.0);
        assert_eq!(pairs.starting_with('网')[0], ("网路", "网络"));
    }
}
