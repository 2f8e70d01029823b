//! Styles by role (`sla.breached`, `priority.p1`, `ui.selected`): a palette plus roles, with
//! dotted fallback (`sla.breached` → `sla`) and `inherits`. Built in: `default` (16 ANSI
//! colours, right over any SSH link and in tmux), `dark` and `light` (true colour), and
//! `high-contrast`. With `NO_COLOR` only bold, dim and reverse remain, so the selection stays
//! visible. A true-colour theme on a terminal that does not say it can show it falls back to
//! `default`, with a notice.

use std::collections::BTreeMap;
use std::path::Path;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use toml::Spanned;

pub const BUILT_IN: [(&str, &str); 4] = [
    ("default", include_str!("../../themes/default.toml")),
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("high-contrast", include_str!("../../themes/high-contrast.toml")),
];

#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    roles: BTreeMap<String, Style>,
    /// Whether any style needs a true-colour terminal.
    pub true_colour: bool,
}

/// The roles the screens ask for. A theme may style these and the parts before their dots
/// (`sla` styles every `sla.*`); any other role is a misspelling that would change nothing.
pub const ROLES: &[&str] = &[
    "ui",
    "ui.title",
    "ui.header",
    "ui.selected",
    "ui.dim",
    "ui.status",
    "ui.banner",
    "ui.key",
    "sla.ok",
    "sla.warning",
    "sla.breached",
    "sla.breached.long",
    "sla.paused",
    "priority.p1",
    "priority.p2",
    "priority.p3",
    "priority.p4",
    "open.now",
    "open.closed",
];

fn is_role(role: &str) -> bool {
    ROLES.iter().any(|r| *r == role || r.strip_prefix(role).is_some_and(|rest| rest.starts_with('.')))
}

/// One error in a theme; `line` 0 when it is about the theme's name, not a place in a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", if *line == 0 { String::new() } else { format!("{file}:{line}:{column}: ") })]
pub struct ThemeError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Every error of a theme and the themes it inherits, one per line when printed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct ThemeErrors(pub Vec<ThemeError>);

/// ` (did you mean "x"?)` when one of `names` is close to `wanted`.
fn did_you_mean<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> String {
    match crate::domain::registry::lookup::closest(wanted, names, 1).first() {
        Some(n) => format!(" (did you mean {n:?}?)"),
        None => String::new(),
    }
}

#[derive(Deserialize)]
struct ThemeFile {
    inherits: Option<Spanned<String>>,
    #[serde(default)]
    palette: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    roles: BTreeMap<Spanned<String>, Spanned<String>>,
}

impl Theme {
    /// The built-in default theme; colourless when `no_color`.
    pub fn builtin(no_color: bool) -> Theme {
        let t = Theme::load("default", None).expect("the built-in themes are valid");
        if no_color { t.without_colour() } else { t }
    }

    /// A theme by name: the user's `themes/NAME.toml` in `user_dir` first, then the built-in
    /// ones. Every error of the file (and of those it inherits) at once.
    pub fn load(name: &str, user_dir: Option<&Path>) -> Result<Theme, ThemeErrors> {
        let mut chain: Vec<String> = Vec::new();
        let mut roles = BTreeMap::new();
        let mut errors = Vec::new();
        load_into(name, user_dir, &mut chain, &mut roles, &mut errors);
        if !errors.is_empty() {
            return Err(ThemeErrors(errors));
        }
        let true_colour =
            roles.values().any(|s: &Style| [s.fg, s.bg].iter().flatten().any(|c| matches!(c, Color::Rgb(..))));
        Ok(Theme { name: name.to_string(), roles, true_colour })
    }

    /// The theme the agent chose, as the terminal can show it, and a notice when it could not.
    pub fn for_terminal(
        name: &str,
        user_dir: Option<&Path>,
        no_color: bool,
    ) -> Result<(Theme, Option<String>), ThemeErrors> {
        let chosen = Theme::load(name, user_dir)?;
        let colourterm = std::env::var("COLORTERM").unwrap_or_default();
        if no_color {
            return Ok((chosen.without_colour(), None));
        }
        if chosen.true_colour && !matches!(colourterm.as_str(), "truecolor" | "24bit") {
            let notice =
                format!("theme {name:?} needs a true-colour terminal (COLORTERM=truecolor); showing the default theme");
            return Ok((Theme::builtin(false), Some(notice)));
        }
        Ok((chosen, None))
    }

    fn without_colour(mut self) -> Theme {
        for s in self.roles.values_mut() {
            *s = Style { fg: None, bg: None, ..*s };
        }
        self.true_colour = false;
        self
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

fn source(name: &str, user_dir: Option<&Path>) -> Option<(String, String)> {
    if let Some(dir) = user_dir {
        let path = dir.join(format!("{name}.toml"));
        if let Ok(text) = std::fs::read_to_string(&path) {
            return Some((path.display().to_string(), text));
        }
    }
    BUILT_IN.iter().find(|(n, _)| *n == name).map(|(n, text)| (format!("themes/{n}.toml"), text.to_string()))
}

fn load_into(
    name: &str,
    user_dir: Option<&Path>,
    chain: &mut Vec<String>,
    roles: &mut BTreeMap<String, Style>,
    errors: &mut Vec<ThemeError>,
) {
    let unknown = |message: String| ThemeError { file: name.into(), line: 0, column: 0, message };
    if chain.iter().any(|n| n == name) {
        errors.push(unknown(format!("themes inherit in a circle: {} → {name}", chain.join(" → "))));
        return;
    }
    chain.push(name.to_string());
    let Some((file, text)) = source(name, user_dir) else {
        let mut names: Vec<String> = BUILT_IN.iter().map(|(n, _)| n.to_string()).collect();
        let built_in = names.join(", ");
        let yours = user_themes(user_dir);
        let yours_text = if yours.is_empty() { String::new() } else { format!("; yours: {}", yours.join(", ")) };
        names.extend(yours);
        let hint = did_you_mean(name, names.iter().map(String::as_str));
        errors.push(unknown(format!("no theme {name:?}{hint} (built in: {built_in}{yours_text})")));
        return;
    };
    let at = |offset: usize, message: String| {
        let (line, column) = crate::domain::place::position(&text, offset);
        ThemeError { file: file.clone(), line, column, message }
    };
    let parsed: ThemeFile = match toml::from_str(&text) {
        Ok(p) => p,
        Err(e) => return errors.push(at(e.span().map(|s| s.start).unwrap_or(0), e.message().to_string())),
    };
    // Read again for the names of its tables, so that a misspelt one is an error too.
    let tables: BTreeMap<Spanned<String>, toml::Value> = toml::from_str(&text).unwrap_or_default();
    for table in tables.keys() {
        let known = ["inherits", "palette", "roles"];
        if !known.contains(&table.get_ref().as_str()) {
            let hint = did_you_mean(table.get_ref(), known.into_iter());
            errors.push(at(
                table.span().start,
                format!("unknown field {:?}{hint}: inherits, palette or roles", table.get_ref()),
            ));
        }
    }
    if let Some(parent) = &parsed.inherits {
        let mut theirs = Vec::new();
        load_into(parent.get_ref(), user_dir, chain, roles, &mut theirs);
        errors.extend(theirs.into_iter().map(|e| if e.line == 0 { at(parent.span().start, e.message) } else { e }));
    }
    let mut palette = BTreeMap::new();
    for (n, value) in &parsed.palette {
        match colour(value.get_ref(), &BTreeMap::new()) {
            Some(c) => {
                palette.insert(n.clone(), c);
            }
            None => errors.push(at(value.span().start, format!("{:?} is not a colour", value.get_ref()))),
        }
    }
    for (role, words) in &parsed.roles {
        if !is_role(role.get_ref()) {
            let hint = did_you_mean(role.get_ref(), ROLES.iter().copied());
            errors.push(at(role.span().start, format!("unknown role {:?}{hint}", role.get_ref())));
            continue;
        }
        match parse(words.get_ref(), &palette) {
            Ok(style) => {
                roles.insert(role.get_ref().clone(), style);
            }
            Err(e) => errors.push(at(words.span().start, e)),
        }
    }
}

/// The names of the user's own themes.
fn user_themes(user_dir: Option<&Path>) -> Vec<String> {
    let Some(entries) = user_dir.and_then(|d| std::fs::read_dir(d).ok()) else { return Vec::new() };
    entries
        .flatten()
        .filter_map(|e| {
            let path = e.path();
            let stem = path.file_stem()?.to_string_lossy().into_owned();
            path.extension().is_some_and(|x| x == "toml").then_some(stem)
        })
        .collect()
}

/// "bold red on blue", with colours from the palette, the 16 ANSI names, or `#rrggbb`.
pub fn parse(words: &str, palette: &BTreeMap<String, Color>) -> Result<Style, String> {
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
        let c = colour(w, palette).ok_or_else(|| {
            let names = COLOURS.iter().chain(MODIFIERS).copied().chain(palette.keys().map(String::as_str));
            format!("unknown colour or modifier {w:?}{}", did_you_mean(w, names))
        })?;
        style = if on { style.bg(c) } else { style.fg(c) };
        on = false;
    }
    Ok(style)
}

const COLOURS: &[&str] = &[
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "white",
    "gray",
    "bright-red",
    "bright-green",
    "bright-yellow",
    "bright-blue",
    "bright-magenta",
    "bright-cyan",
    "bright-white",
];
const MODIFIERS: &[&str] = &["bold", "dim", "italic", "underlined", "reversed"];

fn colour(w: &str, palette: &BTreeMap<String, Color>) -> Option<Color> {
    if let Some(c) = palette.get(w) {
        return Some(*c);
    }
    if let Some(hex) = w.strip_prefix('#')
        && hex.len() == 6
    {
        let v = u32::from_str_radix(hex, 16).ok()?;
        return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
    }
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
        assert!(parse("bold purple", &BTreeMap::new()).is_err());
    }

    #[test]
    fn every_built_in_theme_loads_and_inherits() {
        for (name, _) in BUILT_IN {
            let t = Theme::load(name, None).unwrap();
            assert!(t.style("ui.banner").bg.is_some(), "{name} inherits the banner from default");
        }
        let dark = Theme::load("dark", None).unwrap();
        assert!(dark.true_colour);
        assert_eq!(dark.style("sla.breached").fg, Some(Color::Rgb(0xf3, 0x8b, 0xa8)));
        assert!(!Theme::load("high-contrast", None).unwrap().true_colour);
    }

    #[test]
    fn a_users_theme_with_an_error_says_where_and_circles_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("mine.toml"),
            "inherits = \"dark\"\n[roles]\n\"sla.ok\" = \"green\"\n\"sla.warning\" = \"orange\"\n",
        )
        .unwrap();
        let e = Theme::load("mine", Some(dir.path())).unwrap_err().0.remove(0);
        assert_eq!((e.line, e.column), (4, 17), "{e}");
        assert!(e.file.ends_with("mine.toml") && e.message.contains("orange"), "{e}");
        std::fs::write(dir.path().join("a.toml"), "inherits = \"b\"\n").unwrap();
        std::fs::write(dir.path().join("b.toml"), "inherits = \"a\"\n").unwrap();
        assert!(Theme::load("a", Some(dir.path())).unwrap_err().to_string().contains("circle"));
        let e = Theme::load("nope", None).unwrap_err();
        assert!(
            e.to_string().starts_with("no theme \"nope\" (built in: default, dark"),
            "no file:0:0 to point at: {e}"
        );
        let e = Theme::load("drak", None).unwrap_err();
        assert!(e.to_string().contains("did you mean \"dark\"?"), "{e}");
    }

    #[test]
    fn every_error_of_a_theme_at_once_and_misspelt_roles_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let text = "inherits = \"dark\"\n[palette]\nbad = \"#12\"\n[roles]\n\"sla.warnign\" = \"yellow\"\n\"ui.dim\" = \"yelow\"\n\"ui.selected\" = \"reversed\"\n\"sla\" = \"bold\"\n[role]\n";
        std::fs::write(dir.path().join("mine.toml"), text).unwrap();
        let errors = Theme::load("mine", Some(dir.path())).unwrap_err().0;
        let got: Vec<(usize, String)> = errors.iter().map(|e| (e.line, e.message.clone())).collect();
        assert_eq!(
            got,
            [
                (9, "unknown field \"role\" (did you mean \"roles\"?): inherits, palette or roles".to_string()),
                (3, "\"#12\" is not a colour".to_string()),
                (5, "unknown role \"sla.warnign\" (did you mean \"sla.warning\"?)".to_string()),
                (6, "unknown colour or modifier \"yelow\" (did you mean \"yellow\"?)".to_string()),
            ]
        );
        for (name, text) in BUILT_IN {
            let roles: ThemeFile = toml::from_str(text).unwrap();
            assert!(roles.roles.keys().all(|r| is_role(r.get_ref())), "{name} styles only roles the screens use");
        }
    }
}
