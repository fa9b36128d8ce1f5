//! Fonts: egui's own fonts have no Chinese glyphs. The window loads the system's Simplified
//! Chinese face where the platform has one (Noto Sans CJK SC is face 2 of NotoSansCJK-Regular.ttc;
//! letting fontconfig choose under a C locale may give Japanese glyph shapes), and always carries
//! an embedded Noto Sans SC subset (all of U+4E00–U+9FEF, CJK punctuation, full-width forms) so
//! it works on a machine without any CJK font.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The embedded fallback, made by `tools/subset_font.py` (SIL OFL 1.1, see assets/fonts).
pub const EMBEDDED_CJK: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Zhitu-subset.otf");

/// Where platforms keep a Simplified Chinese face, with the face index inside the file.
const SYSTEM_CANDIDATES: &[(&str, u32)] = &[
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/System/Library/Fonts/PingFang.ttc", 2),
    ("C:\\Windows\\Fonts\\msyh.ttc", 0),
];

/// Font definitions with Chinese support: egui's defaults first (Latin), then the system's
/// Simplified Chinese face if `use_system` finds one, then the embedded subset.
#[must_use]
pub fn definitions(use_system: bool) -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    let mut added = Vec::new();
    if use_system
        && let Some((bytes, index)) = SYSTEM_CANDIDATES.iter().find_map(|(p, i)| std::fs::read(p).ok().map(|b| (b, *i)))
    {
        defs.font_data.insert("cjk-system".into(), Arc::new(FontData::from_blob(Arc::new(bytes), index)));
        added.push("cjk-system".to_owned());
    }
    defs.font_data.insert("cjk-embedded".into(), Arc::new(FontData::from_static(EMBEDDED_CJK)));
    added.push("cjk-embedded".to_owned());
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        defs.families.entry(family).or_default().extend(added.iter().cloned());
    }
    defs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_font_covers_news_names() {
        let defs = definitions(false);
        assert!(defs.families[&FontFamily::Proportional].contains(&"cjk-embedded".to_owned()));
        assert!(defs.families[&FontFamily::Monospace].contains(&"cjk-embedded".to_owned()));
        assert!(EMBEDDED_CJK.len() > 1_000_000);
    }
}
