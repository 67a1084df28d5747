//! Decimal text for `f64` built from integer formatting only.
//!
//! Rust's own float formatting (`{}` / `{:.1}` on an `f64`: Grisu and Dragon4 with their
//! tables) adds about 14 KB to the wasm; the pages only ever need a fixed number of
//! decimals or a short plain number, so every displayed float goes through here instead.

use std::fmt;

/// `x` with exactly `decimals` decimals (at most 9), rounded half away from zero, like
/// `format!("{x:.decimals$}")` except for ties: `Fixed(2.25, 1)` is `2.3`.
/// Non-finite values print as `NaN`, `inf`, `-inf`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fixed(pub f64, pub u32);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Fixed(x, d) = *self;
        let d = d.min(9);
        if x.is_nan() {
            return f.write_str("NaN");
        }
        if x.is_infinite() {
            return f.write_str(if x > 0.0 { "inf" } else { "-inf" });
        }
        let scale = 10u64.pow(d);
        if x.abs() >= 1e15 || x.abs() * scale as f64 >= 1.8e19 {
            // Too large for decimals to mean anything (a hand-edited link, say):
            // mantissa and exponent.
            let exp = x.abs().log10().floor() as i32;
            let mantissa = x / 10f64.powi(exp);
            return write!(f, "{}e{exp}", Num(mantissa));
        }
        let units = (x.abs() * scale as f64).round() as u64;
        let sign = if x < 0.0 && units != 0 { "-" } else { "" };
        let (whole, frac) = (units / scale, units % scale);
        if d == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{frac:0width$}", width = d as usize)
        }
    }
}

/// `x` with `decimals` decimals, as a `String`.
pub fn fixed(x: f64, decimals: u32) -> String {
    Fixed(x, decimals).to_string()
}

/// A plain short number: whole values without a point (`500`), others with up to six
/// decimals and no trailing zeros (`0.125`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num(pub f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = fixed(self.0, 6);
        match s.find('.') {
            Some(_) => {
                let t = s.trim_end_matches('0').trim_end_matches('.');
                f.write_str(if t == "-0" { "0" } else { t })
            }
            None => f.write_str(&s),
        }
    }
}

/// `x` as a plain short number (see [`Num`]).
pub fn num(x: f64) -> String {
    Num(x).to_string()
}

/// A decimal number as people type it (`2`, `-0.35`, `1e3`, `.5`); `None` for anything
/// else, and for non-finite results. Like `str::parse::<f64>` without its exact-rounding
/// machinery (about 15 KB of wasm, tables included): the result may differ from the
/// nearest double in the last bit or two, which no setting on a page can notice.
pub fn parse(text: &str) -> Option<f64> {
    let t = text.trim();
    let (negative, t) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let (number, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], {
            let e = &t[i + 1..];
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 4
            {
                return None;
            }
            let v: i32 = digits.bytes().fold(0, |a, b| a * 10 + (b - b'0') as i32);
            if e.starts_with('-') {
                -v
            } else {
                v
            }
        }),
        None => (t, 0),
    };
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    if !whole
        .bytes()
        .chain(frac.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    // Up to 18 significant digits exactly, the rest only shift the exponent.
    let mut mantissa: u64 = 0;
    let mut shift: i32 = 0;
    let mut significant = 0;
    for (i, b) in whole.bytes().chain(frac.bytes()).enumerate() {
        let in_frac = i >= whole.len();
        if significant < 18 {
            mantissa = mantissa * 10 + (b - b'0') as u64;
            if mantissa > 0 {
                significant += 1;
            }
            if in_frac {
                shift -= 1;
            }
        } else if !in_frac {
            shift += 1;
        }
    }
    let e = exp + shift;
    let v = if e >= 0 {
        mantissa as f64 * 10f64.powi(e)
    } else {
        mantissa as f64 / 10f64.powi(-e)
    };
    let v = if negative { -v } else { v };
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    #[test]
    fn parse_reads_what_people_type() {
        for s in [
            "2",
            "0.35",
            "-0.35",
            "+1.5",
            ".5",
            "5.",
            "1e3",
            "1E-2",
            "10.000",
            "0",
            "-0",
            "123456789.123456789",
            "1e300",
            "0.1",
            "3.14159",
            " 7 ",
        ] {
            let ours = super::parse(s).unwrap();
            let std: f64 = s.trim().parse().unwrap();
            assert!(
                (ours - std).abs() <= std.abs() * 1e-14,
                "{s}: {ours} vs {std}"
            );
        }
        for s in [
            "", "-", ".", "abc", "1e", "1e+", "1.2.3", "--1", "1e99999", "NaN", "inf", "1x",
        ] {
            assert_eq!(super::parse(s), None, "{s}");
        }
    }

    use super::*;

    #[test]
    fn fixed_matches_std_away_from_ties() {
        let mut rng = crate::sim::SimRng::new(3);
        for _ in 0..20_000 {
            let x = (rng.next_u64() % 2_000_000) as f64 / 997.0 - 1_000.0;
            for d in 0..4 {
                let ours = fixed(x, d);
                let std = format!("{x:.*}", d as usize);
                // Ties may round differently (half away from zero here, exact value there):
                // then the two differ by one unit in the last place.
                if ours != std {
                    let (a, b): (f64, f64) = (ours.parse().unwrap(), std.parse().unwrap());
                    assert!(
                        (a - b).abs() <= 1.01 * 10f64.powi(-(d as i32)),
                        "{x} {d}: {ours} vs {std}"
                    );
                }
            }
        }
        assert_eq!(fixed(1.25, 1), "1.3");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-1.5, 0), "-2");
        assert_eq!(fixed(0.0, 2), "0.00");
        assert_eq!(fixed(1234.5678, 2), "1234.57");
        assert_eq!(fixed(f64::NAN, 1), "NaN");
        assert_eq!(fixed(2.5e300, 1), "2.5e300");
        assert_eq!(num(-1e20), "-1e20");
        assert_eq!(fixed(f64::NEG_INFINITY, 1), "-inf");
    }

    #[test]
    fn num_is_short() {
        assert_eq!(num(500.0), "500");
        assert_eq!(num(0.125), "0.125");
        assert_eq!(num(-2.5), "-2.5");
        assert_eq!(num(-0.0000001), "0");
        assert_eq!(num(1.0 / 3.0), "0.333333");
    }
}
