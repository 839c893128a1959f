//! Encrypted PDFs: one whose user password is empty opens without asking and its text is read
//! (RC4 with a 40-bit and a 128-bit key); one that needs a password is refused as encrypted.

use lopdf::{
    dictionary, Document, EncryptionState, EncryptionVersion, Object, Permissions, Stream,
};
use vbqppl::extract::{extract_bytes, ExtractError, Limits};

/// A one-page document showing `text` in Helvetica, encrypted with `user_password`; a 40-bit
/// key (revision 2) when `key_length` is 40, else revision 3 with that many bits.
fn encrypted_pdf(text: &str, user_password: &str, key_length: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::string_literal(b"0123456789abcdef"),
            Object::string_literal(b"fedcba9876543210"),
        ]),
    );
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let content = format!("BT /F1 12 Tf 72 700 Td ({text}) Tj ET");
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        "Contents" => content_id,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);

    let version = if key_length == 40 {
        EncryptionVersion::V1 {
            document: &doc,
            owner_password: "owner",
            user_password,
            permissions: Permissions::all(),
        }
    } else {
        EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password,
            key_length,
            permissions: Permissions::all(),
        }
    };
    let state = EncryptionState::try_from(version).expect("encryption state");
    doc.encrypt(&state).expect("encrypted");
    let mut pdf = Vec::new();
    doc.save_to(&mut pdf).expect("saved");
    pdf
}

#[test]
fn empty_user_password_is_opened_and_read() {
    for key_length in [40, 128] {
        let pdf = encrypted_pdf("Quyet dinh so 12", "", key_length);
        // The plain text must not be in the file: the test would prove nothing otherwise.
        assert!(
            !pdf.windows(12).any(|w| w == b"Quyet dinh s"),
            "content not encrypted ({key_length} bits)"
        );
        let x = extract_bytes(&pdf, "pdf", &Limits::default())
            .unwrap_or_else(|e| panic!("{key_length} bits: {e}"));
        assert_eq!(x.text, "Quyet dinh so 12\n", "{key_length} bits");
    }
}

#[test]
fn a_real_user_password_is_refused_as_encrypted() {
    for key_length in [40, 128] {
        let pdf = encrypted_pdf("Quyet dinh so 12", "secret", key_length);
        match extract_bytes(&pdf, "pdf", &Limits::default()) {
            Err(e @ ExtractError::Encrypted) => assert!(e.to_string().contains("encrypted")),
            other => panic!("{key_length} bits: expected an encrypted error, got {other:?}"),
        }
    }
}
