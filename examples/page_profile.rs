fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let desk = spoc::desk::Desk::open(std::path::Path::new(&dir)).unwrap();
    let q = spoc::desk::TicketQuery::default();
    let t = std::time::Instant::now();
    for _ in 0..30000 {
        std::hint::black_box(desk.list_tickets(&q).unwrap());
    }
    eprintln!("{:?} per page", t.elapsed() / 30000);
    let page = desk.list_tickets(&q).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..3000 {
        std::hint::black_box(serde_json::to_vec(&page).unwrap());
    }
    eprintln!("{:?} per json", t.elapsed() / 3000);
    let bytes = serde_json::to_vec(&page).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..3000 {
        std::hint::black_box(serde_json::from_slice::<spoc::desk::Page<spoc::desk::TicketRow>>(&bytes).unwrap());
    }
    eprintln!("{:?} per json parse of {} bytes", t.elapsed() / 3000, bytes.len());
}
#[allow(dead_code)]
fn unused() {}
