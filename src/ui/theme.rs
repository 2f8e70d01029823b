//! Styles by role (`sla.breached`, `priority.p1`, `ui.selected`), from `themes/default.toml`.
//! With `NO_COLOR` only bold, dim and reverse remain, so the selection stays visible.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

pub const DEFAULT: &str = include_str!("../../themes/default.toml");

#[derive(Debug, Clone)]
pub struct Theme {
    roles: BTreeMap<String, Style>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    roles: BTreeMap<String, String>,
}

impl Theme {
    /// The built-in theme; colourless when `no_color`.
    pub fn builtin(no_color: bool) -> Theme {
        let file: ThemeFile = toml::from_str(DEFAULT).expect("the built-in theme is valid");
        let mut roles = BTreeMap::new();
        for (role, words) in file.roles {
            let style = parse(&words).unwrap_or_else(|e| panic!("built-in theme, {role}: {e}"));
            roles.insert(role, if no_color { without_colour(style) } else { style });
        }
        Theme { roles }
    }

    /// The style of a role, or of the nearest role it falls back to.
    pub fn style(&self, role: &str) -> Style {
        let mut r = role;
        loop {
            if let Some(s) = self.roles.get(r) {
                return *s;
            }
            match r.rfind('.') {
                Some(i) => r = &r[..i],
                None => return Style::default(),
            }
        }
    }
}

fn without_colour(s: Style) -> Style {
    Style { fg: None, bg: None, ..s }
}

/// "bold red on blue" and the like.
pub fn parse(words: &str) -> Result<Style, String> {
    let mut style = Style::default();
    let mut on = false;
    for w in words.split_whitespace() {
        if w == "on" {
            on = true;
            continue;
        }
        let modifier = match w {
            "bold" => Some(Modifier::BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underlined" => Some(Modifier::UNDERLINED),
            "reversed" => Some(Modifier::REVERSED),
            _ => None,
        };
        if let Some(m) = modifier {
            style = style.add_modifier(m);
            continue;
        }
        let colour = colour(w).ok_or_else(|| format!("unknown colour or modifier {w:?}"))?;
        style = if on { style.bg(colour) } else { style.fg(colour) };
        on = false;
    }
    Ok(style)
}

fn colour(w: &str) -> Option<Color> {
    Some(match w {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "white" => Color::Gray,
        "gray" => Color::DarkGray,
        "bright-red" => Color::LightRed,
        "bright-green" => Color::LightGreen,
        "bright-yellow" => Color::LightYellow,
        "bright-blue" => Color::LightBlue,
        "bright-magenta" => Color::LightMagenta,
        "bright-cyan" => Color::LightCyan,
        "bright-white" => Color::White,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_fall_back_and_no_color_keeps_reverse() {
        let t = Theme::builtin(false);
        assert_eq!(t.style("sla.breached").fg, Some(Color::Red));
        assert_eq!(t.style("sla.breached.long"), t.style("sla.breached"));
        let plain = Theme::builtin(true);
        assert_eq!(plain.style("sla.breached").fg, None);
        assert!(plain.style("ui.selected").add_modifier.contains(Modifier::REVERSED));
        assert!(parse("bold purple").is_err());
    }
}
