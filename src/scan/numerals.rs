//! Numerals: Arabic (with thousands separators and decimals) and Chinese (两千, 十二, 一百零五,
//! 三万二千), as exact decimals so that 5.3万 is exactly 53000.
//!
//! Works on normalized text (half-width digits, 〇 for zero-like circles). Guarantee: never
//! panics on any input; a numeral too large to represent is not a numeral.

use crate::scan::chars::IdeographSet;

/// An exact decimal: `mantissa / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: u128,
    pub scale: u32,
}

impl Decimal {
    pub fn from_int(v: u128) -> Decimal {
        Decimal {
            mantissa: v,
            scale: 0,
        }
    }
    /// Multiplies by an integer factor (万 = 10000), exactly.
    pub fn times(self, factor: u128) -> Option<Decimal> {
        let mut m = self.mantissa.checked_mul(factor)?;
        let mut s = self.scale;
        while s > 0 && m % 10 == 0 {
            m /= 10;
            s -= 1;
        }
        Some(Decimal {
            mantissa: m,
            scale: s,
        })
    }
    pub fn to_f64(self) -> f64 {
        if self.scale == 0 {
            self.mantissa as f64
        } else if self.mantissa < 1 << 53 && self.scale <= 22 {
            // Both exact as doubles, and IEEE division rounds correctly: the same double as
            // parsing the decimal.
            self.mantissa as f64 / 10f64.powi(self.scale as i32)
        } else {
            // Parse the decimal string: the correctly rounded double.
            let s = format!("{}e-{}", self.mantissa, self.scale);
            s.parse().unwrap_or(f64::NAN)
        }
    }
}

/// Arabic numeral at the start of `s`: digits, `,` groups of three, a decimal part.
/// Returns the value and the byte length.
pub fn arabic(s: &str) -> Option<(Decimal, usize)> {
    let b = s.as_bytes();
    let mut i = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if i == 0 || i > 24 {
        return None;
    }
    // (a numeral too large for a u128 is none, as the digits' parse said before)
    let push = |m: Option<u128>, digits: &[u8]| {
        digits.iter().try_fold(m?, |m, d| {
            m.checked_mul(10)?.checked_add(u128::from(d - b'0'))
        })
    };
    let mut mantissa = push(Some(0), &b[..i]);
    // thousands groups: 1,234,567 (only when every group has three digits)
    if i <= 3 {
        let mut j = i;
        while b.get(j) == Some(&b',')
            && b.get(j + 1..j + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
        {
            mantissa = push(mantissa, &b[j + 1..j + 4]);
            j += 4;
        }
        i = j;
    }
    let mut scale = 0;
    if b.get(i) == Some(&b'.') {
        let frac = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        // 3.0 is a decimal; 2021.3.8 is not (a second dot follows)
        if frac > 0 && frac <= 12 && b.get(i + 1 + frac) != Some(&b'.') {
            mantissa = push(mantissa, &b[i + 1..i + 1 + frac]);
            scale = frac as u32;
            i += 1 + frac;
        }
    }
    Some((
        Decimal {
            mantissa: mantissa?,
            scale,
        },
        i,
    ))
}

fn cn_digit(c: char) -> Option<u128> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn cn_small_unit(c: char) -> Option<u128> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// True for characters that can start a Chinese numeral.
pub fn starts_cn(c: char) -> bool {
    // (asked of every character of the text: a bit per ideograph, not a `match`)
    const STARTS: IdeographSet = IdeographSet::EMPTY.with(&[
        '零', '一', '壹', '二', '两', '贰', '三', '叁', '四', '肆', '五', '伍', '六', '陆', '七',
        '柒', '八', '捌', '九', '玖', '十',
    ]);
    STARTS.contains(c) || c == '〇'
}

/// Chinese numeral at the start of `s` (no 万/亿: callers treat those as multipliers).
/// Returns the value, the byte length and the number of characters.
pub fn chinese(s: &str) -> Option<(u128, usize, usize)> {
    let mut total: u128 = 0;
    let mut pending: Option<u128> = None;
    let mut len = 0;
    let mut chars = 0;
    let mut last_unit = u128::MAX;
    for (i, c) in s.char_indices() {
        if let Some(d) = cn_digit(c) {
            if pending.is_some_and(|p| p != 0) {
                // 二〇一九: a string of digits is a year or a code, not a count
                return None;
            }
            pending = Some(d);
        } else if let Some(u) = cn_small_unit(c) {
            if u >= last_unit {
                break;
            }
            let d = pending
                .take()
                .unwrap_or(if u == 10 && chars == 0 { 1 } else { 0 });
            if d == 0 && u != 10 {
                break;
            }
            total += d * u;
            last_unit = u;
        } else {
            break;
        }
        len = i + c.len_utf8();
        chars += 1;
    }
    if chars == 0 {
        return None;
    }
    if let Some(p) = pending {
        // 两千五 = 2500: a trailing digit after a unit scales one step down
        total += if last_unit != u128::MAX
            && last_unit >= 100
            && s[..len].chars().last().and_then(cn_digit).is_some()
            && !s[..len].contains('零')
        {
            p * (last_unit / 10)
        } else {
            p
        };
    }
    Some((total, len, chars))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_table_is_the_digits_and_ten() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(starts_cn(c), cn_digit(c).is_some() || c == '十', "{c}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_divided_decimal_is_the_parsed_one(m in 0u128..(1 << 53), scale in 1u32..=22) {
            let d = Decimal { mantissa: m, scale };
            proptest::prop_assert_eq!(d.to_f64(), format!("{m}e-{scale}").parse::<f64>().unwrap());
        }
    }

    #[test]
    fn decimals_convert_as_their_digits_parse() {
        for (m, s) in [
            (1u128, 1u32),
            (6358, 2),
            (123_456_789, 4),
            (1, 12),
            (999_999, 3),
        ] {
            let d = Decimal {
                mantissa: m,
                scale: s,
            };
            assert_eq!(d.to_f64(), format!("{m}e-{s}").parse::<f64>().unwrap());
        }
        let huge = "9".repeat(24) + "," + &"9".repeat(3);
        assert!(arabic(&huge).is_some_and(|(_, l)| l == 24));
        assert_eq!(arabic(&("1".to_owned() + &",999".repeat(20))), None);
    }

    #[test]
    fn arabic_numerals_with_groups_and_decimals() {
        assert_eq!(
            arabic("1,234件"),
            Some((
                Decimal {
                    mantissa: 1234,
                    scale: 0
                },
                5
            ))
        );
        assert_eq!(
            arabic("63.58%"),
            Some((
                Decimal {
                    mantissa: 6358,
                    scale: 2
                },
                5
            ))
        );
        assert_eq!(
            arabic("2021.3.8"),
            Some((
                Decimal {
                    mantissa: 2021,
                    scale: 0
                },
                4
            ))
        );
        assert_eq!(
            arabic("3,4,5"),
            Some((
                Decimal {
                    mantissa: 3,
                    scale: 0
                },
                1
            ))
        );
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese("两千余").map(|x| x.0), Some(2000));
        assert_eq!(chinese("十二期").map(|x| x.0), Some(12));
        assert_eq!(chinese("二十一").map(|x| x.0), Some(21));
        assert_eq!(chinese("一百零五").map(|x| x.0), Some(105));
        assert_eq!(chinese("六项").map(|x| x.0), Some(6));
        assert_eq!(chinese("两千五").map(|x| x.0), Some(2500));
        assert_eq!(chinese("二〇一九年"), None);
    }

    #[test]
    fn multipliers_are_exact() {
        let (d, _) = arabic("5.3").unwrap();
        assert_eq!(d.times(10_000).unwrap().to_f64(), 53000.0);
        let (d, _) = arabic("1276.5534").unwrap();
        assert_eq!(d.to_f64(), 1276.5534);
    }
}
