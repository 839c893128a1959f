//! The subject matter of the sample documents: title, sector laws, proposal and substantive
//! articles of each topic, for the place of the issuer.

use crate::compose::Place;
use crate::{Attachment, BodyItem};

/// The subject matter of a document: title and substantive articles.
pub(crate) struct Topic {
    pub(crate) summary: Vec<String>,
    pub(crate) sector_bases: Vec<String>,
    pub(crate) proposal: String,
    pub(crate) articles: Vec<BodyItem>,
    pub(crate) attachment: Option<Attachment>,
}

fn art(heading: &str, paras: &[&str]) -> BodyItem {
    BodyItem::Article {
        heading: heading.to_string(),
        paras: paras.iter().map(|p| p.to_string()).collect(),
    }
}

fn chapter(number: &str, title: &str) -> BodyItem {
    BodyItem::Chapter {
        number: number.to_string(),
        title: title.to_string(),
    }
}

pub(crate) fn roads(place: &Place, proposal: String) -> Topic {
    let att_items = vec![
        chapter("Chương I", "QUY ĐỊNH CHUNG"),
        art("Điều 1. Phạm vi điều chỉnh", &["Quy định này quy định việc phân cấp quản lý, bảo trì hệ thống đường tỉnh, đường huyện, đường xã, đường đô thị và đường chuyên dùng trên địa bàn tỉnh."]),
        art("Điều 2. Đối tượng áp dụng", &["Quy định này áp dụng đối với các cơ quan quản lý nhà nước, tổ chức, cá nhân có liên quan đến hoạt động quản lý, khai thác, sử dụng và bảo trì công trình đường bộ trên địa bàn tỉnh."]),
        chapter("Chương II", "PHÂN CẤP QUẢN LÝ"),
        art("Điều 3. Trách nhiệm của Sở Giao thông vận tải", &[
            "1. Quản lý, bảo trì hệ thống đường tỉnh và các tuyến quốc lộ được ủy thác quản lý.",
            "2. Hướng dẫn, kiểm tra Ủy ban nhân dân cấp huyện, cấp xã trong công tác quản lý, bảo trì đường bộ.",
            "3. Tổng hợp nhu cầu kinh phí bảo trì đường bộ hằng năm, gửi Sở Tài chính thẩm định, trình Ủy ban nhân dân tỉnh.",
        ]),
        art("Điều 4. Trách nhiệm của Ủy ban nhân dân cấp huyện", &[
            "1. Quản lý, bảo trì hệ thống đường huyện, đường đô thị được giao.",
            "2. Chỉ đạo Ủy ban nhân dân cấp xã quản lý đường xã, đường thôn, xóm và xử lý vi phạm hành lang an toàn đường bộ theo thẩm quyền.",
        ]),
        art("Điều 5. Trách nhiệm của Ủy ban nhân dân cấp xã", &[
            "1. Quản lý, bảo trì đường xã; huy động nhân dân tham gia bảo vệ công trình đường bộ.",
            "2. Phát hiện, ngăn chặn kịp thời các hành vi lấn chiếm, sử dụng trái phép đất dành cho đường bộ.",
        ]),
    ];
    Topic {
        summary: vec![
            "Ban hành Quy định phân cấp quản lý, bảo trì".into(),
            format!("hệ thống đường bộ trên địa bàn {}", place.lower),
        ],
        sector_bases: vec![
            "Căn cứ Luật Giao thông đường bộ ngày 13 tháng 11 năm 2008;".into(),
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;".into(),
        ],
        proposal,
        articles: vec![art(
            "Điều 1. Ban hành Quy định",
            &["Ban hành kèm theo Quyết định này Quy định phân cấp quản lý, bảo trì hệ thống đường bộ trên địa bàn tỉnh Bình An."],
        )],
        attachment: Some(Attachment {
            kind: "QUY ĐỊNH".into(),
            title: vec![
                "Phân cấp quản lý, bảo trì hệ thống đường bộ".into(),
                "trên địa bàn tỉnh Bình An".into(),
            ],
            reference: String::new(),
            items: att_items,
        }),
    }
}

pub(crate) fn waste(place: &Place, proposal: String) -> Topic {
    Topic {
        summary: vec![
            "Quy định giá dịch vụ thu gom, vận chuyển".into(),
            format!("rác thải sinh hoạt trên địa bàn {}", place.lower),
        ],
        sector_bases: vec![
            "Căn cứ Luật Giá ngày 20 tháng 6 năm 2012;".into(),
            "Căn cứ Luật Bảo vệ môi trường ngày 23 tháng 6 năm 2014;".into(),
        ],
        proposal,
        articles: vec![
            art("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", &[
                &format!("1. Quyết định này quy định giá dịch vụ thu gom, vận chuyển rác thải sinh hoạt sử dụng nguồn vốn ngân sách nhà nước trên địa bàn {}.", place.lower),
                "2. Quyết định này áp dụng đối với hộ gia đình, cá nhân, cơ quan, tổ chức có phát sinh rác thải sinh hoạt và đơn vị cung ứng dịch vụ thu gom, vận chuyển rác thải sinh hoạt.",
            ]),
            art("Điều 2. Mức giá dịch vụ", &[
                "1. Đối với hộ gia đình, cá nhân:",
                "a) Hộ gia đình ở khu vực đô thị: 30.000 đồng/hộ/tháng;",
                "b) Hộ gia đình ở khu vực nông thôn: 15.000 đồng/hộ/tháng;",
                "c) Hộ gia đình thuộc hộ nghèo, hộ cận nghèo được miễn.",
                "2. Đối với cơ quan, tổ chức, đơn vị sự nghiệp, cơ sở sản xuất, kinh doanh, dịch vụ: 180.000 đồng/m³ rác thải.",
                "3. Mức giá quy định tại khoản 1 và khoản 2 Điều này đã bao gồm thuế giá trị gia tăng.",
            ]),
            art("Điều 3. Tổ chức thu và quản lý tiền dịch vụ", &[
                "1. Đơn vị cung ứng dịch vụ trực tiếp thu tiền dịch vụ và sử dụng biên lai, hóa đơn theo quy định.",
                "2. Ủy ban nhân dân cấp xã phối hợp với đơn vị cung ứng dịch vụ tuyên truyền, vận động nhân dân thực hiện.",
            ]),
        ],
        attachment: None,
    }
}

pub(crate) fn fee(place: &Place) -> Topic {
    Topic {
        summary: vec![
            "Quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí".into(),
            format!("tham quan di tích lịch sử - văn hóa trên địa bàn {}", place.lower),
        ],
        sector_bases: vec![
            "Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;".into(),
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;".into(),
            "Căn cứ Nghị định số 120/2016/NĐ-CP ngày 23 tháng 8 năm 2016 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phí và lệ phí;".into(),
        ],
        proposal: format!("Xét Tờ trình số 96/TTr-UBND của Ủy ban nhân dân {}; Báo cáo thẩm tra của Ban Kinh tế - Ngân sách Hội đồng nhân dân {}; ý kiến thảo luận của đại biểu Hội đồng nhân dân {} tại kỳ họp.", place.unit, place.unit, place.unit),
        articles: vec![
            art("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", &[
                &format!("1. Nghị quyết này quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí tham quan di tích lịch sử - văn hóa do {} quản lý.", place.lower),
                "2. Nghị quyết này áp dụng đối với tổ chức, cá nhân đến tham quan di tích; tổ chức thu phí và cơ quan, tổ chức, cá nhân có liên quan.",
            ]),
            art("Điều 2. Mức thu phí", &[
                "1. Người lớn: 20.000 đồng/người/lượt.",
                "2. Trẻ em từ đủ 06 tuổi đến dưới 16 tuổi, học sinh, sinh viên: 10.000 đồng/người/lượt.",
                "3. Các đối tượng được miễn, giảm:",
                "a) Miễn phí đối với trẻ em dưới 06 tuổi, người khuyết tật đặc biệt nặng;",
                "b) Giảm 50% mức phí đối với người cao tuổi, người hưởng chính sách như thương binh;",
                "c) Giảm 50% mức phí đối với người thuộc hộ nghèo, hộ cận nghèo.",
            ]),
            art("Điều 3. Quản lý và sử dụng phí", &[
                "1. Tổ chức thu phí được để lại 70% số tiền phí thu được để trang trải chi phí cho hoạt động cung cấp dịch vụ, thu phí.",
                "2. Số tiền phí còn lại 30% nộp vào ngân sách nhà nước theo chương, tiểu mục của Mục lục ngân sách nhà nước hiện hành.",
            ]),
        ],
        attachment: None,
    }
}

pub(crate) fn tuition(place: &Place) -> Topic {
    Topic {
        summary: vec![
            "Quy định mức hỗ trợ học phí đối với trẻ em mầm non".into(),
            format!("và học sinh phổ thông trên địa bàn {}", place.lower),
        ],
        sector_bases: vec![
            "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;".into(),
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;".into(),
        ],
        proposal: format!("Xét Tờ trình số 142/TTr-UBND của Ủy ban nhân dân {}; Báo cáo thẩm tra của Ban Văn hóa - Xã hội Hội đồng nhân dân {}; ý kiến thảo luận của đại biểu Hội đồng nhân dân {} tại kỳ họp.", place.unit, place.unit, place.unit),
        articles: vec![
            art("Điều 1. Phạm vi điều chỉnh", &[&format!("Nghị quyết này quy định mức hỗ trợ học phí đối với trẻ em mầm non, học sinh phổ thông đang học tại các cơ sở giáo dục trên địa bàn {}.", place.lower)]),
            art("Điều 2. Đối tượng áp dụng", &[
                "1. Trẻ em mầm non, học sinh phổ thông có hộ khẩu thường trú trên địa bàn.",
                "2. Cơ sở giáo dục mầm non, cơ sở giáo dục phổ thông công lập và ngoài công lập.",
                "3. Cơ quan, tổ chức, cá nhân có liên quan.",
            ]),
            art("Điều 3. Mức hỗ trợ", &[
                "1. Hỗ trợ 100% học phí đối với trẻ em mầm non 05 tuổi.",
                "2. Hỗ trợ 50% học phí đối với học sinh trung học cơ sở.",
                "3. Kinh phí thực hiện do ngân sách địa phương bảo đảm theo phân cấp hiện hành.",
            ]),
        ],
        attachment: None,
    }
}

pub(crate) fn culture_house(place: &Place, proposal: String) -> Topic {
    Topic {
        summary: vec![
            "Quy định về quản lý, sử dụng nhà văn hóa và khu thể thao".into(),
            format!("thôn, tổ dân phố trên địa bàn {}", place.lower),
        ],
        // The row names the one sector law (`DocSpec::lead_basis`).
        sector_bases: Vec::new(),
        proposal,
        articles: vec![
            art("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", &[
                &format!("1. Quyết định này quy định về quản lý, sử dụng nhà văn hóa và khu thể thao thôn, tổ dân phố trên địa bàn {}.", place.lower),
                "2. Quyết định này áp dụng đối với Ban quản lý nhà văn hóa, Trưởng thôn, Tổ trưởng tổ dân phố và tổ chức, cá nhân sử dụng nhà văn hóa, khu thể thao.",
            ]),
            art("Điều 2. Nguyên tắc quản lý, sử dụng", &[
                "1. Nhà văn hóa và khu thể thao được sử dụng cho hoạt động sinh hoạt cộng đồng, văn hóa, văn nghệ, thể dục, thể thao của nhân dân.",
                "2. Không sử dụng nhà văn hóa vào mục đích kinh doanh, tổ chức cờ bạc và các hoạt động trái pháp luật.",
                "3. Việc huy động, sử dụng các khoản đóng góp tự nguyện phải công khai, minh bạch.",
            ]),
            art("Điều 3. Trách nhiệm của Trưởng thôn, Tổ trưởng tổ dân phố", &[
                "1. Xây dựng nội quy sử dụng nhà văn hóa, thông qua hội nghị thôn, tổ dân phố.",
                "2. Theo dõi, bảo quản tài sản; báo cáo Ủy ban nhân dân khi có hư hỏng.",
            ]),
        ],
        attachment: None,
    }
}

pub(crate) fn decree() -> Topic {
    Topic {
        summary: vec![
            "Quy định về quản lý, sử dụng kinh phí hỗ trợ".into(),
            "bảo vệ và phát triển đất trồng lúa".into(),
        ],
        sector_bases: vec![
            "Căn cứ Luật Trồng trọt ngày 19 tháng 11 năm 2018;".into(),
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;".into(),
        ],
        proposal: "Theo đề nghị của Bộ trưởng Bộ Tài chính;".into(),
        articles: vec![
            chapter("Chương I", "QUY ĐỊNH CHUNG"),
            art("Điều 1. Phạm vi điều chỉnh", &["Nghị định này quy định về quản lý, sử dụng kinh phí hỗ trợ địa phương sản xuất lúa để bảo vệ và phát triển đất trồng lúa."]),
            art("Điều 2. Đối tượng áp dụng", &["Nghị định này áp dụng đối với cơ quan nhà nước, tổ chức, cá nhân có liên quan đến quản lý, sử dụng đất trồng lúa."]),
            chapter("Chương II", "HỖ TRỢ VÀ SỬ DỤNG KINH PHÍ"),
            art("Điều 3. Mức hỗ trợ", &[
                "1. Ngân sách trung ương hỗ trợ 1.500.000 đồng/ha/năm đối với đất chuyên trồng lúa.",
                "2. Ngân sách trung ương hỗ trợ 1.000.000 đồng/ha/năm đối với đất trồng lúa khác, trừ đất lúa nương được mở rộng tự phát không theo quy hoạch.",
            ]),
            art("Điều 4. Sử dụng kinh phí", &[
                "1. Kinh phí hỗ trợ được sử dụng để:",
                "a) Quy hoạch, xây dựng các vùng sản xuất lúa chất lượng cao;",
                "b) Đầu tư xây dựng, duy tu, bảo dưỡng các công trình hạ tầng nông nghiệp, nông thôn trên địa bàn xã;",
                "c) Khai hoang, phục hóa đất chưa sử dụng thành đất chuyên trồng lúa.",
                "2. Ủy ban nhân dân cấp tỉnh quyết định việc phân bổ kinh phí theo quy định của pháp luật về ngân sách nhà nước.",
            ]),
        ],
        attachment: None,
    }
}

pub(crate) fn circular() -> Topic {
    Topic {
        summary: vec![
            "Quy định mức thu, chế độ thu, nộp, quản lý và sử dụng".into(),
            "phí thẩm định cấp giấy phép hoạt động dịch vụ".into(),
        ],
        sector_bases: vec![
            "Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;".into(),
            "Căn cứ Nghị định số 120/2016/NĐ-CP ngày 23 tháng 8 năm 2016 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phí và lệ phí;".into(),
        ],
        proposal: "Theo đề nghị của Vụ trưởng Vụ Chính sách thuế;".into(),
        articles: vec![
            art("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", &[
                "1. Thông tư này quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp giấy phép hoạt động dịch vụ.",
                "2. Thông tư này áp dụng đối với người nộp phí, tổ chức thu phí và cơ quan, tổ chức, cá nhân có liên quan.",
            ]),
            art("Điều 2. Mức thu phí", &[
                "1. Thẩm định cấp mới giấy phép: 3.000.000 đồng/hồ sơ.",
                "2. Thẩm định cấp lại, điều chỉnh giấy phép: 1.500.000 đồng/hồ sơ.",
            ]),
            art("Điều 3. Quản lý và sử dụng phí", &[
                "1. Tổ chức thu phí nộp 100% số tiền phí thu được vào ngân sách nhà nước.",
                "2. Trường hợp tổ chức thu phí được khoán chi phí hoạt động từ nguồn thu phí thì được để lại 80% số tiền phí thu được.",
            ]),
        ],
        attachment: None,
    }
}
