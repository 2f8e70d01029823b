//! SLA engine benchmarks: deadlines on an office-hours calendar with holidays, business time
//! between instants, and recomputing the SLA state of 100,000 open tickets.

use chrono::{DateTime, Duration, Utc};
use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use spoc::domain::sla::{Calendar, CalendarSpec, SlaDuration};
use spoc::domain::ticket::{Change, Channel, NewTicket};
use spoc::domain::{Status, Ticket, TicketKind};

fn office() -> Calendar {
    let spec: CalendarSpec = toml::from_str(
        r#"
        name = "kantoortijden"
        timezone = "Europe/Amsterdam"
        [week]
        mon = ["08:00-17:00"]
        tue = ["08:00-12:00", "13:00-17:00"]
        wed = ["08:00-17:00"]
        thu = ["08:00-17:00"]
        fri = ["08:00-17:00"]
        [holidays]
        country = "nl"
        dates = ["2026-12-24"]
        "#,
    )
    .unwrap();
    spec.build().unwrap()
}

/// Starts spread over two years, so the benchmark does not only hit one week.
fn starts() -> Vec<DateTime<Utc>> {
    let first = DateTime::parse_from_rfc3339("2026-01-01T06:17:00Z").unwrap().with_timezone(&Utc);
    (0..1024).map(|i| first + Duration::minutes(i * 1031)).collect()
}

fn calendar(c: &mut Criterion) {
    let cal = office();
    let starts = starts();
    // Year tables are built on first use; warm them as a running server would have.
    for s in &starts {
        cal.deadline(*s, SlaDuration::days(5));
    }
    let mut i = 0;
    c.bench_function("deadline 5bd, office hours with holidays", |b| {
        b.iter(|| {
            i = (i + 1) % starts.len();
            cal.deadline(black_box(starts[i]), SlaDuration::days(5))
        })
    });
    c.bench_function("deadline 45h (5 business days of 9h), office hours with holidays", |b| {
        b.iter(|| {
            i = (i + 1) % starts.len();
            cal.deadline(black_box(starts[i]), SlaDuration::hours(45))
        })
    });
    c.bench_function("business seconds over 30 days", |b| {
        b.iter(|| {
            i = (i + 1) % starts.len();
            cal.business_between(black_box(starts[i]), starts[i] + Duration::days(30))
        })
    });
    c.bench_function("building one year's opening spans (cold calendar)", |b| {
        b.iter_batched(office, |cal| cal.deadline(black_box(starts[7]), SlaDuration::hours(1)), BatchSize::SmallInput)
    });
}

fn recompute(c: &mut Criterion) {
    let reg = spoc::demo::registry();
    let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap().with_timezone(&Utc);
    // 100,000 open tickets over the last month, in every open state, on every calendar.
    let mut tickets = Vec::with_capacity(100_000);
    let participants = reg.participants();
    let services = reg.services();
    for n in 0..100_000u64 {
        let created = now - Duration::minutes((n as i64 * 7919) % (30 * 24 * 60));
        let new = NewTicket {
            kind: TicketKind::Incident,
            title: format!("ticket {n}"),
            description: String::new(),
            caller: None,
            participant: participants[n as usize % participants.len()].code.clone(),
            service: services[(n as usize / 7) % services.len()].name.clone(),
            impact: 1 + (n % 3) as u8,
            urgency: 1 + (n % 4) as u8,
            caller_id: None,
            link_to: None,
            solution: None,
        };
        let (mut t, _) = Ticket::open(n + 1, new, created, "bench", &reg).unwrap();
        let later = created + Duration::minutes(20);
        let _ = t.apply(Change::Contact(Channel::Call, "called".into()), later, "bench", &reg);
        let status = [Status::InProgress, Status::WaitingOnSupplier, Status::WaitingOnCaller][n as usize % 3];
        let _ = t.apply(Change::Status(status), later + Duration::minutes(10), "bench", &reg);
        tickets.push(t);
    }
    c.bench_function("SLA state of 100,000 open tickets", |b| {
        b.iter(|| {
            tickets.iter().filter(|t| t.sla(black_box(now), &reg).level() != spoc::domain::sla::ClockLevel::Ok).count()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = calendar, recompute
}
criterion_main!(benches);
