use spoc::desk::DeskApi;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let c = spoc::client::Client::connect(std::path::Path::new(&dir)).map_err(|_| "connect").unwrap();
    let mut v: Vec<f64> = (0..5000)
        .map(|_| {
            let t = std::time::Instant::now();
            let _ = c.ticket(999_999_999);
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    v.sort_by(f64::total_cmp);
    eprintln!("empty round trip p50 {:.0} p99 {:.0}", v[2500], v[4950]);
    let q = spoc::desk::TicketQuery::default();
    let mut v: Vec<f64> = (0..3000)
        .map(|_| {
            let t = std::time::Instant::now();
            c.list_tickets(&q).unwrap();
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    v.sort_by(f64::total_cmp);
    eprintln!("page p50 {:.0} p99 {:.0}", v[1500], v[2970]);
}
