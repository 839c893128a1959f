//! Standard-14 fonts named without `/Widths` (not embedded, as old producers and hand-made PDFs
//! write them): the extractor must use Adobe's metrics to see where a word ends. Each word is
//! placed on its own (`Td` … `Tj`), one space after the true end of the previous word; with a
//! guessed width of half an em the narrow words of Times and Helvetica would overlap and glue.

use lopdf::{dictionary, Document, Object, Stream};
use vbqppl::extract::{extract_bytes, Limits};

/// Widths (1/1000 em) of the letters used here, from Adobe's Core 14 AFM files.
fn width(font: &str, c: char) -> f32 {
    let w = match (font, c) {
        ("Courier", _) => 600,
        ("Times-Roman", 'w') | ("Helvetica", 'w') => 722,
        ("Times-Roman", 'i' | 'l' | 't') => 278,
        ("Times-Roman", 'f') => 333,
        ("Times-Roman", 'e') => 444,
        ("Times-Roman", 's') => 389,
        ("Times-Roman", ' ') | ("Helvetica", ' ') => 250,
        ("Helvetica", 'i' | 'l') => 222,
        ("Helvetica", 'f' | 't') => 278,
        ("Helvetica", 'e') => 556,
        ("Helvetica", 's') => 500,
        _ => panic!("no width for {c:?} in {font}"),
    };
    w as f32 / 1000.0
}

const WORDS: &[&str] = &["will", "fill", "little", "lists", "tiles"];

fn build() -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let mut fonts = lopdf::Dictionary::new();
    let mut content = String::new();
    for (k, base) in ["Times-Roman", "Helvetica", "Courier"].iter().enumerate() {
        let id = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => *base,
            "Encoding" => "WinAnsiEncoding",
        });
        fonts.set(format!("F{k}"), Object::Reference(id));
        let size = 12.0;
        let y = 700.0 - 30.0 * k as f32;
        let mut x = 72.0;
        for w in WORDS {
            content.push_str(&format!("BT /F{k} {size} Tf {x:.2} {y} Td ({w}) Tj ET\n"));
            x += w.chars().map(|c| width(base, c)).sum::<f32>() * size;
            x += width(base, ' ') * size;
        }
    }
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => Object::Reference(pages_id),
        "Contents" => Object::Reference(content_id),
        "Resources" => dictionary! { "Font" => fonts },
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
fn words_placed_one_by_one_keep_their_spaces() {
    let x = extract_bytes(&build(), "pdf", &Limits::default()).expect("extracted");
    let lines: Vec<&str> = x.text.lines().collect();
    let want = WORDS.join(" ");
    assert_eq!(lines, vec![want.as_str(); 3], "{:?}", x.text);
}
