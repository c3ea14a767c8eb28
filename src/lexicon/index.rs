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

/// Which words of a list (at most 64) occur in a text, found in one walk over it: for short
/// texts tested against many words (the key's clause classifier), where a `contains` per word
/// walks the text once for each word. Only the characters that start a word are looked up
/// (a 256-bit filter on the character's low byte first).
#[derive(Debug)]
pub struct Present {
    by_first: ByFirst<(u32, &'static str)>,
    filter: [u64; 4],
}

/// The words of a [`Present`] list found in a text, by their place in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words(u64);

impl Words {
    /// Whether the word at `bit` in the list occurs (see [`bit`]).
    #[inline]
    pub fn has(self, bit: usize) -> bool {
        self.0 & (1 << bit) != 0
    }
}

impl Present {
    /// Indexes `words` (at most 64, none empty).
    pub fn new(words: &'static [&'static str]) -> Present {
        assert!(words.len() <= 64, "at most 64 words");
        let items: Vec<(u32, &'static str)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (i as u32, *w))
            .collect();
        let mut filter = [0u64; 4];
        for w in words {
            if let Some(c) = w.chars().next() {
                let low = c as u32 & 0xFF;
                filter[(low >> 6) as usize] |= 1 << (low & 63);
            }
        }
        Present {
            by_first: ByFirst::new(&items, |p| p.1),
            filter,
        }
    }

    /// The list's words that occur in `s`.
    pub fn in_text(&self, s: &str) -> Words {
        let mut found = 0u64;
        for (i, c) in s.char_indices() {
            let low = c as u32 & 0xFF;
            if self.filter[(low >> 6) as usize] & (1 << (low & 63)) == 0 {
                continue;
            }
            for &(bit, w) in self.by_first.starting_with(c) {
                if s.as_bytes()[i..].starts_with(w.as_bytes()) {
                    found |= 1 << bit;
                }
            }
        }
        Words(found)
    }
}

/// The place of `w` in `words`, at compile time where it is used in a `const` block: a word
/// missing from its list does not compile.
pub const fn bit(words: &[&str], w: &str) -> usize {
    let mut i = 0;
    while i < words.len() {
        let (a, b) = (words[i].as_bytes(), w.as_bytes());
        if a.len() == b.len() {
            let mut k = 0;
            while k < a.len() && a[k] == b[k] {
                k += 1;
            }
            if k == a.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("the word is not in the list")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn present_finds_what_contains_finds() {
        const WORDS: &[&str] = &["结转", "上年结转", "申请", "公开", "不予公开", "件"];
        let p = Present::new(WORDS);
        for s in [
            "",
            "上年结转申请3件",
            "不予公开",
            "予以公开,结转",
            "abc申",
            "转结",
        ] {
            let f = p.in_text(s);
            for (i, w) in WORDS.iter().enumerate() {
                assert_eq!(f.has(i), s.contains(w), "{s} {w}");
            }
        }
        assert_eq!(const { bit(WORDS, "申请") }, 2);
    }

    proptest::proptest! {
        #[test]
        fn present_answers_like_contains(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["结", "转", "上年", "申请", "公", "开", "不予", "a", "件", "\u{FF}", "ā"]),
                0..30,
            )
        ) {
            const WORDS: &[&str] = &["结转", "上年结转", "申请", "公开", "不予公开", "件", "a", "\u{FF}件", "āa"];
            let s: String = parts.concat();
            let f = Present::new(WORDS).in_text(&s);
            for (i, w) in WORDS.iter().enumerate() {
                proptest::prop_assert_eq!(f.has(i), s.contains(w), "{} {}", s, w);
            }
        }
    }

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
