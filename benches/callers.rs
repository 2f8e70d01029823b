//! Finding a caller on file while they are on the line: 100,000 callers (every pupil's parent
//! and every employee of a large collaboration), queries by name, phone and email.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use spoc::domain::caller::{Caller, CallerBook};

const FIRST: &[&str] = &["Anouk", "Bram", "Sanne", "Daan", "Lotte", "Jeroen", "Fleur", "Ömer", "Priya", "Karin"];
const LAST: &[&str] =
    &["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Yılmaz", "Bos"];

fn book(n: usize) -> CallerBook {
    let callers = (0..n)
        .map(|i| {
            let (f, l) = (FIRST[i % FIRST.len()], LAST[(i / FIRST.len()) % LAST.len()]);
            Caller {
                id: i as u64 + 1,
                name: format!("{f} {l} {i}"),
                phone: Some(format!("06 {:04} {:04}", i / 10_000, i % 10_000)),
                email: Some(format!("{}.{i}@school{}.nl", f.to_lowercase(), i % 40)),
                participant: format!("P{}", i % 40),
                ..Default::default()
            }
        })
        .collect();
    CallerBook::new(callers)
}

fn find(c: &mut Criterion) {
    let book = book(100_000);
    let mut g = c.benchmark_group("caller find, 100,000 on file");
    for query in ["anouk", "de vries 4711", "0612 3456", "sanne.77@", "yilmaz"] {
        g.bench_function(query, |b| b.iter(|| black_box(book.find(black_box(query), Some("P7"), 5))));
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = find
}
criterion_main!(benches);
