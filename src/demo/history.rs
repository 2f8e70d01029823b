//! A generated ticket history: arrivals in office hours with a Monday peak, dispatch to the
//! routed supplier, pauses, resolutions (some late), closures with a score, a few reopens.

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::AGENTS;
use crate::domain::registry::Registry;
use crate::domain::sla::SlaDuration;
use crate::domain::ticket::{Change, Channel, JournalEntry, NewTicket};
use crate::domain::{Status, Ticket, TicketKind};

#[derive(Debug, Clone, Copy)]
pub struct HistoryPlan {
    pub tickets: usize,
    /// The history ends here: later events have not happened yet, so those tickets stay open.
    pub now: DateTime<Utc>,
    pub seed: u64,
    pub first_id: u64,
}

impl HistoryPlan {
    /// About forty tickets a working day, between 90 days and ten years back.
    pub fn days(&self) -> i64 {
        (self.tickets as i64 / 40).clamp(90, 3650)
    }
}

/// The history as an iterator, so a million tickets need not sit in memory at once.
pub struct History<'a> {
    reg: &'a Registry,
    plan: HistoryPlan,
    rng: StdRng,
    tz: Tz,
    /// Tickets still to make per day, from the oldest day.
    day_counts: Vec<usize>,
    day: usize,
    pending: Vec<DateTime<Utc>>,
    next_id: u64,
}

impl<'a> History<'a> {
    pub fn new(reg: &'a Registry, plan: HistoryPlan) -> Self {
        let tz = reg.helpdesk_calendar().timezone;
        let days = plan.days();
        let today = plan.now.with_timezone(&tz).date_naive();
        let weights: Vec<f64> = (0..days)
            .map(|i| match (today - Duration::days(days - 1 - i)).weekday() {
                Weekday::Mon => 1.4,
                Weekday::Tue | Weekday::Wed | Weekday::Thu => 1.0,
                Weekday::Fri => 0.8,
                Weekday::Sat | Weekday::Sun => 0.08,
            })
            .collect();
        let total: f64 = weights.iter().sum();
        // Whole tickets per day that add up to exactly `plan.tickets`.
        let mut cum = 0.0;
        let mut day_counts = Vec::with_capacity(weights.len());
        for w in &weights {
            let before = (cum / total * plan.tickets as f64).round() as usize;
            cum += w;
            let after = (cum / total * plan.tickets as f64).round() as usize;
            day_counts.push(after - before);
        }
        History {
            reg,
            plan,
            rng: StdRng::seed_from_u64(plan.seed),
            tz,
            day_counts,
            day: 0,
            pending: Vec::new(),
            next_id: plan.first_id,
        }
    }

    fn arrivals_of_day(&mut self) -> Vec<DateTime<Utc>> {
        let days = self.day_counts.len() as i64;
        let date = self.plan.now.with_timezone(&self.tz).date_naive() - Duration::days(days - 1 - self.day as i64);
        let n = self.day_counts[self.day];
        let mut times: Vec<DateTime<Utc>> = (0..n)
            .filter_map(|_| {
                // Most calls come in office hours, busiest in the morning.
                let minute = if self.rng.random_bool(0.88) {
                    let a: u32 = self.rng.random_range(8 * 60..17 * 60);
                    let b: u32 = self.rng.random_range(8 * 60..17 * 60);
                    a.min(b)
                } else {
                    self.rng.random_range(0..24 * 60)
                };
                let local = date.and_hms_opt(minute / 60, minute % 60, self.rng.random_range(0..60))?;
                // A minute that the spring DST change skips comes in just after the gap.
                let gap_free = self
                    .tz
                    .from_local_datetime(&local)
                    .earliest()
                    .or_else(|| self.tz.from_local_datetime(&(local + Duration::hours(1))).earliest());
                gap_free.map(|t| t.with_timezone(&Utc))
            })
            .collect();
        // Calls "later today" have not come in yet: move them into the hour before now, so the
        // history holds exactly the number of tickets asked for.
        for t in &mut times {
            if *t > self.plan.now {
                *t = self.plan.now - Duration::seconds(self.rng.random_range(0..3600));
            }
        }
        times.sort();
        times
    }

    fn ticket(&mut self, id: u64, at: DateTime<Utc>) -> (Ticket, Vec<JournalEntry>) {
        let reg = self.reg;
        let rng = &mut self.rng;
        let participant = &reg.participants()[rng.random_range(0..reg.participants().len())];
        let school = participant.kind.as_deref() == Some("school");
        let services: Vec<_> = reg
            .services()
            .iter()
            .filter(|s| match s.category.as_deref() {
                Some("school") => school,
                Some("municipal") => !school,
                _ => true,
            })
            .collect();
        // Workplace, accounts and Microsoft 365 are what most people call about.
        let service = if rng.random_bool(0.35) {
            let common: Vec<_> = services
                .iter()
                .filter(|s| matches!(s.category.as_deref(), Some("workplace" | "identity" | "saas")))
                .collect();
            common[rng.random_range(0..common.len())]
        } else {
            &services[rng.random_range(0..services.len())]
        };
        let impact = pick(rng, &[(1, 4), (2, 21), (3, 75)]);
        let urgency = pick(rng, &[(1, 5), (2, 20), (3, 50), (4, 25)]);
        let kind = if rng.random_bool(0.25) { TicketKind::Request } else { TicketKind::Incident };
        let title = title(rng, &service.name, kind);
        let caller = format!("{} {}", FIRST[rng.random_range(0..FIRST.len())], LAST[rng.random_range(0..LAST.len())]);
        let new = NewTicket {
            kind,
            title,
            description: format!(
                "Gemeld door {caller} ({}). {}",
                participant.name,
                DETAILS[rng.random_range(0..DETAILS.len())]
            ),
            caller: Some(caller),
            participant: participant.code.clone(),
            service: service.name.clone(),
            impact,
            urgency,
            caller_id: None,
            link_to: None,
            solution: None,
        };
        let opener = AGENTS[rng.random_range(0..AGENTS.len())];
        let (mut t, created) = Ticket::open(id, new, at, opener, reg).expect("demo tickets are valid");
        let mut journal = vec![created];
        let mut life = Life { now: self.plan.now, at, done: false };
        let agent = AGENTS[rng.random_range(0..AGENTS.len())];
        let mut step = |t: &mut Ticket, life: &mut Life, after: Duration, change: Change| {
            if life.done {
                return;
            }
            life.at += after;
            if life.at > life.now {
                life.done = true;
                return;
            }
            if let Ok(entries) = t.apply(change, life.at, agent, reg) {
                journal.extend(entries);
            }
        };
        step(&mut t, &mut life, minutes(rng, 1, 20), Change::Assign(Some(agent.to_string())));
        // Usually a quick call back; sometimes it waits for hours (a response breach).
        let call_after = if rng.random_bool(0.9) { minutes(rng, 1, 25) } else { minutes(rng, 60, 300) };
        step(
            &mut t,
            &mut life,
            call_after,
            Change::Contact(Channel::Call, "Beller teruggebeld, probleem uitgevraagd.".into()),
        );
        let routed = t.routing.supplier.is_some();
        let window = t.supplier_sla.as_ref().map(|l| l.calendar.clone()).unwrap_or_else(|| t.helpdesk.calendar.clone());
        let cal = reg.calendar(&window).cloned().unwrap_or_else(|| reg.helpdesk_calendar().clone());
        if routed {
            step(&mut t, &mut life, minutes(rng, 3, 45), Change::Status(Status::WaitingOnSupplier));
            let reference =
                format!("{}-{}", REF_PREFIX[rng.random_range(0..REF_PREFIX.len())], rng.random_range(100_000..999_999));
            step(&mut t, &mut life, minutes(rng, 10, 180), Change::SupplierRef(reference));
        } else {
            step(&mut t, &mut life, minutes(rng, 2, 30), Change::Status(Status::InProgress));
        }
        if rng.random_bool(0.15) {
            step(&mut t, &mut life, minutes(rng, 30, 240), Change::Status(Status::WaitingOnCaller));
            step(&mut t, &mut life, minutes(rng, 60, 2 * 24 * 60), Change::Status(Status::InProgress));
            if routed {
                step(&mut t, &mut life, minutes(rng, 5, 60), Change::Status(Status::WaitingOnSupplier));
            }
        }
        if rng.random_bool(0.1) {
            step(
                &mut t,
                &mut life,
                minutes(rng, 30, 600),
                Change::Note("Leverancier gerappeld, wacht op terugkoppeling.".into()),
            );
        }
        // Resolution: most within target, some late.
        let target = t.supplier_sla.as_ref().map(|l| l.resolution.target).unwrap_or(t.helpdesk.resolution.target);
        let target_secs = cal.business_between(life.at, cal.deadline(life.at, target)).max(600);
        let share = if rng.random_bool(0.12) { rng.random_range(1.05..2.5) } else { rng.random_range(0.1..0.95) };
        let resolve_at = cal.deadline(life.at, SlaDuration::seconds((target_secs as f64 * share) as i64));
        let after = (resolve_at - life.at).max(Duration::minutes(5));
        let id = t.id;
        step(&mut t, &mut life, after, Change::Solution(solution(id, 0)));
        step(&mut t, &mut life, Duration::zero(), Change::Status(Status::Resolved));
        if rng.random_bool(0.04) {
            step(&mut t, &mut life, minutes(rng, 60, 24 * 60), Change::Status(Status::InProgress));
            step(&mut t, &mut life, minutes(rng, 60, 8 * 60), Change::Solution(solution(id, 1)));
            step(&mut t, &mut life, Duration::zero(), Change::Status(Status::Resolved));
        }
        step(&mut t, &mut life, minutes(rng, 12 * 60, 3 * 24 * 60), Change::Status(Status::Closed));
        if t.status == Status::Closed && rng.random_bool(0.6) {
            let late = t.sla(t.updated_at, reg).level() == crate::domain::sla::ClockLevel::Breached;
            let score =
                if late { pick(rng, &[(1, 2), (2, 3), (3, 4), (4, 1)]) } else { pick(rng, &[(3, 2), (4, 5), (5, 4)]) };
            let remark = (score <= 2).then(|| "Duurde te lang.".to_string());
            step(&mut t, &mut life, Duration::zero(), Change::Satisfaction { score, remark });
        }
        (t, journal)
    }
}

struct Life {
    now: DateTime<Utc>,
    at: DateTime<Utc>,
    done: bool,
}

impl Iterator for History<'_> {
    type Item = (Ticket, Vec<JournalEntry>);

    fn next(&mut self) -> Option<Self::Item> {
        while self.pending.is_empty() {
            if self.day >= self.day_counts.len() {
                return None;
            }
            let mut day = self.arrivals_of_day();
            day.reverse();
            self.pending = day;
            self.day += 1;
        }
        let at = self.pending.pop()?;
        let id = self.next_id;
        self.next_id += 1;
        Some(self.ticket(id, at))
    }
}

fn minutes(rng: &mut StdRng, lo: i64, hi: i64) -> Duration {
    Duration::seconds(rng.random_range(lo * 60..=hi * 60))
}

fn pick<T: Copy>(rng: &mut StdRng, weighted: &[(T, u32)]) -> T {
    let total: u32 = weighted.iter().map(|(_, w)| w).sum();
    let mut r = rng.random_range(0..total);
    for (v, w) in weighted {
        if r < *w {
            return *v;
        }
        r -= w;
    }
    weighted[0].0
}

fn title(rng: &mut StdRng, service: &str, kind: TicketKind) -> String {
    let templates: &[&str] = match kind {
        TicketKind::Incident => &[
            "{} geeft een foutmelding bij inloggen",
            "{} is niet bereikbaar",
            "{} reageert erg traag",
            "{}: gegevens worden niet opgeslagen",
            "{}: koppeling geeft een fout",
            "Storing {} op de hele locatie",
            "{} loopt vast na de laatste update",
        ],
        TicketKind::Request => &[
            "Nieuwe medewerker: toegang tot {}",
            "Rechten aanpassen in {}",
            "Vraag over het gebruik van {}",
            "Account {} verwijderen bij uitdiensttreding",
        ],
    };
    templates[rng.random_range(0..templates.len())].replace("{}", service)
}

const FIRST: &[&str] = &[
    "Sanne", "Daan", "Femke", "Lucas", "Noor", "Thijs", "Eva", "Bram", "Lotte", "Jesse", "Fatima", "Mohamed", "Ilse",
    "Ruben", "Anouk", "Sem", "Yara", "Pieter", "Mila", "Hasan",
];
const LAST: &[&str] = &[
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Yilmaz",
    "El Amrani",
    "Kramer",
];
const DETAILS: &[&str] = &[
    "Sinds vanochtend, meerdere collega's hebben er last van.",
    "Alleen op deze werkplek, opnieuw opstarten helpt niet.",
    "Foutcode op het scherm, schermafdruk volgt per mail.",
    "Werkt wel thuis, niet op kantoor.",
    "Dringend: baliewerkzaamheden liggen stil.",
    "Geen haast, graag deze week.",
];
const REF_PREFIX: &[&str] = &["INC", "CS", "SR", "TCK"];

/// What solved a demo ticket (the same ticket gets the same text: the history is repeatable).
fn solution(id: u64, attempt: u64) -> String {
    const SOLUTIONS: [&str; 6] = [
        "Leverancier heeft de koppeling opnieuw gestart; melder kan weer inloggen.",
        "Cache van de browser geleegd en opnieuw aangemeld; werkt weer.",
        "Account ontgrendeld en wachtwoord opnieuw ingesteld.",
        "Leverancier heeft een patch uitgerold; gecontroleerd met de melder.",
        "Printerwachtrij opgeschoond en driver opnieuw geïnstalleerd.",
        "Rechten in de groep hersteld; melder ziet de gegevens weer.",
    ];
    SOLUTIONS[((id + attempt * 3) % SOLUTIONS.len() as u64) as usize].to_string()
}
