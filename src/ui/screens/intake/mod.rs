//! Call intake: the form an agent fills while the caller talks, and the routing preview it
//! shows before saving. The preview is the domain's own `Ticket::open` on the registry, so it
//! says exactly what saving will do.

pub mod view;

use chrono::{DateTime, Utc};

use crate::desk::{CallerCard, MajorIncident};
use crate::domain::caller::Caller;
use crate::domain::registry::lookup::{self, HitKind, closest};
use crate::domain::ticket::{NewTicket, SlaView};
use crate::domain::{Priority, Registry, Ticket, TicketKind};
use crate::ui::action::Action;
use crate::ui::state::State;
use crate::ui::update::Effect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Caller,
    Participant,
    Service,
    Impact,
    Urgency,
    Title,
    Description,
}

/// Where the description is in [`FIELDS`]: the one field of several lines.
pub const DESCRIPTION: usize = 6;

pub const FIELDS: [Field; 7] = [
    Field::Caller,
    Field::Participant,
    Field::Service,
    Field::Impact,
    Field::Urgency,
    Field::Title,
    Field::Description,
];

impl Field {
    /// The field's name as the agent reads it, in their language.
    pub fn label(self) -> String {
        crate::i18n::t(match self {
            Field::Caller => "intake-field-caller",
            Field::Participant => "intake-field-participant",
            Field::Service => "intake-field-service",
            Field::Impact => "intake-field-impact",
            Field::Urgency => "intake-field-urgency",
            Field::Title => "intake-field-title",
            Field::Description => "intake-field-description",
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct Intake {
    pub values: [String; 7],
    pub focus: usize,
    /// The suggestion chosen with up/down in the participant or service field.
    pub pick: usize,
    /// Sent to be logged, no answer yet: a second save would log the call twice.
    pub saving: bool,
    /// Callers on file that fit the caller field, and the text they were found for.
    pub callers: Vec<Caller>,
    pub callers_for: String,
    /// The caller on file this call is from, and their open and recent tickets.
    pub caller: Option<Caller>,
    pub card: Option<CallerCard>,
    /// The open major incidents, as intake opened.
    pub majors: Vec<MajorIncident>,
    /// The major incident the call is to be linked to (its service's open one).
    pub link: Option<u64>,
    /// The title of the standard solution that solves the call on the line.
    pub solution: Option<String>,
    /// The agent moved through the caller suggestions (up/down): tab takes the one picked.
    pub picked: bool,
}

/// What saving would do.
#[derive(Debug, Clone)]
pub struct Preview {
    pub participant: String,
    pub service: String,
    pub priority: Priority,
    pub routing: String,
    pub supplier: Option<String>,
    pub sla: SlaView,
}

impl Intake {
    pub fn field(&self) -> Field {
        FIELDS[self.focus.min(FIELDS.len() - 1)]
    }

    pub fn value(&self, f: Field) -> &str {
        &self.values[FIELDS.iter().position(|x| *x == f).unwrap_or(0)]
    }

    pub fn value_mut(&mut self) -> &mut String {
        &mut self.values[self.focus.min(FIELDS.len() - 1)]
    }

    /// Suggestions for the focused field: (the value saved, what the agent sees).
    pub fn suggestions(&self, reg: &Registry, now: DateTime<Utc>) -> Vec<(String, String)> {
        let typed = self.value(self.field()).trim();
        if typed.is_empty() {
            return Vec::new();
        }
        match self.field() {
            // Callers on file, as the desk found them for what is typed.
            Field::Caller if self.callers_for == typed => {
                self.callers.iter().map(|c| (c.id.to_string(), format!("{} · {}", c.label(), c.participant))).collect()
            }
            // By code, name or one of its locations ("kompas" finds the school at De Kompas).
            Field::Participant => {
                let names = reg.participants().iter().flat_map(|p| {
                    [p.code.as_str(), p.name.as_str()].into_iter().chain(p.locations.iter().map(String::as_str))
                });
                let mut out: Vec<(String, String)> = Vec::new();
                for n in closest(typed, names, 8) {
                    let by_name = reg.participant(n).or_else(|| reg.participants().iter().find(|p| p.name == n));
                    let (p, place) = match by_name {
                        Some(p) => (Some(p), None),
                        None => (reg.participants().iter().find(|p| p.locations.iter().any(|l| l == n)), Some(n)),
                    };
                    if let Some(p) = p
                        && !out.iter().any(|(c, _)| *c == p.code)
                    {
                        let at = place.map(|l| format!(" ({l})")).unwrap_or_default();
                        out.push((p.code.clone(), format!("{} {}{at}", p.code, p.name)));
                    }
                }
                out.truncate(5);
                out
            }
            Field::Service => lookup::find(reg, typed, now, 20)
                .into_iter()
                .filter(|h| h.kind == HitKind::Service)
                .take(5)
                .map(|h| {
                    let label =
                        if h.matched != h.name { format!("{} ({})", h.name, h.matched) } else { h.name.clone() };
                    (h.name, label)
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The participant or service as it will be saved: the suggestion picked, or the first.
    fn resolved(&self, f: Field, reg: &Registry, now: DateTime<Utc>) -> Option<String> {
        let typed = self.value(f).trim();
        let exact = match f {
            Field::Participant => reg.participant(typed).map(|p| p.code.clone()),
            _ => reg.service(typed).map(|s| s.name.clone()),
        };
        exact.or_else(|| {
            let probe = Intake { focus: FIELDS.iter().position(|x| *x == f).unwrap_or(0), ..self.clone() };
            let list = probe.suggestions(reg, now);
            let pick = if self.field() == f { self.pick } else { 0 };
            list.get(pick).or(list.first()).map(|(v, _)| v.clone())
        })
    }

    /// The ticket as saving would log it, or what is still missing.
    pub fn ticket(&self, reg: &Registry, now: DateTime<Utc>) -> Result<NewTicket, String> {
        let participant =
            self.resolved(Field::Participant, reg, now).ok_or_else(|| crate::i18n::t("intake-which-participant"))?;
        let service = self.resolved(Field::Service, reg, now).ok_or_else(|| crate::i18n::t("intake-which-service"))?;
        let number = |f: Field| {
            self.value(f).trim().parse::<u8>().map_err(|_| crate::tr!("intake-not-a-number", field = f.label()))
        };
        let (impact, urgency) = (number(Field::Impact)?, number(Field::Urgency)?);
        let title = self.value(Field::Title).trim();
        let title = if title.is_empty() { service.clone() } else { title.to_string() };
        Ok(NewTicket {
            kind: TicketKind::Incident,
            title,
            description: self.value(Field::Description).to_string(),
            caller: Some(self.value(Field::Caller).trim().to_string()).filter(|c| !c.is_empty()),
            participant,
            service,
            impact,
            urgency,
            caller_id: self.caller.as_ref().map(|c| c.id),
            // Only while the service is still the major incident's and the solution's.
            link_to: self.link.filter(|id| self.major(reg, now).is_some_and(|m| m.id == *id)),
            solution: self.solution.as_ref().and_then(|title| {
                let sol = self.solutions(reg, now).into_iter().find(|s| &s.title == title)?;
                Some(format!("{}: {}", sol.title, sol.steps))
            }),
        })
    }

    /// The open major incident of the service this call is about, if there is one.
    pub fn major(&self, reg: &Registry, now: DateTime<Utc>) -> Option<&MajorIncident> {
        let service = self.resolved(Field::Service, reg, now)?;
        self.majors.iter().find(|m| crate::domain::registry::key(&m.service) == crate::domain::registry::key(&service))
    }

    /// The standard solutions for the service this call is about.
    pub fn solutions<'r>(&self, reg: &'r Registry, now: DateTime<Utc>) -> Vec<&'r crate::domain::registry::Solution> {
        self.resolved(Field::Service, reg, now).map(|s| reg.solutions_for(&s)).unwrap_or_default()
    }

    pub fn preview(&self, reg: &Registry, now: DateTime<Utc>, me: &str) -> Result<Preview, String> {
        let new = self.ticket(reg, now)?;
        let (t, _) = Ticket::open(0, new, now, me, reg).map_err(|e| e.0)?;
        Ok(Preview {
            participant: t.participant.clone(),
            service: t.service.clone(),
            priority: t.priority,
            routing: t.routing.explanation.clone(),
            supplier: t.routing.supplier.clone(),
            sla: t.sla(now, reg),
        })
    }
}

/// What a key of the intake does; `None` for an action of another screen.
pub fn act(s: &mut State, action: Action) -> Option<Vec<Effect>> {
    match action {
        Action::Up => {
            s.intake.pick = s.intake.pick.saturating_sub(1);
            s.intake.picked = true;
        }
        Action::Down => {
            s.intake.pick = (s.intake.pick + 1).min(4);
            s.intake.picked = true;
        }
        Action::NextField | Action::PreviousField => {
            // Leaving a participant or service field fixes the suggestion picked; leaving the
            // caller field with one picked takes that caller on file.
            let mut effects = Vec::new();
            if s.intake.field() == Field::Caller {
                let typed = s.intake.value(Field::Caller).trim().to_string();
                // Taken when picked, or when it is the one caller every typed word starts a word
                // of: a name not on file is not filed under whoever resembles it most.
                let meant = |c: &Caller| {
                    s.intake.picked
                        || (s.intake.callers.len() == 1 && crate::domain::caller::fits_every_word(c, &typed))
                };
                if let Some(c) = s.intake.callers.get(s.intake.pick).cloned().filter(|_| s.intake.caller.is_none())
                    && s.intake.callers_for == typed
                    && meant(&c)
                {
                    effects.push(Effect::CallerCard(c.id));
                    choose(&mut s.intake, c);
                }
            } else if let Some(reg) = &s.registry
                && let Some((value, _)) = s.intake.suggestions(reg, s.now).get(s.intake.pick).cloned()
            {
                *s.intake.value_mut() = value;
            }
            let n = FIELDS.len();
            s.intake.focus =
                if action == Action::NextField { (s.intake.focus + 1) % n } else { (s.intake.focus + n - 1) % n };
            s.intake.pick = 0;
            s.intake.picked = false;
            return Some(effects);
        }
        Action::LinkMajor => {
            let reg = s.registry.as_ref()?;
            match s.intake.major(reg, s.now).map(|m| m.id) {
                Some(id) => {
                    s.intake.link = if s.intake.link.is_some() { None } else { Some(id) };
                    s.message = Some(if s.intake.link.is_some() {
                        crate::tr!("intake-link-on", id = id)
                    } else {
                        crate::i18n::t("intake-link-off")
                    });
                }
                None => s.message = Some(crate::i18n::t("intake-no-major")),
            }
        }
        Action::ApplySolution => {
            let reg = s.registry.as_ref()?;
            let titles: Vec<String> = s.intake.solutions(reg, s.now).iter().map(|x| x.title.clone()).collect();
            if titles.is_empty() {
                s.message = Some(crate::i18n::t("intake-no-solution"));
            }
            // The next one, and after the last none again.
            let at = s.intake.solution.as_ref().and_then(|t| titles.iter().position(|x| x == t));
            s.intake.solution = match at {
                Some(i) => titles.get(i + 1).cloned(),
                None => titles.first().cloned(),
            };
        }
        Action::SaveCaller => {
            let reg = s.registry.as_ref()?;
            let typed = s.intake.value(Field::Caller).trim().to_string();
            let Some(participant) = s.intake.resolved(Field::Participant, reg, s.now) else {
                s.message = Some(crate::i18n::t("intake-caller-where"));
                return Some(vec![]);
            };
            let caller = Caller { participant, ..crate::domain::caller::from_typed(&typed) };
            if caller.name.is_empty() {
                s.message = Some(crate::i18n::t("intake-caller-name-first"));
                return Some(vec![]);
            }
            return Some(vec![Effect::SaveCaller(caller)]);
        }
        Action::Save if s.intake.saving => s.message = Some(crate::i18n::t("intake-saving")),
        Action::Save => {
            let reg = s.registry.as_ref()?;
            match s.intake.ticket(reg, s.now) {
                Ok(new) => {
                    s.intake.saving = true;
                    return Some(vec![Effect::Create(new)]);
                }
                Err(missing) => s.message = Some(missing),
            }
        }
        _ => return None,
    }
    Some(vec![])
}

/// The caller this call is from: the field shows them, the participant follows them.
fn choose(intake: &mut Intake, c: Caller) {
    let at = |f: Field| FIELDS.iter().position(|x| *x == f).unwrap_or(0);
    intake.values[at(Field::Caller)] = c.label();
    if intake.value(Field::Participant).trim().is_empty() {
        intake.values[at(Field::Participant)] = c.participant.clone();
    }
    intake.caller = Some(c);
}

/// What typing in an intake field asks of the desk: callers on file for the caller field.
pub fn typed(s: &mut State, field: usize) -> Vec<Effect> {
    s.intake.picked = false;
    if FIELDS.get(field) == Some(&Field::Service) {
        // Another service: its own major incident and solutions, chosen anew.
        s.intake.link = None;
        s.intake.solution = None;
    }
    if FIELDS.get(field) != Some(&Field::Caller) {
        return vec![];
    }
    // A changed name is someone else: not the caller chosen before.
    s.intake.caller = None;
    s.intake.card = None;
    let query = s.intake.value(Field::Caller).trim().to_string();
    if query.chars().count() < 2 {
        s.intake.callers.clear();
        return vec![];
    }
    let participant = s.registry.as_ref().and_then(|reg| s.intake.resolved(Field::Participant, reg, s.now));
    vec![Effect::FindCallers(query, participant)]
}

/// The desk's answers to what the intake asked.
pub fn answered(s: &mut State, msg: crate::ui::update::Msg) -> Vec<Effect> {
    use crate::ui::update::Msg;
    match msg {
        // An answer for what is no longer typed or chosen is let go.
        Msg::Callers(query, Ok(found)) if query == s.intake.value(Field::Caller).trim() => {
            s.intake.callers = found;
            s.intake.callers_for = query;
        }
        Msg::CallerCard(Ok(card)) if s.intake.caller.as_ref().is_some_and(|c| c.id == card.caller.id) => {
            s.intake.card = Some(card);
        }
        Msg::CallerSaved(Ok(c)) => {
            s.message = Some(crate::tr!("intake-caller-saved", name = c.label()));
            let id = c.id;
            choose(&mut s.intake, c);
            return vec![Effect::CallerCard(id)];
        }
        Msg::Majors(Ok(majors)) => s.intake.majors = majors,
        Msg::Callers(_, Err(e)) | Msg::CallerCard(Err(e)) | Msg::CallerSaved(Err(e)) | Msg::Majors(Err(e)) => {
            s.message = Some(e)
        }
        _ => {}
    }
    vec![]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::registry::file::check_toml;

    #[test]
    fn suggestions_ignore_accents_and_case() {
        let reg = check_toml(
            "r.toml",
            "[[participant]]\ncode = \"EV\"\nname = \"Één Vijver\"\n[[service]]\nname = \"Coördinatie\"\n",
        )
        .unwrap();
        let now = Utc::now();
        let mut intake = Intake { focus: 1, ..Intake::default() };
        intake.values[1] = "EEN VIJ".into();
        assert_eq!(intake.suggestions(&reg, now).first().map(|(v, _)| v.as_str()), Some("EV"));
        intake.focus = 2;
        intake.values[2] = "coordinatie".into();
        assert_eq!(intake.suggestions(&reg, now), [("Coördinatie".to_string(), "Coördinatie".to_string())]);
    }

    #[test]
    fn a_participant_is_found_by_one_of_its_locations() {
        let reg = check_toml(
            "r.toml",
            "[[participant]]\ncode = \"OBL\"\nname = \"Obs De Linde\"\nlocations = [\"Kompas\", \"Vlietlaan\"]\n",
        )
        .unwrap();
        let mut intake = Intake { focus: 1, ..Intake::default() };
        intake.values[1] = "kompas".into();
        let found = intake.suggestions(&reg, Utc::now());
        assert_eq!(found, [("OBL".to_string(), "OBL Obs De Linde (Kompas)".to_string())]);
    }
}
