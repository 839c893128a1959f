//! Proposed handling ("kiến nghị xử lý") of each rule's defects: the one table of it.
//!
//! The forms are those of the handling of unlawful or defective VBQPPL: đính chính (errors of
//! legal basis, format and presentation), sửa đổi/bổ sung, thay thế, bãi bỏ, đình chỉ việc thi
//! hành (Chương VIII of NĐ 34/2016/NĐ-CP; from 01/04/2025 NĐ 79/2025/NĐ-CP, with đính chính in
//! Điều 9 of NĐ 78/2025/NĐ-CP — RULES.md §8). A reviewer replaces the proposal of one finding
//! through the review file (`vbqppl review set ... --handling ...`).

use crate::parse::Regime;
use chrono::NaiveDate;

/// A form of handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Handling {
    /// Correct a slip of legal basis, format or presentation (đính chính).
    Correct,
    /// Amend or supplement the provision.
    Amend,
    /// Review the cited bases, then amend where they no longer hold.
    ReviewAndAmend,
    /// Suspend the execution and repeal (wrong competence).
    SuspendAndRepeal,
    /// Repeal the text issued in a wrong form, re-issue it in the proper one.
    RepealAndReissue,
    /// Repeal the provision.
    Repeal,
    /// Send or publish the document as required (recipients).
    SendOrPublish,
    /// Verify by hand (the rule needs a reviewer's judgement).
    Verify,
    /// Fix the electronic copy (encoding): no legal handling.
    FixCopy,
}

impl Handling {
    /// Vietnamese name, for reviewers.
    pub fn label_vi(self) -> &'static str {
        match self {
            Handling::Correct => "Đính chính",
            Handling::Amend => "Sửa đổi, bổ sung",
            Handling::ReviewAndAmend => "Rà soát, sửa đổi, bổ sung",
            Handling::SuspendAndRepeal => "Đề nghị đình chỉ việc thi hành, bãi bỏ",
            Handling::RepealAndReissue => "Bãi bỏ, ban hành lại đúng hình thức văn bản",
            Handling::Repeal => "Bãi bỏ nội dung trái thẩm quyền",
            Handling::SendOrPublish => "Gửi, đăng tải văn bản theo quy định",
            Handling::Verify => "Rà soát, xác minh",
            Handling::FixCopy => "Chuẩn hóa bản điện tử (không phải sai sót của văn bản)",
        }
    }

    /// The legal ground of the handling when it is proposed on `date` (the inspection follows
    /// the law in force when it is done, not the document's own period).
    pub fn ground_vi(self, date: NaiveDate) -> &'static str {
        let new_law = Regime::of(date) >= Regime::L2025;
        match (self, new_law) {
            (Handling::FixCopy | Handling::Verify, _) => "",
            (Handling::Correct, true) => "Điều 9 Nghị định 78/2025/NĐ-CP; Nghị định 79/2025/NĐ-CP",
            (_, true) => "Nghị định 79/2025/NĐ-CP",
            (_, false) => "Chương VIII Nghị định 34/2016/NĐ-CP",
        }
    }

    /// The proposal with its ground: `Đính chính (Điều 9 Nghị định 78/2025/NĐ-CP; ...)`.
    pub fn proposal_vi(self, date: NaiveDate) -> String {
        match self.ground_vi(date) {
            "" => self.label_vi().to_string(),
            ground => format!("{} (theo {ground})", self.label_vi()),
        }
    }
}

use Handling::*;

/// The handling proposed for each rule of [`crate::check::rules`], in catalogue order.
#[rustfmt::skip]
const TABLE: &[(&str, Handling)] = &[
    ("HT-001", RepealAndReissue), ("HT-002", SuspendAndRepeal), ("HT-003", SuspendAndRepeal),
    ("HT-004", Verify), ("HT-005", Verify), ("HT-006", ReviewAndAmend),
    ("HL-001", Amend), ("HL-002", Amend), ("HL-003", Verify), ("HL-004", Amend),
    ("HL-005", Correct), ("HL-006", Verify), ("HL-007", ReviewAndAmend), ("HL-008", Amend),
    ("CC-001", Correct), ("CC-002", Correct), ("CC-003", ReviewAndAmend), ("CC-004", Correct),
    ("CC-005", Correct), ("CC-006", Correct), ("CC-007", Correct), ("CC-008", Correct),
    ("SK-001", Correct), ("SK-002", Correct), ("SK-003", Correct), ("SK-004", Correct),
    ("SK-005", Correct), ("SK-006", Correct), ("SK-007", Correct),
    ("TG-001", Correct), ("TG-002", Correct), ("TG-003", Correct), ("TG-004", Verify),
    ("TG-005", Correct),
    ("TT-001", Correct), ("TT-002", Correct), ("TT-003", Correct), ("TT-004", Correct),
    ("TT-005", Correct),
    ("BC-001", Correct), ("BC-002", Correct), ("BC-003", Correct), ("BC-004", Correct),
    ("BC-005", Correct), ("BC-006", Correct), ("BC-007", Correct),
    ("CK-001", Verify), ("CK-002", Correct), ("CK-003", Correct), ("CK-004", Correct),
    ("CK-005", Correct),
    ("NN-001", SendOrPublish), ("NN-002", SendOrPublish), ("NN-003", SendOrPublish),
    ("SD-001", Amend), ("SD-002", Repeal), ("SD-003", Amend),
    ("ND-001", Correct), ("ND-002", FixCopy),
];

/// The handling proposed for a finding of `rule` (an unknown rule, e.g. the checker's own
/// failure, needs a reviewer).
pub fn of_rule(rule: &str) -> Handling {
    TABLE
        .iter()
        .find(|(id, _)| *id == rule)
        .map_or(Handling::Verify, |(_, h)| *h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_exactly_one_handling() {
        let rules: Vec<&str> = crate::check::rules()
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        let table: Vec<&str> = TABLE.iter().map(|(id, _)| *id).collect();
        assert_eq!(table, rules, "one row per rule, in catalogue order");
    }

    #[test]
    fn the_ground_follows_the_date_of_the_inspection() {
        let before = NaiveDate::from_ymd_opt(2024, 12, 1).unwrap();
        let after = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
        assert_eq!(
            of_rule("SK-003").proposal_vi(after),
            "Đính chính (theo Điều 9 Nghị định 78/2025/NĐ-CP; Nghị định 79/2025/NĐ-CP)"
        );
        assert_eq!(
            of_rule("HT-002").proposal_vi(before),
            "Đề nghị đình chỉ việc thi hành, bãi bỏ (theo Chương VIII Nghị định 34/2016/NĐ-CP)"
        );
        assert_eq!(of_rule("CC-003").label_vi(), "Rà soát, sửa đổi, bổ sung");
        assert_eq!(of_rule("INTERNAL"), Handling::Verify);
    }
}
