//! Prints a generated plan and its problems: `cargo run --example dump_template -- 3 midway both`.
use chrono::NaiveDate;
use intensive_planner::domain::dates::DateStyle;
use intensive_planner::domain::{kap::*, model::*, rules::check, template::*};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let days: u8 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(3);
    let placement =
        if args.get(2).map(String::as_str) == Some("midway") { Placement::Midway } else { Placement::Opening };
    let who = match args.get(3).map(String::as_str) {
        Some("a") => WhoDoses::PartnerA,
        Some("both") => WhoDoses::Both,
        Some("sep") => WhoDoses::Both,
        _ => WhoDoses::Nobody,
    };
    let kind = if args.get(4).map(String::as_str) == Some("affair") {
        IntensiveKind::AffairRecovery
    } else {
        IntensiveKind::Couples
    };
    let mut kap = KapSettings { who_doses: who, placement, ..KapSettings::default() };
    if args.get(3).map(String::as_str) == Some("sep") {
        kap.both_dosing = BothDosing::SeparateSessions;
    }
    kap.readiness_a = Readiness::complete(Driver::other_adult("Jordan", "555 0100"));
    kap.readiness_b = Readiness::complete(Driver::other_adult("Jordan", "555 0100"));
    kap.sessions_per_partner = args.get(5).and_then(|s| s.parse().ok()).unwrap_or(1);
    let request = TemplateRequest {
        kind,
        days,
        first_day: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        window: DayWindow::standard(),
        partners: Partners { a: "Sam".into(), b: "Alex".into() },
        therapist: Therapist { name: "Dr Lee".into(), contact: String::new() },
        location: String::new(),
        follow_ups: FollowUpRequest::usual(kap.who_doses),
        kap,
    };
    match build_plan("x", &request) {
        Ok(plan) => {
            for b in &plan.blocks {
                println!(
                    "d{} {} {:?} {:<45} {:?} {:?}",
                    b.day,
                    b.time_range(DateStyle::DayFirst24Hour),
                    b.kind,
                    b.title,
                    b.who,
                    b.kap_for
                );
            }
            for p in check(&plan, DateStyle::DayFirst24Hour) {
                println!("{:?} {} {}", p.severity, p.rule.id(), p.message);
            }
        }
        Err(e) => println!("ERR {e}"),
    }
}
