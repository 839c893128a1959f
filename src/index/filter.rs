//! Search parameters as users write them, parsed once at the edge (CLI flags, HTTP query) into
//! the typed values of [`super::SearchRequest`], or into a [`ParamError`] naming the parameter
//! and the value: an unknown filter is the user's mistake, never a silent empty result.

use super::SortOrder;
use crate::check::{RuleId, Severity};
use crate::normalize::{fold_str, normalize_query};
use crate::parse::{DocType, Level};

/// A parameter of a search request, by its query-string name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    Type,
    Level,
    Rule,
    Severity,
    Year,
    From,
    To,
    Limit,
    Sort,
}

impl Param {
    /// Name in the query string (`type`) and, with `--`, on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Param::Type => "type",
            Param::Level => "level",
            Param::Rule => "rule",
            Param::Severity => "severity",
            Param::Year => "year",
            Param::From => "from",
            Param::To => "to",
            Param::Limit => "limit",
            Param::Sort => "sort",
        }
    }

    /// What the parameter is, in Vietnamese, as the search form labels it.
    pub fn label_vi(self) -> &'static str {
        match self {
            Param::Type => "loại văn bản",
            Param::Level => "cấp ban hành",
            Param::Rule => "mã lỗi",
            Param::Severity => "mức độ lỗi",
            Param::Year => "năm",
            Param::From => "từ ngày",
            Param::To => "đến ngày",
            Param::Limit => "số kết quả",
            Param::Sort => "cách sắp xếp",
        }
    }

    /// The values accepted, in Vietnamese.
    fn expected_vi(self) -> &'static str {
        match self {
            Param::Type => {
                "mã (nghi_dinh), tên có hoặc không dấu (Nghị định, nghi dinh) hoặc ký hiệu (NĐ, ND)"
            }
            Param::Level => "central, province, district, commune hoặc Trung ương, Tỉnh, Huyện, Xã",
            Param::Rule => "mã quy tắc như HL-002 (danh sách: vbqppl rules)",
            Param::Severity => "error, warning, info hoặc Lỗi, Cảnh báo, Thông tin",
            Param::Year => "một năm như 2020",
            Param::From | Param::To => "ngày dạng YYYY-MM-DD",
            Param::Limit => "một số nguyên không âm",
            Param::Sort => "relevance, date_desc hoặc date_asc",
        }
    }
}

/// A value that a parameter does not accept: the user's error (HTTP 400, CLI exit 2).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} không hợp lệ ({}): {:?}; cần {}", .param.label_vi(), .param.name(), .value, .param.expected_vi())]
pub struct ParamError {
    pub param: Param,
    pub value: String,
}

impl ParamError {
    pub fn new(param: Param, value: &str) -> ParamError {
        ParamError {
            param,
            value: value.trim().to_string(),
        }
    }
}

/// A filter value read from what a user typed.
pub trait FilterValue: Sized {
    const PARAM: Param;
    /// The value `input` names, if any (`input` is trimmed and not empty).
    fn from_user(input: &str) -> Option<Self>;
}

/// The one parse function of filters, for clap's `value_parser` and the HTTP query alike.
pub fn parse_filter<T: FilterValue>(input: &str) -> Result<T, ParamError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ParamError::new(T::PARAM, input));
    }
    T::from_user(trimmed).ok_or_else(|| ParamError::new(T::PARAM, input))
}

/// `Nghị  Định`, `nghi_dinh`, `NGHI-DINH` → `nghi_dinh`: folded words joined by `_`, the way keys
/// are spelled.
fn folded_key(input: &str) -> String {
    let folded = fold_str(&normalize_query(input));
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    words.join("_")
}

impl FilterValue for DocType {
    const PARAM: Param = Param::Type;

    fn from_user(input: &str) -> Option<DocType> {
        let key = folded_key(input);
        DocType::ALL
            .into_iter()
            .find(|t| t.key() == key || folded_key(t.label_vi()) == key)
            .or_else(|| DocType::from_symbol(input))
    }
}

impl FilterValue for Level {
    const PARAM: Param = Param::Level;

    fn from_user(input: &str) -> Option<Level> {
        // `tỉnh` and `cấp tỉnh` name the same level.
        let bare = |s: &str| {
            let key = folded_key(s);
            key.strip_prefix("cap_").map(str::to_string).unwrap_or(key)
        };
        let wanted = bare(input);
        Level::ALL
            .into_iter()
            .find(|l| l.key() == wanted || bare(l.label_vi()) == wanted)
    }
}

impl FilterValue for Severity {
    const PARAM: Param = Param::Severity;

    fn from_user(input: &str) -> Option<Severity> {
        let key = folded_key(input);
        Severity::ALL
            .into_iter()
            .find(|s| s.as_str() == key || folded_key(s.label_vi()) == key)
    }
}

impl FilterValue for SortOrder {
    const PARAM: Param = Param::Sort;

    fn from_user(input: &str) -> Option<SortOrder> {
        match input {
            "relevance" => Some(SortOrder::Relevance),
            "date_desc" | "date" => Some(SortOrder::DateDesc),
            "date_asc" => Some(SortOrder::DateAsc),
            _ => None,
        }
    }
}

/// A rule ID of the rule table, in any case (`hl-002`).
impl FilterValue for RuleId {
    const PARAM: Param = Param::Rule;

    fn from_user(input: &str) -> Option<RuleId> {
        input.trim().to_uppercase().parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_by_key_name_and_symbol() {
        for input in [
            "nghi_dinh",
            "Nghị định",
            "nghị định",
            "NGHỊ ĐỊNH",
            "nghi dinh",
            "NĐ",
            "ND",
            "nđ",
        ] {
            assert_eq!(
                parse_filter::<DocType>(input),
                Ok(DocType::NghiDinh),
                "{input}"
            );
        }
        assert_eq!(
            parse_filter::<DocType>("Quyết định"),
            Ok(DocType::QuyetDinh)
        );
        assert_eq!(parse_filter::<DocType>("QĐ"), Ok(DocType::QuyetDinh));
        assert_eq!(
            parse_filter::<DocType>("thong tu lien tich"),
            Ok(DocType::ThongTuLienTich)
        );
        assert_eq!(
            parse_filter::<DocType>("TTLT"),
            Ok(DocType::ThongTuLienTich)
        );
        assert_eq!(parse_filter::<DocType>("Khác"), Ok(DocType::Other));
        for t in DocType::ALL {
            assert_eq!(parse_filter::<DocType>(t.key()), Ok(t));
            assert_eq!(parse_filter::<DocType>(t.label_vi()), Ok(t));
        }
    }

    #[test]
    fn levels_by_key_and_name() {
        for input in ["province", "Tỉnh", "tinh", "Cấp tỉnh", "cap tinh", " TỈNH "] {
            assert_eq!(parse_filter::<Level>(input), Ok(Level::Province), "{input}");
        }
        assert_eq!(parse_filter::<Level>("Trung ương"), Ok(Level::Central));
        assert_eq!(parse_filter::<Level>("trung uong"), Ok(Level::Central));
        assert_eq!(parse_filter::<Level>("Xã"), Ok(Level::Commune));
        assert_eq!(parse_filter::<Level>("huyen"), Ok(Level::District));
        for l in Level::ALL {
            assert_eq!(parse_filter::<Level>(l.key()), Ok(l));
            assert_eq!(parse_filter::<Level>(l.label_vi()), Ok(l));
        }
    }

    #[test]
    fn severities_by_key_and_label() {
        assert_eq!(parse_filter::<Severity>("warning"), Ok(Severity::Warning));
        assert_eq!(parse_filter::<Severity>("Cảnh báo"), Ok(Severity::Warning));
        assert_eq!(parse_filter::<Severity>("canh bao"), Ok(Severity::Warning));
        assert_eq!(parse_filter::<Severity>("LỖI"), Ok(Severity::Error));
        assert_eq!(parse_filter::<Severity>("Error"), Ok(Severity::Error));
        assert_eq!(parse_filter::<Severity>("thong tin"), Ok(Severity::Info));
    }

    #[test]
    fn rules_are_checked_against_the_table() {
        assert_eq!(
            parse_filter::<RuleId>(" hl-002 ").map(RuleId::as_str),
            Ok("HL-002")
        );
        assert!(parse_filter::<RuleId>("XX-999").is_err());
    }

    #[test]
    fn unknown_values_name_the_parameter_and_the_value() {
        let e = parse_filter::<DocType>("nghi dinhh").unwrap_err();
        assert_eq!(e, ParamError::new(Param::Type, "nghi dinhh"));
        let msg = e.to_string();
        assert!(
            msg.starts_with("loại văn bản không hợp lệ (type): \"nghi dinhh\""),
            "{msg}"
        );
        assert!(!msg.contains('\n'));
        assert_eq!(
            parse_filter::<Level>("ward").unwrap_err().param,
            Param::Level
        );
        assert_eq!(
            parse_filter::<Severity>("fatal").unwrap_err().param,
            Param::Severity
        );
        assert_eq!(
            parse_filter::<SortOrder>("newest").unwrap_err().param,
            Param::Sort
        );
        assert_eq!(
            parse_filter::<DocType>("  ").unwrap_err().param,
            Param::Type
        );
    }
}
