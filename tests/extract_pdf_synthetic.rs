//! PDF extraction on small documents built here with lopdf: an Identity-H font with a
//! ToUnicode map, word breaks from TJ gaps, text inside a form XObject, ActualText, and a
//! page without any text, inline images and damaged content streams.

use lopdf::{dictionary, Document, Object, Stream};
use vbqppl::extract::{extract_bytes, Limits, TextLayer};

const TO_UNICODE: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
3 beginbfchar <0001> <0056> <0002> <0069> <0003> <1EC7> endbfchar\n\
1 beginbfrange <0004> <0007> [<0074> <004E> <0061> <006D>] endbfrange\n\
endcmap CMapName currentdict /CMap defineresource pop end end";

fn build(page_content: &str, form_content: Option<&str>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let cmap_id = doc.add_object(Stream::new(dictionary! {}, TO_UNICODE.as_bytes().to_vec()));
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "ABCDEF+TimesNewRomanPSMT",
        "DW" => 500,
        "W" => vec![Object::Integer(1), Object::Array(vec![600.into(), 280.into(), 450.into(), 280.into(), 720.into(), 450.into(), 780.into()])],
    });
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "ABCDEF+TimesNewRomanPSMT",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid_font)],
        "ToUnicode" => Object::Reference(cmap_id),
    });
    let fonts = dictionary! { "F1" => Object::Reference(font_id) };
    let mut resources = dictionary! { "Font" => fonts.clone() };
    if let Some(form) = form_content {
        let form_id = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
                "Resources" => dictionary! { "Font" => fonts },
            },
            form.as_bytes().to_vec(),
        ));
        resources.set(
            "XObject",
            dictionary! { "X1" => Object::Reference(form_id) },
        );
    }
    let content_id = doc.add_object(Stream::new(
        dictionary! {},
        page_content.as_bytes().to_vec(),
    ));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => Object::Reference(pages_id),
        "Contents" => Object::Reference(content_id),
        "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![Object::Reference(page_id)],
            "Count" => 1,
        }),
    );
    let catalog =
        doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => Object::Reference(pages_id) });
    doc.trailer.set("Root", Object::Reference(catalog));
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saved");
    out
}

#[test]
fn identity_h_tounicode_and_tj_gaps() {
    let pdf = build(
        "BT /F1 12 Tf 72 700 Td [<0001000200030004> -300 <000500060007>] TJ ET \
         BT /F1 12 Tf 72 680 Td [<00050006> -20 <0007>] TJ ET",
        None,
    );
    let x = extract_bytes(&pdf, "pdf", &Limits::default()).expect("readable");
    assert_eq!(x.text, "Việt Nam\nNam\n");
    assert_eq!(x.text_layer, TextLayer::Full);
}

#[test]
fn text_inside_form_xobjects_is_read() {
    let pdf = build(
        "BT /F1 12 Tf 72 700 Td <0001000200030004> Tj ET q 1 0 0 1 0 -40 cm /X1 Do Q",
        Some("BT /F1 12 Tf 72 700 Td <000500060007> Tj ET"),
    );
    let x = extract_bytes(&pdf, "pdf", &Limits::default()).expect("readable");
    assert_eq!(x.text, "Việt\nNam\n");
}

#[test]
fn actual_text_replaces_the_glyphs() {
    let pdf = build(
        "BT /F1 12 Tf 72 700 Td /Span <</ActualText (Hello)>> BDC <00010002> Tj EMC ET",
        None,
    );
    let x = extract_bytes(&pdf, "pdf", &Limits::default()).expect("readable");
    assert_eq!(x.text, "Hello\n");
}

#[test]
fn damaged_content_keeps_what_was_read() {
    let pdf = build(
        "BT /F1 12 Tf 72 700 Td <0001000200030004> Tj ET q [ <<",
        None,
    );
    let x = extract_bytes(&pdf, "pdf", &Limits::default()).expect("readable");
    assert!(x.text.starts_with("Việt"), "{:?}", x.text);
}

#[test]
fn page_without_text_has_no_text_layer() {
    let pdf = build("q 612 0 0 792 0 0 cm Q", None);
    let x = extract_bytes(&pdf, "pdf", &Limits::default()).expect("readable");
    assert_eq!(x.text_layer, TextLayer::None);
    assert!(x.warnings.iter().any(|w| w.contains("ocr needed")));
}

#[test]
fn inline_image_holding_ei_does_not_end_the_page() {
    // 4x1 gray image whose four data bytes are ` EI(`: the data length decides. Taken for
    // the end of the image, that first `EI` would leave a `(` that swallows the text.
    let pdf = build(
        "q 10 0 0 10 0 0 cm BI /W 4 /H 1 /BPC 8 /CS /G ID  EI(\nEI Q \
         BT /F1 12 Tf 72 700 Td <0001000200030004> Tj ET",
        None,
    );
    let x = extract_bytes(&pdf, "pdf", &Limits::default()).expect("readable");
    assert_eq!(x.text, "Việt\n");
    assert!(
        !x.warnings.iter().any(|w| w.contains("damaged")),
        "{:?}",
        x.warnings
    );
}

#[test]
fn unterminated_content_is_reported_as_damaged() {
    let pdf = build(
        "BT /F1 12 Tf 72 700 Td <0001000200030004> Tj ET BT (never closed",
        None,
    );
    let x = extract_bytes(&pdf, "pdf", &Limits::default()).expect("readable");
    assert_eq!(x.text, "Việt\n");
    assert!(
        x.warnings.iter().any(|w| w.contains("damaged")),
        "{:?}",
        x.warnings
    );
}
