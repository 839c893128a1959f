//! A synthetic corpus for index benchmarks: provincial documents with distinct numbers, dates,
//! issuers and findings, whose bodies are passages of sample texts (real documents from
//! `../shared/corpus` when the caller has them, a few built-in paragraphs otherwise).
//!
//! Deterministic: document `i` is the same on every run, so benchmarks compare like with like.

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use vbqppl::check::{Finding, Severity};
use vbqppl::normalize::number_key;
use vbqppl::parse::{
    DocNumber, DocType, Document, Issuer, IssuerKind, Level, PlaceDate, Span, Spanned, Zones,
};

/// Built-in sample paragraphs, used when no sample texts are given.
const BUILTIN_TEXTS: &[&str] = &[
    "Điều 1. Phạm vi điều chỉnh\nQuy định này quy định về quản lý, sử dụng đất đai, giá đất và bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất trên địa bàn tỉnh.\nĐiều 2. Đối tượng áp dụng\n1. Cơ quan nhà nước thực hiện quyền hạn và trách nhiệm đại diện chủ sở hữu toàn dân về đất đai.\n2. Người sử dụng đất theo quy định của Luật Đất đai.\n3. Tổ chức, cá nhân khác có liên quan đến việc quản lý, sử dụng đất.\n",
    "Điều 3. Mức thu học phí\n1. Mức thu học phí đối với giáo dục mầm non và giáo dục phổ thông công lập năm học 2024 - 2025 được quy định tại Phụ lục kèm theo Nghị quyết này.\n2. Học sinh thuộc đối tượng miễn, giảm học phí được thực hiện theo quy định của Chính phủ.\nĐiều 4. Tổ chức thực hiện\nỦy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết này; Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân giám sát việc thực hiện.\n",
    "Điều 5. Hỗ trợ phát triển sản xuất nông nghiệp\n1. Hỗ trợ một lần kinh phí mua giống cây trồng, vật nuôi cho hộ nghèo, hộ cận nghèo.\n2. Hỗ trợ lãi suất vốn vay tại các tổ chức tín dụng để đầu tư xây dựng chuồng trại, mua máy móc, thiết bị.\n3. Kinh phí thực hiện từ nguồn ngân sách tỉnh và nguồn vốn lồng ghép các chương trình mục tiêu quốc gia.\n",
    "Điều 6. Quản lý trật tự xây dựng\n1. Chủ tịch Ủy ban nhân dân cấp xã chịu trách nhiệm kiểm tra, phát hiện và xử lý kịp thời các công trình vi phạm trật tự xây dựng.\n2. Sở Xây dựng hướng dẫn, đôn đốc, kiểm tra việc thực hiện quy định về cấp giấy phép xây dựng.\nĐiều 7. Hiệu lực thi hành\nQuyết định này có hiệu lực kể từ ngày 15 tháng 3 năm 2024.\n",
    "Điều 8. Bảo vệ môi trường\nCác cơ sở sản xuất, kinh doanh, dịch vụ phải thu gom, xử lý chất thải rắn sinh hoạt, chất thải nguy hại theo quy định; nghiêm cấm xả nước thải chưa qua xử lý ra môi trường. Ủy ban nhân dân các huyện, thành phố kiểm tra định kỳ và báo cáo kết quả về Sở Tài nguyên và Môi trường.\n",
];

const PROVINCES: &[(&str, &str)] = &[
    ("Thái Nguyên", "Thái Nguyên"),
    ("Sơn La", "Sơn La"),
    ("Hà Giang", "Hà Giang"),
    ("Đắk Lắk", "Buôn Ma Thuột"),
    ("Nghệ An", "Vinh"),
    ("Quảng Ninh", "Hạ Long"),
    ("Lào Cai", "Lào Cai"),
    ("Bình Định", "Quy Nhơn"),
    ("Cà Mau", "Cà Mau"),
    ("Thừa Thiên Huế", "Huế"),
    ("Điện Biên", "Điện Biên Phủ"),
    ("Hưng Yên", "Hưng Yên"),
];

const TOPICS: &[&str] = &[
    "quy định giá đất trên địa bàn tỉnh",
    "ban hành quy định quản lý trật tự xây dựng",
    "quy định mức thu học phí năm học",
    "chính sách hỗ trợ phát triển sản xuất nông nghiệp",
    "quy định về bảo vệ môi trường tại khu công nghiệp",
    "phân cấp quản lý nhà nước về giao thông đường bộ",
    "quy định chức năng, nhiệm vụ, quyền hạn của Sở Nội vụ",
    "hạn mức giao đất ở cho hộ gia đình, cá nhân",
];

const RULES: &[(&str, Severity)] = &[
    ("TG-002", Severity::Warning),
    ("HL-002", Severity::Error),
    ("SK-001", Severity::Error),
    ("CC-003", Severity::Warning),
    ("TT-001", Severity::Info),
];

/// One generated document with what the indexer needs besides it.
pub struct SyntheticDoc {
    pub id: String,
    pub path: String,
    pub document: Document,
    pub findings: Vec<Finding>,
}

impl SyntheticDoc {
    /// The document as the indexer takes it (a one-page Unicode text file).
    pub fn record(&self) -> vbqppl::index::IndexRecord<'_> {
        vbqppl::index::IndexRecord {
            id: &self.id,
            path: &self.path,
            format: vbqppl::extract::SourceFormat::Txt,
            pages: 1,
            text_layer: vbqppl::extract::TextLayer::Full,
            encoding: vbqppl::extract::Encoding::Unicode,
            document: &self.document,
            findings: &self.findings,
        }
    }
}

/// Generator of synthetic documents over a set of sample texts.
pub struct SyntheticCorpus {
    texts: Vec<String>,
    /// Body passage length in bytes (about; cut on character boundaries).
    body_bytes: usize,
}

/// splitmix64: a small, good-enough deterministic mixer.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn pick<T>(items: &[T], r: u64) -> &T {
    debug_assert!(!items.is_empty());
    &items[(r % items.len() as u64) as usize]
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl SyntheticCorpus {
    /// Over the built-in paragraphs.
    pub fn builtin() -> SyntheticCorpus {
        SyntheticCorpus::from_texts(BUILTIN_TEXTS.iter().map(|s| s.repeat(4)).collect())
    }

    /// Over sample texts (empty ones are dropped; none left means the built-in ones).
    pub fn from_texts(texts: Vec<String>) -> SyntheticCorpus {
        let texts: Vec<String> = texts.into_iter().filter(|t| t.len() > 200).collect();
        if texts.is_empty() {
            return SyntheticCorpus::builtin();
        }
        SyntheticCorpus {
            texts,
            body_bytes: 4000,
        }
    }

    pub fn with_body_bytes(mut self, bytes: usize) -> SyntheticCorpus {
        self.body_bytes = bytes.max(200);
        self
    }

    /// Document number `i`.
    pub fn document(&self, i: u64) -> SyntheticDoc {
        let r = mix(i);
        let (province, city) = *pick(PROVINCES, r);
        let council = (r >> 8) & 3 == 0;
        let (doc_type, type_name, type_abbr, issuer_name, issuer_abbr, kind) = if council {
            (
                DocType::NghiQuyet,
                "NGHỊ QUYẾT",
                "NQ",
                "HỘI ĐỒNG NHÂN DÂN",
                "HĐND",
                IssuerKind::HoiDongNhanDan,
            )
        } else {
            (
                DocType::QuyetDinh,
                "QUYẾT ĐỊNH",
                "QĐ",
                "ỦY BAN NHÂN DÂN",
                "UBND",
                IssuerKind::UyBanNhanDan,
            )
        };
        let year = 2005 + (r >> 12) % 21;
        let month = 1 + (r >> 20) % 12;
        let day = 1 + (r >> 24) % 28;
        let date = NaiveDate::from_ymd_opt(year as i32, month as u32, day as u32);
        // `i + 1` keeps numbers distinct across the whole corpus.
        let raw = format!("{}/{year}/{type_abbr}-{issuer_abbr}", i + 1);
        let topic = pick(TOPICS, r >> 32);
        let title = format!("{} {province} năm {year}", capitalize(topic));
        let passage = self.passage(r >> 40);
        let locality = format!("TỈNH {}", province.to_uppercase());
        let text = format!(
            "{issuer_name}\n{locality}\n\nSố: {raw}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n{city}, ngày {day:02} tháng {month:02} năm {year}\n\n{type_name}\n{title}\n\n{passage}\n"
        );
        let findings = (0..(r >> 48) % 3)
            .map(|k| {
                let (rule, severity) = *pick(RULES, mix(r ^ k));
                Finding {
                    rule: rule
                        .parse()
                        .expect("synthetic findings use rules of the table"),
                    severity,
                    message: format!("lỗi mẫu {rule}"),
                    message_en: format!("sample finding {rule}"),
                    legal_basis: String::new(),
                    legal_basis_tag: None,
                    page: None,
                    line: 1,
                    start: 0,
                    end: 0,
                    excerpt: String::new(),
                    absent: false,
                    suggestion: None,
                    confidence: Default::default(),
                    also_at: Vec::new(),
                }
            })
            .collect();
        let id = hex::encode(Sha256::digest(text.as_bytes()));
        let document = Document {
            issuer: Some(Issuer {
                name: format!("{issuer_name} {locality}"),
                locality: Some(locality.clone()),
                kind,
                level: Level::Province,
                span: Span::default(),
            }),
            parent_issuer: None,
            level: Level::Province,
            national_title: None,
            motto: None,
            number: Some(DocNumber {
                key: number_key(&raw),
                serial: (i + 1).to_string(),
                year: Some(year as i32),
                type_abbr: type_abbr.into(),
                issuer_abbr: issuer_abbr.into(),
                raw,
                ocr_suspect: false,
                span: Span::default(),
            }),
            place_date: Some(PlaceDate {
                place: Some(city.into()),
                date,
                day_raw: format!("{day:02}"),
                month_raw: format!("{month:02}"),
                year_raw: year.to_string(),
                numeric: false,
                span: Span::default(),
            }),
            doc_type: Some(Spanned {
                value: doc_type,
                span: Span::default(),
            }),
            type_name: Some(type_name.into()),
            title: Some(Spanned {
                value: title,
                span: Span::default(),
            }),
            enacting_formula: None,
            legal_bases: Vec::new(),
            structure: Vec::new(),
            attachments: Vec::new(),
            effective: None,
            signature: None,
            recipients: None,
            citations: Vec::new(),
            regime: None,
            passed_date: None,
            page_starts: Vec::new(),
            zones: Zones::default(),
            text,
        };
        SyntheticDoc {
            id,
            path: format!("synthetic/{:03}/{i:07}.txt", i % 1000),
            document,
            findings,
        }
    }

    /// A passage of one sample text, starting on a line.
    fn passage(&self, r: u64) -> String {
        let text = pick(&self.texts, r);
        let max_start = text.len().saturating_sub(self.body_bytes);
        let at = floor_char(text, (mix(r) % (max_start as u64 + 1)) as usize);
        let start = text[at..].find('\n').map_or(at, |n| at + n + 1);
        let start = if start >= text.len() { 0 } else { start };
        let end = floor_char(text, start + self.body_bytes);
        text[start..end].to_string()
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_deterministic_and_distinct() {
        let c = SyntheticCorpus::builtin();
        let (a, b) = (c.document(7), c.document(7));
        assert_eq!(a.id, b.id);
        assert_eq!(a.document.text, b.document.text);
        let n7 = a.document.number.as_ref().map(|n| n.key.clone());
        let n8 = c.document(8).document.number.map(|n| n.key);
        assert_ne!(n7, n8);
        assert!(a.document.text.contains(&a.document.title.unwrap().value));
    }
}
