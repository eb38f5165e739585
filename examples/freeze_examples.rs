//! Writes the frozen example files of the current format version into
//! tests/formats/vN/. Run once per new version; never rewrite older folders.
use chrono::NaiveDate;
use intensive_planner::domain::kap::{Driver, KapSettings, Placement, Readiness, WhoDoses};
use intensive_planner::domain::model::*;
use intensive_planner::domain::template::{build_plan, FollowUpRequest, TemplateRequest};
use intensive_planner::storage::format::{encode_backup, encode_pretty, CURRENT_VERSION};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = format!("tests/formats/v{CURRENT_VERSION}");
    std::fs::create_dir_all(&dir)?;
    // Frozen: an example already written for this version is never rewritten.
    let write = |name: &str, text: String| -> std::io::Result<()> {
        let path = format!("{dir}/{name}");
        if std::path::Path::new(&path).exists() {
            println!("{path} is frozen already");
            return Ok(());
        }
        std::fs::write(path, text)
    };
    let request = |kind, days, who, placement| TemplateRequest {
        kind,
        days,
        first_day: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
        window: DayWindow::standard(),
        partners: Partners { a: "Sam".into(), b: "Alex".into() },
        therapist: Therapist { name: "Dr Lee".into(), contact: "lee@example.org".into() },
        location: "Harbour Room".into(),
        kap: KapSettings {
            who_doses: who,
            placement,
            readiness_a: Readiness::complete(Driver::other_adult("Jordan Reyes", "+1 555 0100")),
            ..KapSettings::default()
        },
        follow_ups: FollowUpRequest::usual(who),
    };
    let affair =
        build_plan("frozen-affair", &request(IntensiveKind::AffairRecovery, 3, WhoDoses::PartnerA, Placement::Midway))?;
    let couples =
        build_plan("frozen-couples", &request(IntensiveKind::Couples, 1, WhoDoses::Nobody, Placement::Opening))?;
    write("affair-3-days-kap-midway.json", encode_pretty(&affair))?;
    write("backup-two-plans.json", encode_backup(&[affair, couples]))?;
    Ok(())
}
