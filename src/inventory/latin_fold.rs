//! Latin letters with diacritics as the ASCII letters a host name would use (`é` → `e`,
//! `ß` → `ss`), so a server named `Sérveur-01` becomes VM `serveur-01` rather than
//! `s-rveur-01`.
//!
//! Azure VM and computer names take ASCII letters, digits and hyphens only. This covers the
//! Latin-1 Supplement and Latin Extended-A letters of European languages; any other character
//! is left for the caller to replace, and nothing here transliterates other scripts.

/// The ASCII spelling of one lower-case letter, `None` when it has none here.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// The text in lower case with every foldable letter folded; other characters kept.
pub(crate) fn lower_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::lower_ascii;

    #[test]
    fn folds_european_letters_and_keeps_the_rest() {
        assert_eq!(lower_ascii("Sérveur-ÉTÉ"), "serveur-ete");
        assert_eq!(lower_ascii("Straße-Ørsted-Łódź"), "strasse-orsted-lodz");
        assert_eq!(lower_ascii("サーバー01"), "サーバー01");
    }
}
