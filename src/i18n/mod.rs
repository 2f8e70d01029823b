//! The words a person reads, in their language: Fluent catalogues per language (`i18n/en.ftl`,
//! `i18n/nl.ftl`), one message id for each text. The stable names scripts use (`--status
//! in_progress`, JSON fields, files) are not translated; what is shown of them is.
//!
//! The language is chosen once for the process (`--lang`, `language` in the config, else
//! `LC_ALL`, `LC_MESSAGES`, `LANG`); a thread may speak another (tests of both languages).

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Nl,
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "en" | "english" => Ok(Lang::En),
            "nl" | "nederlands" | "dutch" => Ok(Lang::Nl),
            other => Err(format!("unknown language {other:?} (en or nl)")),
        }
    }
}

impl Lang {
    /// From the locale variables, as the C library reads them: the first one set decides.
    pub fn from_env() -> Lang {
        let set =
            ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|v| std::env::var(v).ok().filter(|x| !x.is_empty()));
        match set {
            Some(l) if l.to_lowercase().starts_with("nl") => Lang::Nl,
            _ => Lang::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// The locale chrono names weekdays and months in.
    pub fn locale(self) -> chrono::Locale {
        match self {
            Lang::En => chrono::Locale::en_GB,
            Lang::Nl => chrono::Locale::nl_NL,
        }
    }
}

/// The catalogues, as shipped in the binary: per language, one file per part of the product.
pub const FILES: [&str; 7] = ["core", "screens-a", "screens-b", "cli-a", "cli-b", "desk", "registry"];

macro_rules! catalogue {
    ($lang:literal) => {
        [
            include_str!(concat!("../../i18n/", $lang, "/core.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/screens-a.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/screens-b.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/cli-a.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/cli-b.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/desk.ftl")),
            include_str!(concat!("../../i18n/", $lang, "/registry.ftl")),
        ]
    };
}

pub const CATALOGUES: [(Lang, [&str; 7]); 2] = [(Lang::En, catalogue!("en")), (Lang::Nl, catalogue!("nl"))];

static PROCESS: OnceLock<Lang> = OnceLock::new();

thread_local! {
    static THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the process's language (the first call wins).
pub fn set(lang: Lang) {
    let _ = PROCESS.set(lang);
}

/// Makes this thread speak `lang`, whatever the process does (tests of both languages).
pub fn set_for_thread(lang: Lang) {
    THREAD.with(|t| t.set(Some(lang)));
}

pub fn lang() -> Lang {
    THREAD.with(Cell::get).or_else(|| PROCESS.get().copied()).unwrap_or(Lang::En)
}

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<Vec<(Lang, Bundle)>> = LazyLock::new(|| {
    CATALOGUES
        .iter()
        .map(|(lang, files)| {
            let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a valid language id");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No invisible isolation marks around values: a terminal would show them.
            bundle.set_use_isolating(false);
            for text in files {
                let resource = FluentResource::try_new(text.to_string()).expect("the catalogues parse (a test checks)");
                bundle.add_resource(resource).expect("no message twice (a test checks)");
            }
            (*lang, bundle)
        })
        .collect()
});

fn bundle(lang: Lang) -> &'static Bundle {
    &BUNDLES.iter().find(|(l, _)| *l == lang).expect("every language has a catalogue").1
}

/// Messages without values, worded once per language: a screen asks for the same few hundred
/// on every frame, and formatting each anew costs more than drawing the frame.
static WORDED: LazyLock<[RwLock<HashMap<String, String>>; 2]> = LazyLock::new(Default::default);

/// The text of message `id` in the current language.
pub fn t(id: &str) -> String {
    let lang = lang();
    let cache = &WORDED[lang as usize];
    if let Some(text) = cache.read().unwrap_or_else(|e| e.into_inner()).get(id) {
        return text.clone();
    }
    let text = tr(id, &[]);
    cache.write().unwrap_or_else(|e| e.into_inner()).insert(id.to_string(), text.clone());
    text
}

/// The text of message `id` with its `{ $name }` values filled in.
pub fn tr(id: &str, args: &[(&str, FluentValue)]) -> String {
    let lang = lang();
    let found = [lang, Lang::En].into_iter().find_map(|l| bundle(l).get_message(id).map(|m| (l, m)));
    let Some((l, message)) = found else { return id.to_string() };
    let Some(pattern) = message.value() else { return id.to_string() };
    let mut values = FluentArgs::new();
    for (k, v) in args {
        values.set(*k, v.clone());
    }
    let mut errors = Vec::new();
    bundle(l).format_pattern(pattern, Some(&values), &mut errors).into_owned()
}

/// `tr!("id", name = value, ...)`: a message with values.
#[macro_export]
macro_rules! tr {
    ($id:expr $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::i18n::tr($id, &[$((stringify!($k), ::fluent_bundle::FluentValue::from($v))),*])
    };
}

/// An instant on the helpdesk's clock, with weekday and month names in the current language.
pub fn date<Tz: chrono::TimeZone>(at: &chrono::DateTime<Tz>, format: &str) -> String
where
    Tz::Offset: std::fmt::Display,
{
    at.format_localized(format, lang().locale()).to_string()
}

/// A number with the decimal separator of the current language (a comma in Dutch).
pub fn decimal(v: f64, places: usize) -> String {
    let text = format!("{v:.places$}");
    if lang() == Lang::Nl { text.replace('.', ",") } else { text }
}
