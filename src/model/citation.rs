//! Legal citations as the clerk types them ("k5 đ2 NĐ90", "khoan 5 dieu 2 nd 90/2020"),
//! read into their parts and written back the one way documents print them
//! ("khoản 5 Điều 2 Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP").
//! A document never prints a citation as typed.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::fold;

/// A point (điểm), clause (khoản) and article (Điều) of a decree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub point: Option<char>,
    pub clause: Option<u32>,
    pub article: Option<u32>,
    /// "90/2020/NĐ-CP".
    pub decree: String,
    /// The decree that amended the cited provision ("48/2023/NĐ-CP"), when there is one.
    pub amended_by: Option<String>,
}

/// Decrees of the rating whose year a clerk leaves out ("NĐ90").
const KNOWN_DECREES: [(u32, u32); 4] = [(90, 2020), (48, 2023), (112, 2020), (111, 2022)];

/// Provisions of NĐ 90/2020 added or amended by NĐ 48/2023: (article, clause).
const AMENDED_BY_48: [(u32, u32); 3] = [(2, 5), (2, 6), (17, 1)];

/// The exception of a discipline already counted in an earlier year's rating:
/// điểm b khoản 5 Điều 2 NĐ 90/2020 (added by NĐ 48/2023).
pub fn discipline_exception() -> Citation {
    Citation {
        point: Some('b'),
        clause: Some(5),
        article: Some(2),
        decree: "90/2020/NĐ-CP".into(),
        amended_by: Some("48/2023/NĐ-CP".into()),
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(point) = self.point {
            write!(f, "điểm {point} ")?;
        }
        if let Some(clause) = self.clause {
            write!(f, "khoản {clause} ")?;
        }
        if let Some(article) = self.article {
            write!(f, "Điều {article} ")?;
        }
        write!(f, "Nghị định {}", self.decree)?;
        if let Some(by) = &self.amended_by {
            write!(f, ", sửa đổi bởi Nghị định {by}")?;
        }
        Ok(())
    }
}

/// Words and numbers of a folded citation: "k5 d2 nd90 2020" → k, 5, d, 2, nd, 90, 2020.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in fold(text).split(' ') {
        let mut current = String::new();
        for c in word.chars() {
            if !current.is_empty() && current.chars().last().is_some_and(|l| l.is_ascii_digit()) != c.is_ascii_digit() {
                out.push(std::mem::take(&mut current));
            }
            current.push(c);
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

fn number(token: Option<&String>) -> Option<u32> {
    token.and_then(|t| t.parse().ok())
}

/// Reads a citation; `None` when no decree can be told from the text.
pub fn parse_citation(text: &str) -> Option<Citation> {
    let tokens = tokens(text);
    let (mut point, mut clause, mut article) = (None, None, None);
    // (number, year) of every decree named, in order.
    let mut decrees: Vec<(u32, Option<u32>)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let word = tokens[i].as_str();
        let next = tokens.get(i + 1);
        match word {
            "diem" | "d" | "point"
                if next.is_some_and(|n| n.len() == 1 && n.chars().all(|c| c.is_ascii_lowercase())) =>
            {
                point = next.and_then(|n| n.chars().next());
                i += 2;
            }
            "khoan" | "k" | "cl" | "clause" if number(next).is_some() => {
                clause = number(next);
                i += 2;
            }
            "dieu" | "d" | "art" | "article" if number(next).is_some() => {
                article = number(next);
                i += 2;
            }
            "nd" | "decree" | "nghi" => {
                let mut j = i + 1;
                while tokens.get(j).is_some_and(|t| t == "dinh" || t == "so") {
                    j += 1;
                }
                if let Some(n) = number(tokens.get(j)) {
                    let year = number(tokens.get(j + 1)).filter(|y| (1990..=2100).contains(y));
                    decrees.push((n, year));
                    j += if year.is_some() { 2 } else { 1 };
                }
                i = j;
            }
            _ => i += 1,
        }
    }
    let full = |(n, year): (u32, Option<u32>)| -> Option<String> {
        let year = year.or_else(|| KNOWN_DECREES.iter().find(|(k, _)| *k == n).map(|(_, y)| *y))?;
        Some(format!("{n}/{year}/NĐ-CP"))
    };
    let primary = *decrees.first()?;
    let decree = full(primary)?;
    let amends_90 = |(n, _): &(u32, Option<u32>)| *n == 48;
    let amended_by = if primary.0 == 90
        && (decrees.iter().skip(1).any(amends_90)
            || AMENDED_BY_48.iter().any(|(a, c)| article == Some(*a) && clause == Some(*c)))
    {
        Some("48/2023/NĐ-CP".to_string())
    } else {
        None
    };
    Some(Citation { point, clause, article, decree, amended_by })
}

/// The citation the way documents print it, or `None` when it cannot be read.
pub fn normalise_citation(text: &str) -> Option<String> {
    parse_citation(text).map(|c| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CL5: &str = "khoản 5 Điều 2 Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP";
    const B_CL5: &str = "điểm b khoản 5 Điều 2 Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP";

    #[test]
    fn citations_are_normalised() {
        let cases: [(&str, Option<&str>); 14] = [
            ("Đ.b k5 đ2 NĐ90 (sđ NĐ48) - HV đã tính xếp loại KHTNV năm 2022", Some(B_CL5)),
            ("k5 đ2 NĐ90", Some(CL5)),
            ("khoan 5 dieu 2 nd 90/2020", Some(CL5)),
            ("Khoản 5 Điều 2 Nghị định số 90/2020/NĐ-CP", Some(CL5)),
            ("khoản 5, Điều 2, NĐ 90/2020/NĐ-CP (sửa đổi bởi NĐ 48/2023/NĐ-CP)", Some(CL5)),
            ("điểm b k5 đ2 NĐ90", Some(B_CL5)),
            ("diem b, khoan 5, dieu 2 ND90", Some(B_CL5)),
            ("Điểm b khoản 5 Điều 2 Nghị định 90", Some(B_CL5)),
            ("cl.5 art.2 decree 90/2020", Some(CL5)),
            (
                "điểm c k5 đ2 nđ 90",
                Some("điểm c khoản 5 Điều 2 Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP"),
            ),
            ("khoản 1 Điều 3 NĐ 90", Some("khoản 1 Điều 3 Nghị định 90/2020/NĐ-CP")),
            ("điểm b khoản 1 Điều 1 Nghị định số 48/2023/NĐ-CP", Some("điểm b khoản 1 Điều 1 Nghị định 48/2023/NĐ-CP")),
            ("k5 đ2", None),
            ("theo quy định", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(normalise_citation(typed).as_deref(), expected, "{typed}");
        }
    }

    #[test]
    fn an_unknown_decree_needs_its_year() {
        assert_eq!(normalise_citation("Điều 7 NĐ 35"), None);
        assert_eq!(normalise_citation("Điều 7 NĐ 35/2005"), Some("Điều 7 Nghị định 35/2005/NĐ-CP".into()));
    }

    #[test]
    fn the_discipline_exception() {
        assert_eq!(discipline_exception().to_string(), B_CL5);
    }
}
