//! The name of the person using this browser, recorded as the author of
//! each change: its bound, its cleaning and how it is stored. Pure.

use serde::{Deserialize, Serialize};

/// Longest name kept (characters).
pub const MAX_NAME_CHARS: usize = 60;

/// A name as it is kept and recorded: control characters (and the
/// invisible bidi controls that reorder text) removed, whitespace of any
/// kind as single spaces, trimmed, at most [`MAX_NAME_CHARS`].
pub fn clean_name(raw: &str) -> String {
    let kept: String = raw
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect();
    let joined = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let bounded: String = joined.chars().take(MAX_NAME_CHARS).collect();
    bounded.trim_end().to_string()
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The stored setting: the name, and whether the person was asked for it
/// (then never again in this browser).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameSetting {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub asked: bool,
}

impl NameSetting {
    /// Reads the stored text; nothing or anything unreadable is "never
    /// asked, no name". The name is cleaned again (storage can be edited).
    pub fn parse(stored: Option<&str>) -> NameSetting {
        let setting: NameSetting = stored
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default();
        NameSetting {
            name: clean_name(&setting.name),
            asked: setting.asked,
        }
    }

    pub fn encode(&self) -> String {
        // Not `expect`: that would build the error's Debug code into the wasm.
        serde_json::to_string(self).unwrap_or_else(|_| unreachable!("two plain fields"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_bounded_and_without_control_characters() {
        assert_eq!(clean_name("  Anouk de Vries \n"), "Anouk de Vries");
        assert_eq!(clean_name("An\u{0}ouk\u{7f}\u{9b}"), "Anouk");
        assert_eq!(clean_name("Anouk\tde\r\nVries"), "Anouk de Vries");
        assert_eq!(clean_name("Anouk    de  Vries"), "Anouk de Vries");
        assert_eq!(clean_name("\u{202E}skuonA\u{2066}"), "skuonA");
        assert_eq!(clean_name(" \t\n"), "");
        assert_eq!(clean_name("Zoë Öztürk-Ç"), "Zoë Öztürk-Ç");
        // 60 characters, not bytes; no space left at the cut.
        let long = "é".repeat(80);
        assert_eq!(clean_name(&long).chars().count(), MAX_NAME_CHARS);
        let cut = format!("{} Jansen", "a".repeat(59));
        assert_eq!(clean_name(&cut), "a".repeat(59));
    }

    #[test]
    fn the_setting_reads_back_and_forgives_what_it_cannot_read() {
        let s = NameSetting {
            name: "Anouk".into(),
            asked: true,
        };
        assert_eq!(s.encode(), r#"{"name":"Anouk","asked":true}"#);
        assert_eq!(NameSetting::parse(Some(&s.encode())), s);
        assert_eq!(NameSetting::parse(None), NameSetting::default());
        assert_eq!(NameSetting::parse(Some("{kapot")), NameSetting::default());
        assert_eq!(
            NameSetting::parse(Some(r#"{"asked":true}"#)),
            NameSetting {
                name: String::new(),
                asked: true
            }
        );
        let edited = format!(r#"{{"name":" {}\u0007 ","asked":false}}"#, "x".repeat(100));
        assert_eq!(NameSetting::parse(Some(&edited)).name, "x".repeat(60));
    }
}
