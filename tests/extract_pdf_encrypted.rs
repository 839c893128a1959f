//! Encrypted PDFs: one whose user password is empty opens without asking and its text is read
//! (RC4 with a 40-bit and a 128-bit key, AES-128); one that needs a password is refused as
//! encrypted.

use lopdf::encryption::crypt_filters::{Aes128CryptFilter, CryptFilter};
use lopdf::{
    dictionary, Document, EncryptionState, EncryptionVersion, Object, Permissions, Stream,
};
use std::collections::BTreeMap;
use std::sync::Arc;
use vbqppl::extract::{extract_bytes, ExtractError, Limits};

#[derive(Debug, Clone, Copy)]
enum Scheme {
    /// Standard security handler revision 2, 40-bit RC4.
    Rc4_40,
    /// Revision 3, 128-bit RC4.
    Rc4_128,
    /// Revision 4, AES-128 crypt filters for strings and streams.
    Aes128,
}

const SCHEMES: [Scheme; 3] = [Scheme::Rc4_40, Scheme::Rc4_128, Scheme::Aes128];

/// A one-page document showing `text` in Helvetica, encrypted with `user_password`.
fn encrypted_pdf(text: &str, user_password: &str, scheme: Scheme) -> Vec<u8> {
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

    let version = match scheme {
        Scheme::Rc4_40 => EncryptionVersion::V1 {
            document: &doc,
            owner_password: "owner",
            user_password,
            permissions: Permissions::all(),
        },
        Scheme::Rc4_128 => EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password,
            key_length: 128,
            permissions: Permissions::all(),
        },
        Scheme::Aes128 => {
            let filter: Arc<dyn CryptFilter> = Arc::new(Aes128CryptFilter);
            EncryptionVersion::V4 {
                document: &doc,
                encrypt_metadata: true,
                crypt_filters: BTreeMap::from([(b"StdCF".to_vec(), filter)]),
                stream_filter: b"StdCF".to_vec(),
                string_filter: b"StdCF".to_vec(),
                owner_password: "owner",
                user_password,
                permissions: Permissions::all(),
            }
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
    for scheme in SCHEMES {
        let pdf = encrypted_pdf("Quyet dinh so 12", "", scheme);
        // The plain text must not be in the file: the test would prove nothing otherwise.
        assert!(
            !pdf.windows(12).any(|w| w == b"Quyet dinh s"),
            "content not encrypted ({scheme:?})"
        );
        let x = extract_bytes(&pdf, "pdf", &Limits::default())
            .unwrap_or_else(|e| panic!("{scheme:?}: {e}"));
        assert_eq!(x.text, "Quyet dinh so 12\n", "{scheme:?}");
    }
}

#[test]
fn a_real_user_password_is_refused_as_encrypted() {
    for scheme in SCHEMES {
        let pdf = encrypted_pdf("Quyet dinh so 12", "secret", scheme);
        match extract_bytes(&pdf, "pdf", &Limits::default()) {
            Err(e @ ExtractError::Encrypted) => assert!(e.to_string().contains("encrypted")),
            other => panic!("{scheme:?}: expected an encrypted error, got {other:?}"),
        }
    }
}
