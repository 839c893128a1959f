//! The sample documents of `corpus/`, as data: invented provincial, district, commune and central
//! documents across the regimes of RULES.md §1, about half clean and the rest each carrying one
//! to three deliberate defects (recorded in the manifest with the rule IDs that must fire).
//!
//! Each row of [`DOCUMENTS`] names the issuer, place, date, subject and signer of a document; the
//! builder (`compose`) writes it as its issuer would have, then applies the row's edits. The
//! order of the rows is the order of the manifest.

use crate::compose::{
    ymd, Article, Defect, Department, DocSpec, Edit, Effect, Kind, Place, Proposal, Subject,
    CENTRAL, COMMUNE, DISTRICT, PROVINCE,
};
use crate::{Format, SampleDoc};
use chrono::NaiveDate;

/// Every sample document of `corpus/`, in a stable order.
pub fn sample_documents() -> Vec<SampleDoc> {
    DOCUMENTS
        .iter()
        .map(|spec| match spec.compose() {
            Ok(doc) => doc,
            // The table is static data: a row that does not apply is a bug of this file, which
            // the crate's tests catch before any corpus is written.
            Err(e) => panic!("{e}"),
        })
        .collect()
}

/// A row with no edits, no defects and no lead basis.
#[allow(clippy::too_many_arguments)]
const fn doc(
    stem: &'static str,
    format: Format,
    kind: Kind,
    place: Place,
    serial: u32,
    date: NaiveDate,
    effect: Effect,
    subject: Subject,
    head_signs: bool,
    signer: &'static str,
    description: &'static str,
) -> DocSpec {
    DocSpec {
        stem,
        format,
        kind,
        place,
        serial,
        date,
        effect,
        subject,
        lead_basis: None,
        head_signs,
        signer,
        description,
        edits: &[],
        defects: &[],
    }
}

/// Decision of the provincial UBND on the price of waste collection, proposed by Sở Tài chính.
const fn province_waste(
    stem: &'static str,
    format: Format,
    serial: u32,
    date: NaiveDate,
    effect: Effect,
    description: &'static str,
) -> DocSpec {
    let proposal = Proposal::Department(Department::Finance, 100 + serial);
    doc(
        stem,
        format,
        Kind::Ubnd,
        PROVINCE,
        serial,
        date,
        effect,
        Subject::Waste(proposal),
        false,
        "Trần Văn Bình",
        description,
    )
}

/// Resolution of the provincial HĐND on the fee for visiting historic sites.
const fn province_fee(
    stem: &'static str,
    format: Format,
    serial: u32,
    date: NaiveDate,
    effect: Effect,
    description: &'static str,
) -> DocSpec {
    doc(
        stem,
        format,
        Kind::Hdnd,
        PROVINCE,
        serial,
        date,
        effect,
        Subject::Fee,
        true,
        "Nguyễn Thị Hồng Lan",
        description,
    )
}

const fn on(y: i32, m: u32, d: u32) -> Effect {
    Effect::On(ymd(y, m, d))
}

const fn defect(text: &'static str, rules: &'static [&'static str]) -> Defect {
    Defect { text, rules }
}

/// Delegating article of the 2025 law as amended, cited by commune documents after 01/7/2025.
const ARTICLE_22_AS_AMENDED: &str = "Căn cứ Điều 22 Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025 được sửa đổi, bổ sung bởi Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 25 tháng 6 năm 2025;";

/// The budget law in force in 2012.
const BUDGET_LAW_2002: &str = "Căn cứ Luật Ngân sách nhà nước ngày 16 tháng 12 năm 2002;";

pub(crate) static DOCUMENTS: &[DocSpec] = &[
    // ---- Clean documents ----------------------------------------------------------------
    // Provincial decision with an attached regulation, L2015_2020.
    doc(
        "2022-qd-ubnd-tinh-binh-an-12-phan-cap-duong-bo",
        Format::Pdf,
        Kind::Ubnd,
        PROVINCE,
        12,
        ymd(2022, 4, 5),
        on(2022, 4, 18),
        Subject::Roads(Proposal::Department(Department::Transport, 215)),
        true,
        "Lê Minh Quang",
        "Quyết định của UBND tỉnh ban hành kèm theo Quy định phân cấp quản lý, bảo trì đường bộ (Chương I–II); hiệu lực sau 13 ngày. Sạch.",
    ),
    // Provincial HĐND resolution on a fee, L2015_2020.
    province_fee(
        "2022-nq-hdnd-tinh-binh-an-08-phi-tham-quan-di-tich",
        Format::Pdf,
        8,
        ymd(2022, 7, 14),
        on(2022, 8, 1),
        "Nghị quyết HĐND tỉnh quy định phí tham quan di tích; hiệu lực sau 18 ngày. Sạch.",
    ),
    // District decision, L2015, delegating article cited.
    DocSpec {
        lead_basis: Some("Căn cứ Điều 30 Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;"),
        ..doc(
            "2018-qd-ubnd-huyen-tan-phu-03-gia-thu-gom-rac",
            Format::Pdf,
            Kind::Ubnd,
            DISTRICT,
            3,
            ymd(2018, 9, 10),
            on(2018, 9, 20),
            Subject::Waste(Proposal::Text("Theo đề nghị của Trưởng phòng Tài chính - Kế hoạch huyện tại Tờ trình số 58/TTr-TCKH ngày 27 tháng 8 năm 2018.")),
            true,
            "Phạm Văn Hùng",
            "Quyết định của UBND huyện (L2015) quy định giá dịch vụ thu gom rác; hiệu lực sau 10 ngày (tối thiểu 7). Sạch.",
        )
    },
    // Commune decision after the two-tier reform, L2025_87.
    DocSpec {
        lead_basis: Some(ARTICLE_22_AS_AMENDED),
        ..doc(
            "2025-qd-ubnd-xa-tan-hoa-02-nha-van-hoa",
            Format::Docx,
            Kind::Ubnd,
            COMMUNE,
            2,
            ymd(2025, 9, 15),
            on(2025, 10, 1),
            Subject::CultureHouse(Proposal::Text("Theo đề nghị của Trưởng phòng Văn hóa - Xã hội xã tại Tờ trình số 21/TTr-VHXH ngày 04 tháng 9 năm 2025.")),
            true,
            "Võ Thị Mai",
            "Quyết định của UBND xã (chính quyền hai cấp, L2025_87) về nhà văn hóa thôn; công thức ban hành kiểu 2025; hiệu lực sau 16 ngày. Sạch.",
        )
    },
    // Commune HĐND resolution, L2025_87.
    DocSpec {
        lead_basis: Some(ARTICLE_22_AS_AMENDED),
        ..doc(
            "2025-nq-hdnd-xa-tan-hoa-04-ho-tro-hoc-phi",
            Format::Txt,
            Kind::Hdnd,
            COMMUNE,
            4,
            ymd(2025, 10, 20),
            on(2025, 11, 1),
            Subject::Tuition,
            true,
            "Đặng Văn Lộc",
            "Nghị quyết HĐND xã (L2025_87) hỗ trợ học phí; hiệu lực sau 12 ngày. Sạch.",
        )
    },
    // Provincial decision, October 2025, bases of 2025.
    province_waste(
        "2025-qd-ubnd-tinh-binh-an-128-gia-thu-gom-rac",
        Format::Pdf,
        128,
        ymd(2025, 10, 9),
        on(2025, 10, 20),
        "Quyết định UBND tỉnh tháng 10/2025 (L2025_87): căn cứ Luật TCCQĐP 16/6/2025, Luật BHVBQPPL 19/02/2025 và Luật sửa đổi 25/6/2025; hiệu lực sau 11 ngày. Sạch.",
    ),
    // Provincial HĐND resolution 2018, L2015.
    doc(
        "2018-nq-hdnd-tinh-binh-an-05-ho-tro-hoc-phi",
        Format::Pdf,
        Kind::Hdnd,
        PROVINCE,
        5,
        ymd(2018, 7, 19),
        on(2018, 7, 29),
        Subject::Tuition,
        true,
        "Hoàng Văn Thái",
        "Nghị quyết HĐND tỉnh (L2015); hiệu lực đúng 10 ngày sau khi thông qua (biên HL-002). Sạch.",
    ),
    // Provincial decision 2012 under L2004, relative effective clause.
    province_waste(
        "2012-qd-ubnd-tinh-binh-an-29-gia-thu-gom-rac",
        Format::Txt,
        29,
        ymd(2012, 10, 19),
        Effect::AfterDays(10),
        "Quyết định UBND tỉnh năm 2012 (L2004): căn cứ Luật Tổ chức HĐND và UBND 2003 và Luật BHVBQPPL của HĐND, UBND 2004; hiệu lực sau 10 ngày kể từ ngày ký. Sạch.",
    ),
    // District decision 2012, L2004, 7 days.
    DocSpec {
        lead_basis: Some(BUDGET_LAW_2002),
        ..doc(
            "2012-qd-ubnd-huyen-tan-phu-06-nha-van-hoa",
            Format::Txt,
            Kind::Ubnd,
            DISTRICT,
            6,
            ymd(2012, 5, 8),
            Effect::AfterDays(7),
            Subject::CultureHouse(Proposal::Text("Theo đề nghị của Trưởng phòng Văn hóa và Thông tin huyện tại Tờ trình số 19/TTr-VHTT ngày 25 tháng 4 năm 2012.")),
            false,
            "Lý Văn Sơn",
            "Quyết định UBND huyện năm 2012 (L2004) về nhà văn hóa; hiệu lực sau 7 ngày kể từ ngày ký (tối thiểu cấp huyện). Sạch.",
        )
    },
    // Government decree 2022.
    doc(
        "2022-nd-cp-62-kinh-phi-dat-trong-lua",
        Format::Pdf,
        Kind::Government,
        CENTRAL,
        62,
        ymd(2022, 9, 12),
        on(2022, 11, 1),
        Subject::Decree,
        false,
        "Trần Quốc Khải",
        "Nghị định của Chính phủ (L2015_2020) về kinh phí bảo vệ đất trồng lúa; hiệu lực sau 50 ngày. Sạch.",
    ),
    // Ministry circular 2018.
    doc(
        "2018-tt-btc-41-phi-tham-dinh-giay-phep",
        Format::Docx,
        Kind::Ministry,
        CENTRAL,
        41,
        ymd(2018, 5, 4),
        on(2018, 6, 20),
        Subject::Circular,
        false,
        "Vũ Thị Mai",
        "Thông tư của Bộ Tài chính (L2015); căn cứ Nghị định về chức năng của Bộ; hiệu lực sau 47 ngày. Sạch.",
    ),
    // Provincial decision May 2025, L2025 (original text).
    province_waste(
        "2025-qd-ubnd-tinh-binh-an-45-gia-thu-gom-rac",
        Format::Pdf,
        45,
        ymd(2025, 5, 12),
        on(2025, 5, 23),
        "Quyết định UBND tỉnh tháng 5/2025 (L2025): căn cứ Luật TCCQĐP và Luật BHVBQPPL ngày 19/02/2025; hiệu lực sau 11 ngày. Sạch.",
    ),
    // Provincial HĐND resolution 2023.
    doc(
        "2023-nq-hdnd-tinh-binh-an-11-ho-tro-hoc-phi",
        Format::Docx,
        Kind::Hdnd,
        PROVINCE,
        11,
        ymd(2023, 12, 8),
        on(2024, 1, 1),
        Subject::Tuition,
        true,
        "Nguyễn Thị Hồng Lan",
        "Nghị quyết HĐND tỉnh (L2015_2020) hỗ trợ học phí; hiệu lực từ 01/01/2024. Sạch.",
    ),
    // Provincial decision 2020 (L2015, after the 2019 amendment took effect).
    DocSpec {
        edits: &[Edit::PushPara {
            article: "Điều 4.",
            text: "Quyết định này thay thế Quyết định số 07/2018/QĐ-UBND ngày 05 tháng 4 năm 2018 của Ủy ban nhân dân tỉnh Bình An quy định giá dịch vụ thu gom, vận chuyển rác thải sinh hoạt trên địa bàn tỉnh.",
        }],
        ..province_waste(
            "2020-qd-ubnd-tinh-binh-an-33-gia-thu-gom-rac",
            Format::Txt,
            33,
            ymd(2020, 11, 16),
            on(2020, 12, 1),
            "Quyết định UBND tỉnh (L2015) thay thế đích danh quyết định cũ; hiệu lực sau 15 ngày. Sạch.",
        )
    },
    // ---- Defective documents --------------------------------------------------------------
    // HL-002: three days after signing.
    DocSpec {
        defects: &[defect("Hiệu lực từ 09/6/2022, ký 06/6/2022: 3 ngày < 10 ngày tối thiểu cấp tỉnh (L2015 Điều 151).", &["HL-002"])],
        ..province_waste(
            "2022-qd-ubnd-tinh-binh-an-18-hieu-luc-3-ngay",
            Format::Pdf,
            18,
            ymd(2022, 6, 6),
            on(2022, 6, 9),
            "Quyết định UBND tỉnh có hiệu lực chỉ 3 ngày sau khi ký.",
        )
    },
    // SK-003 + TG-002: number and day without leading zero.
    DocSpec {
        edits: &[
            Edit::NumberLine("Số: 5/2022/QĐ-UBND"),
            Edit::DateLine("Bình An, ngày 5 tháng 3 năm 2022"),
        ],
        defects: &[
            defect("Số ký hiệu `5/2022/QĐ-UBND` thiếu số 0 trước số thứ tự nhỏ hơn 10.", &["SK-003"]),
            defect("Dòng ngày `ngày 5 tháng 3 năm 2022` thiếu số 0 trước ngày nhỏ hơn 10.", &["TG-002"]),
        ],
        ..province_waste(
            "2022-qd-ubnd-tinh-binh-an-5-so-khong-co-so-0",
            Format::Pdf,
            5,
            ymd(2022, 3, 5),
            on(2022, 3, 21),
            "Quyết định UBND tỉnh: số thứ tự và ngày viết thiếu số 0.",
        )
    },
    // SK-004: year in number differs from issue year.
    DocSpec {
        edits: &[Edit::Number("01/2022/QĐ-UBND")],
        defects: &[defect("Năm trong số ký hiệu (2022) khác năm ban hành (2023).", &["SK-004"])],
        ..province_waste(
            "2023-qd-ubnd-tinh-binh-an-01-nam-trong-so-sai",
            Format::Txt,
            1,
            ymd(2023, 1, 3),
            on(2023, 1, 16),
            "Quyết định UBND tỉnh ký đầu năm 2023 nhưng số ký hiệu mang năm 2022.",
        )
    },
    // CK-001 + CK-002: signed TL. by the chief of office.
    DocSpec {
        edits: &[Edit::Signature {
            lines: &["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"],
            name: "Đỗ Quốc Khánh",
        }],
        defects: &[
            defect("Ký `TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG`: VBQPPL không được ký thừa lệnh.", &["CK-001"]),
            defect("Khối chữ ký thiếu `TM. ỦY BAN NHÂN DÂN`.", &["CK-002"]),
        ],
        ..province_waste(
            "2024-qd-ubnd-tinh-binh-an-14-ky-thua-lenh",
            Format::Pdf,
            14,
            ymd(2024, 4, 8),
            on(2024, 4, 20),
            "Quyết định UBND tỉnh do Chánh Văn phòng ký thừa lệnh Chủ tịch.",
        )
    },
    // NN-001: no recipients.
    DocSpec {
        edits: &[Edit::Recipients(&[])],
        defects: &[defect("Không có khối `Nơi nhận:`.", &["NN-001"])],
        ..province_fee(
            "2021-nq-hdnd-tinh-binh-an-06-thieu-noi-nhan",
            Format::Docx,
            6,
            ymd(2021, 6, 29),
            on(2021, 7, 10),
            "Nghị quyết HĐND tỉnh không có phần Nơi nhận.",
        )
    },
    // BC-001 + BC-003: Điều 1, 2, 4 and khoản 1, 2, 2.
    DocSpec {
        edits: &[
            Edit::RenameArticle { article: "Điều 3.", from: "Điều 3.", to: "Điều 4." },
            Edit::RenameArticle { article: "Điều 5.", from: "Điều 5.", to: "Điều 6." },
            Edit::RenameArticle { article: "Điều 4. Hiệu", from: "Điều 4.", to: "Điều 5." },
            Edit::RenumberPara { article: "Điều 2.", from: "3. ", to: "2. " },
            Edit::FirstRecipient("- Như Điều 6;"),
        ],
        defects: &[
            defect("Các điều đánh số 1, 2, 4, 5, 6 (thiếu Điều 3).", &["BC-001"]),
            defect("Khoản trong Điều 2 đánh số 1, 2, 2.", &["BC-003"]),
        ],
        ..province_waste(
            "2022-qd-ubnd-tinh-binh-an-21-danh-so-dieu-khoan-sai",
            Format::Pdf,
            21,
            ymd(2022, 8, 15),
            on(2022, 8, 26),
            "Quyết định UBND tỉnh đánh số điều và khoản sai.",
        )
    },
    // BC-004 + BC-005: points a, b, d and bullets inside a point.
    DocSpec {
        edits: &[
            Edit::RenumberPara { article: "Điều 2.", from: "c) ", to: "d) " },
            Edit::SplitPara {
                article: "Điều 2.",
                starts: "b) ",
                with: &[
                    "b) Giảm 50% mức phí đối với các đối tượng sau:",
                    "- Người cao tuổi;",
                    "- Người hưởng chính sách như thương binh.",
                ],
            },
        ],
        defects: &[
            defect("Điểm trong khoản 3 Điều 2 đánh a), b), d) (bỏ c).", &["BC-004"]),
            defect("Điểm b) khoản 3 Điều 2 chia ý bằng gạch đầu dòng.", &["BC-005"]),
        ],
        ..province_fee(
            "2023-nq-hdnd-tinh-binh-an-09-diem-va-gach-dau-dong",
            Format::Txt,
            9,
            ymd(2023, 7, 12),
            on(2023, 8, 1),
            "Nghị quyết HĐND tỉnh: điểm đánh a, b, d và gạch đầu dòng trong điểm.",
        )
    },
    // TT-001 + TG-005: motto misspelt; closing date differs.
    DocSpec {
        edits: &[
            Edit::Motto("Độc lập - Tự do - Hạnh Phúc"),
            Edit::ReplaceInClosing { from: "ngày 09 tháng 12 năm 2022", to: "ngày 08 tháng 12 năm 2022" },
        ],
        defects: &[
            defect("Tiêu ngữ `Độc lập - Tự do - Hạnh Phúc` (viết hoa chữ Phúc).", &["TT-001"]),
            defect("Dòng kết ghi thông qua ngày 08/12/2022, dòng ngày ghi 09/12/2022.", &["TG-005"]),
        ],
        ..province_fee(
            "2022-nq-hdnd-tinh-binh-an-15-tieu-ngu-sai",
            Format::Pdf,
            15,
            ymd(2022, 12, 9),
            on(2023, 1, 1),
            "Nghị quyết HĐND tỉnh: tiêu ngữ viết hoa sai; ngày thông qua ở dòng kết khác dòng ngày.",
        )
    },
    // SD-001: blanket repeal.
    DocSpec {
        edits: &[Edit::PushPara {
            article: "Điều 4.",
            text: "Những quy định trước đây của Ủy ban nhân dân tỉnh trái với Quyết định này đều bị bãi bỏ.",
        }],
        defects: &[defect("Câu `Những quy định trước đây … trái với Quyết định này đều bị bãi bỏ` không nêu văn bản bị bãi bỏ.", &["SD-001"])],
        ..province_waste(
            "2019-qd-ubnd-tinh-binh-an-24-bai-bo-chung-chung",
            Format::Docx,
            24,
            ymd(2019, 6, 3),
            on(2019, 6, 15),
            "Quyết định UBND tỉnh có điều khoản bãi bỏ chung chung.",
        )
    },
    // HT-003: district decision after 01/07/2025.
    DocSpec {
        defects: &[defect("UBND cấp huyện ban hành VBQPPL ngày 20/8/2025, khi cấp huyện không còn thẩm quyền (chính quyền địa phương hai cấp).", &["HT-003"])],
        ..doc(
            "2025-qd-ubnd-huyen-tan-phu-04-cap-huyen-da-bai-bo",
            Format::Pdf,
            Kind::Ubnd,
            DISTRICT,
            4,
            ymd(2025, 8, 20),
            on(2025, 9, 1),
            Subject::Waste(Proposal::Text("Theo đề nghị của Trưởng phòng Tài chính - Kế hoạch huyện tại Tờ trình số 77/TTr-TCKH ngày 08 tháng 8 năm 2025.")),
            true,
            "Phạm Văn Hùng",
            "Quyết định của UBND huyện ký sau ngày cấp huyện chấm dứt hoạt động (01/7/2025).",
        )
    },
    // HT-001: normative Chỉ thị dated 2019.
    DocSpec {
        edits: &[
            Edit::DocType { name: "CHỈ THỊ", meta: "Chỉ thị" },
            Edit::Number("03/2019/CT-UBND"),
            Edit::Summary(&[
                "Về mức thu tiền dịch vụ thu gom, vận chuyển rác thải sinh hoạt",
                "trên địa bàn tỉnh Bình An",
            ]),
            Edit::Authority(&[]),
            Edit::PopBasis,
            Edit::Enacting("Để thống nhất mức thu tiền dịch vụ thu gom, vận chuyển rác thải sinh hoạt trên địa bàn tỉnh, Ủy ban nhân dân tỉnh chỉ thị:"),
            Edit::Body(&[Article {
                heading: "",
                paras: &[
                    "1. Hộ gia đình ở khu vực đô thị nộp 30.000 đồng/hộ/tháng; hộ gia đình ở khu vực nông thôn nộp 15.000 đồng/hộ/tháng.",
                    "2. Cơ quan, tổ chức, cơ sở sản xuất, kinh doanh nộp 180.000 đồng/m³ rác thải.",
                    "3. Ủy ban nhân dân các huyện, thị xã, thành phố tổ chức thu và chịu trách nhiệm thực hiện Chỉ thị này.",
                    "4. Chỉ thị này có hiệu lực thi hành từ ngày 15 tháng 8 năm 2019./.",
                ],
            }]),
            Edit::FirstRecipient("- UBND các huyện, thị xã, thành phố;"),
        ],
        defects: &[defect("Chỉ thị mang số `03/2019/CT-UBND` có nội dung quy phạm sau 01/7/2016: Chỉ thị không còn là loại VBQPPL.", &["HT-001"])],
        ..province_waste(
            "2019-ct-ubnd-tinh-binh-an-03-chi-thi-chua-qppl",
            Format::Txt,
            3,
            ymd(2019, 8, 2),
            on(2019, 8, 15),
            "Chỉ thị của UBND tỉnh năm 2019 chứa quy phạm (mức thu), ban hành như VBQPPL.",
        )
    },
    // CC-003: expired bases in October 2025.
    DocSpec {
        edits: &[Edit::LocalBasesOf(ymd(2022, 1, 1))],
        defects: &[defect("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015 (hết hiệu lực 01/3/2025) và Luật Ban hành VBQPPL ngày 22/6/2015 (hết hiệu lực 01/4/2025) trong văn bản ký 10/10/2025.", &["CC-003"])],
        ..province_waste(
            "2025-qd-ubnd-tinh-binh-an-131-can-cu-het-hieu-luc",
            Format::Pdf,
            131,
            ymd(2025, 10, 10),
            on(2025, 10, 25),
            "Quyết định UBND tỉnh tháng 10/2025 vẫn căn cứ các luật đã hết hiệu lực.",
        )
    },
    // CC-004: basis issued after the document.
    DocSpec {
        edits: &[Edit::InsertBasis(4, "Căn cứ Nghị định số 25/2024/NĐ-CP ngày 20 tháng 4 năm 2024 của Chính phủ quy định chi tiết một số điều về giá dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt;")],
        defects: &[defect("Căn cứ Nghị định ngày 20/4/2024 trong văn bản ký 12/3/2024.", &["CC-004"])],
        ..province_waste(
            "2024-qd-ubnd-tinh-binh-an-09-can-cu-ban-hanh-sau",
            Format::Txt,
            9,
            ymd(2024, 3, 12),
            on(2024, 3, 25),
            "Quyết định UBND tỉnh căn cứ một nghị định ban hành sau ngày ký quyết định.",
        )
    },
    // CC-002: administrative letter cited as basis.
    DocSpec {
        edits: &[Edit::InsertBasis(4, "Căn cứ Công văn số 1234/BTC-QLG ngày 12 tháng 3 năm 2021 của Bộ Tài chính về việc hướng dẫn định giá dịch vụ thu gom, vận chuyển rác thải;")],
        defects: &[defect("Căn cứ Công văn số 1234/BTC-QLG (văn bản hành chính, không phải VBQPPL).", &["CC-002"])],
        ..province_waste(
            "2021-qd-ubnd-tinh-binh-an-17-can-cu-cong-van",
            Format::Docx,
            17,
            ymd(2021, 5, 17),
            on(2021, 6, 1),
            "Quyết định UBND tỉnh lấy công văn hành chính làm căn cứ ban hành.",
        )
    },
    // CC-001: no bases at all (CC-006, no competence basis, is subsumed: reported once as CC-001).
    DocSpec {
        edits: &[Edit::Bases(&[]), Edit::Authority(&[])],
        defects: &[defect("Không có dòng `Căn cứ` nào: sau trích yếu là ngay `QUYẾT ĐỊNH:`.", &["CC-001"])],
        ..province_waste(
            "2022-qd-ubnd-tinh-binh-an-27-khong-co-can-cu",
            Format::Pdf,
            27,
            ymd(2022, 10, 3),
            on(2022, 10, 15),
            "Quyết định UBND tỉnh không có phần căn cứ ban hành.",
        )
    },
    // CC-006: bases cite the sector laws but not the law that gives UBND its competence.
    DocSpec {
        edits: &[Edit::DropBases("chính quyền địa phương")],
        defects: &[defect("Không căn cứ Luật Tổ chức chính quyền địa phương (căn cứ về thẩm quyền của UBND).", &["CC-006"])],
        ..province_waste(
            "2022-qd-ubnd-tinh-binh-an-29-thieu-can-cu-tham-quyen",
            Format::Txt,
            29,
            ymd(2022, 10, 10),
            on(2022, 10, 25),
            "Quyết định UBND tỉnh có căn cứ ngành nhưng không căn cứ luật về thẩm quyền.",
        )
    },
    // ND-002: TCVN3 text of a district decision.
    DocSpec {
        lead_basis: Some(BUDGET_LAW_2002),
        defects: &[defect("Tệp văn bản mã hóa TCVN3 (byte 0xA0–0xFF), không phải Unicode; chữ hoa có dấu mất hoa.", &["ND-002"])],
        ..doc(
            "2012-qd-ubnd-huyen-tan-phu-09-ma-tcvn3",
            Format::TxtTcvn3,
            Kind::Ubnd,
            DISTRICT,
            9,
            ymd(2012, 11, 5),
            Effect::AfterDays(7),
            Subject::CultureHouse(Proposal::Text("Theo đề nghị của Trưởng phòng Văn hóa và Thông tin huyện tại Tờ trình số 44/TTr-VHTT ngày 22 tháng 10 năm 2012.")),
            true,
            "Phạm Văn Hùng",
            "Quyết định UBND huyện năm 2012 lưu ở mã TCVN3 (ABC, .VnTime); nội dung không có lỗi khác.",
        )
    },
    // ND-002: VNI text of a provincial resolution.
    DocSpec {
        // The fee decree of 2016 did not exist yet in 2014.
        edits: &[Edit::DropBases("Nghị định số 120/2016/NĐ-CP")],
        defects: &[defect("Tệp văn bản mã hóa VNI-Windows (ký tự gốc + byte dấu), không phải Unicode.", &["ND-002"])],
        ..province_fee(
            "2014-nq-hdnd-tinh-binh-an-12-ma-vni",
            Format::TxtVni,
            12,
            ymd(2014, 12, 11),
            Effect::AfterDays(10),
            "Nghị quyết HĐND tỉnh năm 2014 lưu ở mã VNI-Windows; nội dung không có lỗi khác.",
        )
    },
    // TG-003: numeric date.
    DocSpec {
        edits: &[Edit::DateLine("Bình An, 05/3/2022")],
        defects: &[defect("Dòng địa danh, ngày ghi `Bình An, 05/3/2022` thay vì `ngày 05 tháng 3 năm 2022`.", &["TG-003"])],
        ..province_waste(
            "2022-qd-ubnd-tinh-binh-an-07-ngay-dang-so",
            Format::Pdf,
            7,
            ymd(2022, 3, 5),
            on(2022, 3, 18),
            "Quyết định UBND tỉnh ghi ngày ban hành dạng số.",
        )
    },
    // HL-002 + CK-001 central: circular effective after 30 days, signed TL.
    DocSpec {
        edits: &[Edit::SignatureLines(&["TL. BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ CHÍNH SÁCH THUẾ"])],
        defects: &[
            defect("Hiệu lực 24/4/2023, ký 24/3/2023: 31 ngày < 45 ngày tối thiểu với văn bản trung ương.", &["HL-002"]),
            defect("Ký `TL. BỘ TRƯỞNG / VỤ TRƯỞNG …`.", &["CK-001"]),
        ],
        ..doc(
            "2023-tt-btc-19-hieu-luc-30-ngay-ky-thua-lenh",
            Format::Pdf,
            Kind::Ministry,
            CENTRAL,
            19,
            ymd(2023, 3, 24),
            on(2023, 4, 24),
            Subject::Circular,
            false,
            "Nguyễn Văn Phúc",
            "Thông tư Bộ Tài chính có hiệu lực sau 31 ngày và do Vụ trưởng ký thừa lệnh.",
        )
    },
    // SK-006: HĐND header with -UBND symbol.
    DocSpec {
        edits: &[Edit::Number("06/2019/NQ-UBND")],
        defects: &[defect("Cơ quan ban hành là HĐND nhưng ký hiệu là `NQ-UBND`.", &["SK-006"])],
        ..doc(
            "2019-nq-hdnd-tinh-binh-an-06-ky-hieu-co-quan-sai",
            Format::Txt,
            Kind::Hdnd,
            PROVINCE,
            6,
            ymd(2019, 7, 12),
            on(2019, 7, 25),
            Subject::Tuition,
            true,
            "Hoàng Văn Thái",
            "Nghị quyết HĐND tỉnh mang ký hiệu cơ quan của UBND.",
        )
    },
    // SK-005 + NN-002 + NN-003: type abbreviation wrong; recipients minimal.
    DocSpec {
        edits: &[
            Edit::Number("11/2023/NQ-UBND"),
            Edit::Recipients(&["- Như Điều 5;", "- Lưu: VT, KT."]),
        ],
        defects: &[
            defect("Tên loại QUYẾT ĐỊNH nhưng ký hiệu loại `NQ`.", &["SK-005"]),
            defect("Nơi nhận chỉ có `Như Điều 5; Lưu: VT, KT.`: thiếu Bộ Tư pháp/Sở Tư pháp.", &["NN-002"]),
            defect("Nơi nhận thiếu Công báo, Cổng thông tin điện tử.", &["NN-003"]),
        ],
        ..province_waste(
            "2023-qd-ubnd-tinh-binh-an-11-ky-hieu-loai-sai",
            Format::Docx,
            11,
            ymd(2023, 9, 4),
            on(2023, 9, 15),
            "Quyết định UBND tỉnh mang ký hiệu loại `NQ`; nơi nhận thiếu cơ quan kiểm tra và Công báo.",
        )
    },
    // HL-001: no effective clause.
    DocSpec {
        edits: &[
            Edit::DropArticles("Hiệu lực thi hành"),
            Edit::Heading { article: "Điều 5.", heading: "Điều 4. Trách nhiệm thi hành" },
            Edit::FirstRecipient("- Như Điều 4;"),
        ],
        defects: &[defect("Không có câu `… có hiệu lực …` ở bất kỳ điều nào.", &["HL-001"])],
        ..province_waste(
            "2021-qd-ubnd-tinh-binh-an-30-thieu-hieu-luc",
            Format::Pdf,
            30,
            ymd(2021, 11, 22),
            on(2021, 12, 5),
            "Quyết định UBND tỉnh không có điều khoản hiệu lực.",
        )
    },
    // HL-004: retroactive application.
    DocSpec {
        edits: &[Edit::EffectClause("Nghị quyết này có hiệu lực từ ngày 20 tháng 12 năm 2023; mức hỗ trợ quy định tại Điều 3 được áp dụng từ ngày 01 tháng 9 năm 2023.")],
        defects: &[defect("Mức hỗ trợ áp dụng từ 01/9/2023, trước ngày thông qua 08/12/2023 (hồi tố; VBQPPL địa phương không được hồi tố).", &["HL-004"])],
        ..doc(
            "2023-nq-hdnd-tinh-binh-an-14-ap-dung-hoi-to",
            Format::Txt,
            Kind::Hdnd,
            PROVINCE,
            14,
            ymd(2023, 12, 8),
            on(2023, 12, 20),
            Subject::Tuition,
            true,
            "Nguyễn Thị Hồng Lan",
            "Nghị quyết HĐND tỉnh áp dụng mức hỗ trợ trở về trước.",
        )
    },
    // HL-005: impossible effective date.
    DocSpec {
        edits: &[Edit::EffectClause("Quyết định này có hiệu lực từ ngày 29 tháng 02 năm 2023.")],
        defects: &[defect("Ngày hiệu lực 29/02/2023 không tồn tại (2023 không nhuận).", &["HL-005"])],
        ..province_waste(
            "2023-qd-ubnd-tinh-binh-an-04-ngay-hieu-luc-khong-ton-tai",
            Format::Txt,
            4,
            ymd(2023, 2, 10),
            on(2023, 3, 1),
            "Quyết định UBND tỉnh ghi ngày hiệu lực không tồn tại.",
        )
    },
    // HL-003: effect counted from gazette publication.
    DocSpec {
        edits: &[Edit::EffectClause("Quyết định này có hiệu lực sau 15 ngày kể từ ngày đăng Công báo tỉnh.")],
        defects: &[defect("Hiệu lực `sau 15 ngày kể từ ngày đăng Công báo tỉnh`: mốc không xác định được từ văn bản.", &["HL-003"])],
        ..province_waste(
            "2019-qd-ubnd-tinh-binh-an-16-hieu-luc-theo-cong-bao",
            Format::Pdf,
            16,
            ymd(2019, 4, 22),
            on(2019, 5, 6),
            "Quyết định UBND tỉnh tính hiệu lực từ ngày đăng Công báo.",
        )
    },
    // HL-007: takes effect before its basis.
    DocSpec {
        edits: &[Edit::SetBasis(1, "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;")],
        defects: &[defect("Căn cứ Luật Ban hành VBQPPL ngày 19/02/2025 có hiệu lực 01/4/2025, sau ngày hiệu lực của quyết định (31/3/2025).", &["HL-007"])],
        ..province_waste(
            "2025-qd-ubnd-tinh-binh-an-19-hieu-luc-truoc-can-cu",
            Format::Pdf,
            19,
            ymd(2025, 3, 20),
            on(2025, 3, 31),
            "Quyết định UBND tỉnh ký 20/3/2025, hiệu lực 31/3/2025, căn cứ Luật BHVBQPPL 2025 (hiệu lực 01/4/2025).",
        )
    },
    // HT-002: a department issues a normative decision.
    DocSpec {
        edits: &[
            Edit::IssuerLines(&["UBND TỈNH BÌNH AN", "SỞ TÀI CHÍNH"]),
            Edit::Number("02/2022/QĐ-STC"),
            Edit::MetaIssuer("Sở Tài chính tỉnh Bình An"),
            Edit::Authority(&["GIÁM ĐỐC SỞ TÀI CHÍNH TỈNH BÌNH AN"]),
            Edit::PopBasis,
            Edit::PushBasis("Theo đề nghị của Trưởng phòng Quản lý giá và công sản."),
            Edit::SetPara {
                article: "Điều 5.",
                index: 0,
                text: "Chánh Văn phòng Sở, Trưởng các phòng thuộc Sở Tài chính và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.",
            },
            Edit::Recipients(&[
                "- Như Điều 5;",
                "- UBND tỉnh (để báo cáo);",
                "- Sở Tư pháp;",
                "- Cổng Thông tin điện tử tỉnh;",
                "- Lưu: VT, QLG.",
            ]),
            Edit::Signature { lines: &["GIÁM ĐỐC"], name: "Trịnh Văn Long" },
        ],
        defects: &[defect("Sở Tài chính ban hành Quyết định số `02/2022/QĐ-STC` quy định mức giá: Sở không có thẩm quyền ban hành VBQPPL.", &["HT-002"])],
        ..province_waste(
            "2022-qd-so-tai-chinh-binh-an-02-khong-tham-quyen",
            Format::Txt,
            2,
            ymd(2022, 2, 14),
            on(2022, 3, 1),
            "Quyết định của Sở Tài chính mang số VBQPPL: Sở không có thẩm quyền ban hành VBQPPL.",
        )
    },
    // HT-004 + SK-002: administrative number with normative content.
    DocSpec {
        edits: &[Edit::Number("215/QĐ-UBND")],
        defects: &[
            defect("Số `215/QĐ-UBND` không có năm: văn bản hành chính nhưng có phạm vi điều chỉnh, đối tượng áp dụng, mức giá và điều khoản hiệu lực.", &["HT-004"]),
            defect("Quyết định của UBND (loại VBQPPL) có số không mang năm.", &["SK-002"]),
        ],
        ..province_waste(
            "2021-qd-ubnd-tinh-binh-an-215-so-hanh-chinh-chua-qppl",
            Format::Docx,
            215,
            ymd(2021, 8, 16),
            on(2021, 9, 1),
            "Quyết định UBND tỉnh quy định mức giá (quy phạm) nhưng mang số văn bản hành chính không có năm.",
        )
    },
    // HT-005: normative number used for an individual act.
    DocSpec {
        edits: &[
            Edit::Summary(&[
                "Về việc phê duyệt dự toán xây dựng",
                "Trường Tiểu học Tân Hòa, huyện Tân Phú",
            ]),
            Edit::SpliceBody {
                start: 0,
                end: 3,
                with: &[
                    Article {
                        heading: "Điều 1. Phê duyệt dự toán",
                        paras: &["Phê duyệt dự toán xây dựng công trình Trường Tiểu học Tân Hòa, huyện Tân Phú với tổng giá trị 12.500.000.000 đồng."],
                    },
                    Article {
                        heading: "Điều 2. Chủ đầu tư",
                        paras: &["Giao Ủy ban nhân dân huyện Tân Phú làm chủ đầu tư, tổ chức thực hiện theo quy định."],
                    },
                    Article {
                        heading: "Điều 3. Nguồn vốn",
                        paras: &["Nguồn vốn ngân sách tỉnh hỗ trợ có mục tiêu năm 2023."],
                    },
                ],
            },
        ],
        defects: &[defect("Số `21/2023/QĐ-UBND` (VBQPPL) cho quyết định `Về việc phê duyệt dự toán` một công trình (văn bản cá biệt).", &["HT-005"])],
        ..province_waste(
            "2023-qd-ubnd-tinh-binh-an-21-noi-dung-ca-biet",
            Format::Pdf,
            21,
            ymd(2023, 6, 19),
            on(2023, 7, 1),
            "Quyết định UBND tỉnh mang số VBQPPL nhưng nội dung cá biệt (phê duyệt dự toán).",
        )
    },
    // CC-008: wrong date of a cited law.
    DocSpec {
        edits: &[Edit::ReplaceInBasis {
            index: 1,
            from: "ngày 18 tháng 6 năm 2020",
            to: "ngày 14 tháng 6 năm 2020",
        }],
        defects: &[defect("Luật sửa đổi Luật Ban hành VBQPPL ghi `ngày 14 tháng 6 năm 2020` (đúng là 18/6/2020).", &["CC-008"])],
        ..province_waste(
            "2021-qd-ubnd-tinh-binh-an-26-ngay-luat-can-cu-sai",
            Format::Txt,
            26,
            ymd(2021, 9, 20),
            on(2021, 10, 1),
            "Quyết định UBND tỉnh ghi sai ngày thông qua của luật làm căn cứ.",
        )
    },
    // CC-005: the UBND cites its own earlier decision as a basis.
    DocSpec {
        edits: &[
            Edit::Summary(&[
                "Sửa đổi, bổ sung một số điều của Quyết định số 07/2018/QĐ-UBND",
                "ngày 05 tháng 4 năm 2018 của Ủy ban nhân dân tỉnh Bình An",
            ]),
            Edit::InsertBasis(4, "Căn cứ Quyết định số 07/2018/QĐ-UBND ngày 05 tháng 4 năm 2018 của Ủy ban nhân dân tỉnh Bình An quy định giá dịch vụ thu gom, vận chuyển rác thải sinh hoạt trên địa bàn tỉnh;"),
            Edit::SpliceBody {
                start: 0,
                end: 3,
                with: &[Article {
                    heading: "Điều 1. Sửa đổi, bổ sung một số điều của Quyết định số 07/2018/QĐ-UBND",
                    paras: &[
                        "1. Sửa đổi, bổ sung điểm a khoản 1 Điều 2 như sau:",
                        "“a) Hộ gia đình ở khu vực đô thị: 35.000 đồng/hộ/tháng;”",
                        "2. Sửa đổi, bổ sung điểm b khoản 1 Điều 2 như sau:",
                        "“b) Hộ gia đình ở khu vực nông thôn: 18.000 đồng/hộ/tháng;”",
                    ],
                }],
            },
            Edit::RenumberArticles,
            Edit::FirstRecipient("- Như Điều 3;"),
        ],
        defects: &[defect("Căn cứ Quyết định số 07/2018/QĐ-UBND của chính UBND tỉnh (cùng cấp hiệu lực).", &["CC-005"])],
        ..province_waste(
            "2022-qd-ubnd-tinh-binh-an-31-can-cu-van-ban-cung-cap",
            Format::Pdf,
            31,
            ymd(2022, 11, 7),
            on(2022, 11, 20),
            "Quyết định UBND tỉnh sửa đổi quyết định cũ và lấy chính quyết định cũ làm căn cứ.",
        )
    },
    // CK-003: KT. CHỦ TỊCH followed by CHỦ TỊCH.
    DocSpec {
        edits: &[Edit::SignatureLines(&["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "CHỦ TỊCH"])],
        defects: &[defect("`KT. CHỦ TỊCH` nhưng chức vụ dưới là `CHỦ TỊCH` (phải là PHÓ CHỦ TỊCH).", &["CK-003"])],
        ..province_waste(
            "2024-qd-ubnd-tinh-binh-an-22-ky-thay-sai-chuc-vu",
            Format::Docx,
            22,
            ymd(2024, 7, 15),
            on(2024, 8, 1),
            "Quyết định UBND tỉnh: dòng ký thay không khớp chức vụ người ký.",
        )
    },
    // CK-004: HĐND resolution signed on behalf of the standing committee by a vice-chair.
    DocSpec {
        edits: &[Edit::Signature {
            lines: &["TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", "PHÓ CHỦ TỊCH"],
            name: "Lê Thị Thu",
        }],
        defects: &[defect("Khối chữ ký `TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN` / `PHÓ CHỦ TỊCH` (không có KT. CHỦ TỊCH) sai mẫu nghị quyết HĐND.", &["CK-004"])],
        ..province_fee(
            "2020-nq-hdnd-tinh-binh-an-10-chu-ky-hdnd-sai-mau",
            Format::Txt,
            10,
            ymd(2020, 7, 10),
            on(2020, 7, 22),
            "Nghị quyết HĐND tỉnh ký `TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN / PHÓ CHỦ TỊCH`.",
        )
    },
    // TT-002 + TT-003: abbreviated issuer, no summary title.
    DocSpec {
        edits: &[
            Edit::IssuerLines(&["UBND TỈNH BÌNH AN"]),
            Edit::Summary(&[]),
            Edit::Authority(&[]),
        ],
        defects: &[
            defect("Tên cơ quan ban hành viết tắt `UBND TỈNH BÌNH AN`.", &["TT-002"]),
            defect("Sau tên loại `QUYẾT ĐỊNH` là ngay `Căn cứ …`, không có trích yếu.", &["TT-003"]),
        ],
        ..province_waste(
            "2022-qd-ubnd-tinh-binh-an-33-viet-tat-thieu-trich-yeu",
            Format::Pdf,
            33,
            ymd(2022, 12, 12),
            on(2022, 12, 26),
            "Quyết định UBND tỉnh: tên cơ quan viết tắt, thiếu trích yếu.",
        )
    },
    // SK-001 + TG-001: unfilled number and date.
    DocSpec {
        edits: &[
            Edit::NumberLine("Số:    /2024/NQ-HĐND"),
            Edit::DateLine("Bình An, ngày    tháng 12 năm 2024"),
            Edit::MetaNumber("/2024/NQ-HĐND"),
        ],
        defects: &[
            defect("Số để trống `Số:    /2024/NQ-HĐND`.", &["SK-001"]),
            defect("Ngày để trống `ngày    tháng 12 năm 2024`.", &["TG-001"]),
        ],
        ..province_fee(
            "2024-nq-hdnd-tinh-binh-an-so-ngay-bo-trong",
            Format::Txt,
            16,
            ymd(2024, 12, 10),
            on(2025, 1, 1),
            "Nghị quyết HĐND tỉnh còn để trống số và ngày (bản phát hành chưa điền).",
        )
    },
    // BC-006 + BC-007: chapters in Arabic numerals; attachment reference date mismatch.
    DocSpec {
        edits: &[
            Edit::ReplaceInAttachmentReference {
                from: "ngày 08 tháng 4 năm 2024",
                to: "ngày 04 tháng 8 năm 2024",
            },
            Edit::AttachmentChapters(&[("Chương II", "Chương 2"), ("Chương I", "Chương 1")]),
        ],
        defects: &[
            defect("Quy định kèm theo đánh số `Chương 1`, `Chương 2` (phải là số La Mã).", &["BC-006"]),
            defect("Dòng `(Ban hành kèm theo Quyết định số 12/2024/QĐ-UBND ngày 04 tháng 8 năm 2024 …)` khác ngày của quyết định (08/4/2024).", &["BC-007"]),
        ],
        ..doc(
            "2024-qd-ubnd-tinh-binh-an-12-quy-dinh-kem-theo-sai",
            Format::Pdf,
            Kind::Ubnd,
            PROVINCE,
            12,
            ymd(2024, 4, 8),
            on(2024, 4, 20),
            Subject::Roads(Proposal::Text("Theo đề nghị của Giám đốc Sở Giao thông vận tải tại Tờ trình số 88/TTr-SGTVT ngày 26 tháng 3 năm 2024.")),
            false,
            "Trần Văn Bình",
            "Quyết định UBND tỉnh kèm Quy định: chương đánh số Ả Rập; dòng `Ban hành kèm theo` ghi sai ngày.",
        )
    },
    // HT-003: commune decision in the L2025 window (communes had no normative power).
    DocSpec {
        lead_basis: Some("Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;"),
        defects: &[defect("VBQPPL cấp xã ngày 20/5/2025 (01/4–30/6/2025: cấp xã không có quyền ban hành VBQPPL).", &["HT-003"])],
        ..doc(
            "2025-qd-ubnd-xa-tan-hoa-01-cap-xa-chua-co-tham-quyen",
            Format::Txt,
            Kind::Ubnd,
            COMMUNE,
            1,
            ymd(2025, 5, 20),
            on(2025, 6, 2),
            Subject::CultureHouse(Proposal::Text("Theo đề nghị của công chức Văn hóa - Xã hội xã tại Tờ trình số 09/TTr-VHXH ngày 12 tháng 5 năm 2025.")),
            true,
            "Võ Thị Mai",
            "Quyết định UBND xã mang số VBQPPL ký 20/5/2025, khi Luật BHVBQPPL 2025 (bản gốc) không cho cấp xã ban hành VBQPPL.",
        )
    },
    // TT-004: abbreviation in an article heading (2025: error).
    DocSpec {
        lead_basis: Some(ARTICLE_22_AS_AMENDED),
        edits: &[
            Edit::Heading { article: "Điều 4.", heading: "Điều 4. Trách nhiệm của UBND xã" },
            Edit::SetPara {
                article: "Điều 4.",
                index: 0,
                text: "1. Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này.",
            },
        ],
        defects: &[defect("Tên điều `Điều 4. Trách nhiệm của UBND xã` có chữ viết tắt (cấm từ 01/4/2025).", &["TT-004"])],
        ..doc(
            "2025-nq-hdnd-xa-tan-hoa-07-viet-tat-trong-ten-dieu",
            Format::Pdf,
            Kind::Hdnd,
            COMMUNE,
            7,
            ymd(2025, 11, 14),
            on(2025, 12, 1),
            Subject::Tuition,
            true,
            "Đặng Văn Lộc",
            "Nghị quyết HĐND xã năm 2025 dùng chữ viết tắt trong tên điều.",
        )
    },
    // Government decree 2025 (clean, central, L2025_87) placed here to keep file order stable.
    doc(
        "2025-nd-cp-287-kinh-phi-dat-trong-lua",
        Format::Txt,
        Kind::Government,
        CENTRAL,
        287,
        ymd(2025, 11, 5),
        on(2025, 12, 25),
        Subject::Decree,
        true,
        "Nguyễn Hữu Toàn",
        "Nghị định của Chính phủ (L2025_87): căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15 và Luật BHVBQPPL số 64/2025/QH15 sửa đổi bởi Luật số 87/2025/QH15; hiệu lực sau 50 ngày. Sạch.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_composes() {
        for spec in DOCUMENTS {
            if let Err(e) = spec.compose() {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn defective_rows_name_rules_and_clean_rows_say_so() {
        for spec in DOCUMENTS {
            let clean = spec.description.ends_with("Sạch.");
            assert_eq!(clean, spec.defects.is_empty(), "{}", spec.stem);
            for d in spec.defects {
                assert!(!d.rules.is_empty(), "{}: {}", spec.stem, d.text);
            }
        }
    }
}
