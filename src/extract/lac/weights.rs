//! Reading the model file: the safetensors layout (u64 little-endian header length, a JSON header
//! naming each tensor's dtype, shape and byte range, then the raw little-endian data) with F16 and
//! F32 tensors, widened to `f32` on load.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum WeightsError {
    #[error("model file is truncated or has no header")]
    Truncated,
    #[error("model header is not valid JSON: {0}")]
    Header(String),
    #[error("tensor {0} is missing")]
    Missing(String),
    #[error("tensor {name} has shape {got:?}, expected {expected:?}")]
    Shape { name: String, got: Vec<usize>, expected: Vec<usize> },
    #[error("tensor {name} has dtype {dtype}, only F16 and F32 are read")]
    Dtype { name: String, dtype: String },
    #[error("tensor {0} points outside the file")]
    Range(String),
}

#[derive(Debug, Deserialize)]
struct Entry {
    dtype: String,
    shape: Vec<usize>,
    data_offsets: [usize; 2],
}

/// The tensors of one safetensors file, borrowed from its bytes.
pub struct Tensors<'a> {
    entries: BTreeMap<String, Entry>,
    data: &'a [u8],
}

impl<'a> Tensors<'a> {
    /// Parses the header of `bytes`.
    ///
    /// # Errors
    /// When the file is truncated or its header is not the safetensors JSON.
    pub fn parse(bytes: &'a [u8]) -> Result<Self, WeightsError> {
        let len_bytes: [u8; 8] = bytes.get(..8).and_then(|b| b.try_into().ok()).ok_or(WeightsError::Truncated)?;
        let header_len = usize::try_from(u64::from_le_bytes(len_bytes)).map_err(|_| WeightsError::Truncated)?;
        let header = bytes.get(8..8usize.saturating_add(header_len)).ok_or(WeightsError::Truncated)?;
        let mut raw: BTreeMap<String, serde_json::Value> =
            serde_json::from_slice(header).map_err(|e| WeightsError::Header(e.to_string()))?;
        raw.remove("__metadata__");
        let mut entries = BTreeMap::new();
        for (name, value) in raw {
            let entry: Entry =
                serde_json::from_value(value).map_err(|e| WeightsError::Header(format!("{name}: {e}")))?;
            entries.insert(name, entry);
        }
        Ok(Self { entries, data: &bytes[8 + header_len..] })
    }

    /// The tensor `name` as `f32`, checking its shape.
    ///
    /// # Errors
    /// When the tensor is missing, has another shape or dtype, or its bytes are out of range.
    pub fn get(&self, name: &str, shape: &[usize]) -> Result<Vec<f32>, WeightsError> {
        let e = self.entries.get(name).ok_or_else(|| WeightsError::Missing(name.to_owned()))?;
        if e.shape != shape {
            return Err(WeightsError::Shape { name: name.to_owned(), got: e.shape.clone(), expected: shape.to_vec() });
        }
        let n: usize = shape.iter().product();
        let [start, end] = e.data_offsets;
        let width = match e.dtype.as_str() {
            "F16" => 2,
            "F32" => 4,
            other => return Err(WeightsError::Dtype { name: name.to_owned(), dtype: other.to_owned() }),
        };
        let bytes = self.data.get(start..end).filter(|b| b.len() == n * width);
        let bytes = bytes.ok_or_else(|| WeightsError::Range(name.to_owned()))?;
        Ok(if width == 2 {
            bytes.chunks_exact(2).map(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]]))).collect()
        } else {
            bytes.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect()
        })
    }
}

/// IEEE 754 half precision to single precision, exact for every value (subnormals, infinities, NaN).
#[must_use]
pub fn f16_to_f32(h: u16) -> f32 {
    let sign = u32::from(h >> 15) << 31;
    let exp = u32::from((h >> 10) & 0x1f);
    let frac = u32::from(h & 0x3ff);
    let bits = match (exp, frac) {
        (0, 0) => sign,
        (0, _) => {
            // subnormal: value = frac * 2^-24, normalise it
            let shift = frac.leading_zeros() - 21; // frac has its top bit at position 9 - (shift - 1)
            let frac = (frac << shift) & 0x3ff;
            let exp = 127 - 15 + 1 - shift;
            sign | (exp << 23) | (frac << 13)
        }
        (0x1f, _) => sign | 0x7f80_0000 | (frac << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (frac << 13),
    };
    f32::from_bits(bits)
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact conversions are the point
mod tests {
    use super::*;

    #[test]
    fn half_precision_values_widen_exactly() {
        assert_eq!(f16_to_f32(0x0000), 0.0);
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x3555), 0.333_251_95);
        assert_eq!(f16_to_f32(0x7bff), 65504.0);
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-24));
        assert_eq!(f16_to_f32(0x03ff), 1023.0 * 2f32.powi(-24));
        assert_eq!(f16_to_f32(0x0200), 2f32.powi(-15));
        assert!(f16_to_f32(0x7c00).is_infinite());
        assert!(f16_to_f32(0x7e00).is_nan());
        assert!(f16_to_f32(0x8000).is_sign_negative());
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        assert_eq!(Tensors::parse(b"abc").err(), Some(WeightsError::Truncated));
        let mut file = 7u64.to_le_bytes().to_vec();
        file.extend_from_slice(b"{nope}x");
        assert!(matches!(Tensors::parse(&file).err(), Some(WeightsError::Header(_))));
        let header = br#"{"a":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}"#;
        let mut file = (header.len() as u64).to_le_bytes().to_vec();
        file.extend_from_slice(header);
        file.extend_from_slice(&[0, 0x3c, 0, 0xc0]);
        let t = Tensors::parse(&file).unwrap();
        assert_eq!(t.get("a", &[2]).unwrap(), vec![1.0, -2.0]);
        assert!(matches!(t.get("a", &[3]), Err(WeightsError::Shape { .. })));
        assert_eq!(t.get("b", &[2]), Err(WeightsError::Missing("b".into())));
    }
}
