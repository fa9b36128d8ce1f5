//! Byte decoding: UTF-8 (with or without BOM) and UTF-16 with a BOM.
//!
//! This is the seam where legacy encodings (GB18030/GBK, Big5) plug in; until then such input is
//! refused with a reason instead of being turned into mojibake.

/// Decodes article bytes into a `String`, or says why it cannot.
///
/// # Errors
/// The bytes are neither UTF-8 nor BOM-marked UTF-16.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        format!(
            "not valid UTF-8 (first bad byte at offset {}); GB18030/GBK and other legacy encodings are not supported yet",
            e.utf8_error().valid_up_to()
        )
    })
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err("UTF-16 text with an odd number of bytes".to_owned());
    }
    let units = bytes.chunks_exact(2).map(|p| word([p[0], p[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|e| format!("invalid UTF-16: {e}"))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("北碚".as_bytes()).unwrap(), "北碚");
        assert_eq!(decode(b"\xEF\xBB\xBFok").unwrap(), "ok");
    }

    #[test]
    fn utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("北碚".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("北碚".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&le).unwrap(), "北碚");
        assert_eq!(decode(&be).unwrap(), "北碚");
        assert!(decode(&[0xFF, 0xFE, 0x41]).is_err());
    }

    #[test]
    fn gbk_is_refused_with_a_reason() {
        // "北碚" in GBK
        let err = decode(&[0xB1, 0xB1, 0xB1, 0xAE]).unwrap_err();
        assert!(err.contains("not valid UTF-8"), "{err}");
    }
}
