//! Bringing text written by an older format version up to the current one, one version
//! at a time. Each step rewrites the JSON itself, so the current types stay the only
//! typed reading, with its messages naming the place of any problem.
//!
//! Version 1 → 2: a partner's ride home was a name typed as text (`ride_home_driver`);
//! it is now a choice of person (`ride_home`). A name equal to a partner's, ignoring
//! case and spaces, becomes that partner; any other name becomes another adult with
//! that name (and no phone yet, which the ride-home rule asks for); no name, nobody.
//!
//! Version 2 → 3: every clinical limit has a range whose loose end is the default
//! (`domain::limits`). Version 1 let the safety limits be looser (up to four doses, no
//! spacing, a week to integrate), version 2 let fasting go to 0 hours and four limits be
//! anything a file said; each is brought inside its range, which only ever makes a rule
//! stricter. Version 3 refuses a file whose limits are outside them.
//!
//! Version 3 → 4: a plan may record the revision of the last couple's reply added
//! (`review.last_reply`), so an older reply never overwrites newer answers unseen. A
//! version 3 plan has added none this build can order, so only the version changes.
//!
//! Version 4 → 5: a plan holds follow-up sessions after its last day and the couple's
//! integration guide. A version 4 plan has no follow-ups yet (its counter starts at 1)
//! and the guide every new plan starts with.

use serde_json::{json, Value};

use super::error::FormatError;
use crate::domain::limits::RuleLimits;
use crate::domain::model::IntegrationGuide;

/// One step: the text of version `from`, as version `from + 1` writes it.
pub struct Step {
    pub from: u32,
    pub run: fn(&str) -> Result<String, FormatError>,
}

/// Every step, oldest first; the last one's `from + 1` is the version this build writes.
pub const STEPS: [Step; 4] = [
    Step { from: 1, run: v1_to_v2 },
    Step { from: 2, run: v2_to_v3 },
    Step { from: 3, run: v3_to_v4 },
    Step { from: 4, run: v4_to_v5 },
];

/// `text` of version `from`, brought up through every later step.
pub fn to_current(text: &str, from: u32) -> Result<String, FormatError> {
    STEPS.iter().filter(|step| step.from >= from).try_fold(text.to_string(), |text, step| (step.run)(&text))
}

/// `plan` and every plan of a backup in `document`, through `change`, then marked `version`.
fn each_plan(
    text: &str,
    version: u32,
    change: impl Fn(&mut Value, &str) -> Result<(), FormatError>,
) -> Result<String, FormatError> {
    let mut document: Value = serde_json::from_str(text).map_err(|e| FormatError::NotJson(e.to_string()))?;
    if let Some(plan) = document.get_mut("plan") {
        change(plan, "")?;
    }
    if let Some(Value::Array(plans)) = document.get_mut("plans") {
        for (index, plan) in plans.iter_mut().enumerate() {
            change(plan, &format!("plans[{index}]."))?;
        }
    }
    document["version"] = json!(version);
    serde_json::to_string(&document).map_err(|e| FormatError::Shape(e.to_string()))
}

/// `text` in version 1, as version 2 writes it.
pub fn v1_to_v2(text: &str) -> Result<String, FormatError> {
    each_plan(text, 2, ride_home_as_a_choice)
}

/// `text` in version 2, as version 3 writes it.
pub fn v2_to_v3(text: &str) -> Result<String, FormatError> {
    each_plan(text, 3, limits_within_ranges)
}

/// `text` in version 3, as version 4 writes it.
pub fn v3_to_v4(text: &str) -> Result<String, FormatError> {
    each_plan(text, 4, |_, _| Ok(()))
}

/// `text` in version 4, as version 5 writes it.
pub fn v4_to_v5(text: &str) -> Result<String, FormatError> {
    let guide = serde_json::to_value(IntegrationGuide::default()).map_err(|e| FormatError::Shape(e.to_string()))?;
    each_plan(text, 5, |plan, place| {
        let Value::Object(fields) = plan else {
            return Err(FormatError::Shape(format!("{place}plan: expected an object")));
        };
        fields.insert("follow_ups".into(), json!([]));
        fields.insert("next_follow_up_id".into(), json!(1));
        fields.insert("guide".into(), guide.clone());
        Ok(())
    })
}

/// A name without its spaces, in lower case: "Alex " and "alex" are one name.
fn squashed(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

fn limits_within_ranges(plan: &mut Value, place: &str) -> Result<(), FormatError> {
    let Some(stored) = plan.get_mut("limits") else { return Ok(()) };
    let shape = |e: serde_json::Error| FormatError::Shape(format!("{place}limits: {e}"));
    let limits: RuleLimits = serde_json::from_value(stored.clone()).map_err(shape)?;
    *stored = serde_json::to_value(limits.within_ranges()).map_err(shape)?;
    Ok(())
}

fn ride_home_as_a_choice(plan: &mut Value, place: &str) -> Result<(), FormatError> {
    let partner_name = |key: &str| plan.pointer(&format!("/partners/{key}")).and_then(Value::as_str).map(squashed);
    let (a, b) = (partner_name("a"), partner_name("b"));
    for record in ["readiness_a", "readiness_b"] {
        let Some(Value::Object(readiness)) = plan.pointer_mut(&format!("/kap/{record}")) else { continue };
        let Some(Value::String(name)) = readiness.remove("ride_home_driver") else {
            return Err(FormatError::Shape(format!(
                "{place}kap.{record}: missing field `ride_home_driver` (a name in quotes)"
            )));
        };
        let typed = squashed(&name);
        let choice = if typed.is_empty() {
            json!("NotArranged")
        } else if Some(&typed) == a.as_ref() {
            json!({ "Partner": "A" })
        } else if Some(&typed) == b.as_ref() {
            json!({ "Partner": "B" })
        } else {
            json!({ "OtherAdult": { "name": name.trim(), "phone": "" } })
        };
        readiness.insert("ride_home".to_string(), choice);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn driver(named: &str) -> Value {
        let v1 = json!({
            "format": "intensive-planner/plan",
            "version": 1,
            "plan": { "partners": { "a": "Sam Lee", "b": "Alex" },
                      "kap": { "readiness_a": { "ride_home_driver": named }, "readiness_b": { "ride_home_driver": "" } } }
        });
        let v2: Value = serde_json::from_str(&v1_to_v2(&v1.to_string()).expect("migrates")).expect("JSON");
        assert_eq!(v2["version"], json!(2));
        assert_eq!(v2["plan"]["kap"]["readiness_b"]["ride_home"], json!("NotArranged"));
        assert!(v2["plan"]["kap"]["readiness_a"].get("ride_home_driver").is_none());
        v2["plan"]["kap"]["readiness_a"]["ride_home"].clone()
    }

    #[test]
    fn a_typed_driver_becomes_a_person() {
        assert_eq!(driver(" alex "), json!({ "Partner": "B" }));
        assert_eq!(driver("samlee"), json!({ "Partner": "A" }), "spaces and case ignored");
        assert_eq!(driver("Alex (partner)"), json!({ "OtherAdult": { "name": "Alex (partner)", "phone": "" } }));
        assert_eq!(driver(" Jordan Reyes "), json!({ "OtherAdult": { "name": "Jordan Reyes", "phone": "" } }));
        assert_eq!(driver("   "), json!("NotArranged"));
    }

    #[test]
    fn a_record_without_its_driver_says_where() {
        let v1 = json!({ "version": 1, "plans": [{ "kap": { "readiness_a": {} } }] });
        assert_eq!(
            v1_to_v2(&v1.to_string()),
            Err(FormatError::Shape(
                "plans[0].kap.readiness_a: missing field `ride_home_driver` (a name in quotes)".into()
            ))
        );
    }

    #[test]
    fn looser_limits_of_older_versions_become_the_loosest_version_3_allows() {
        let mut limits = serde_json::to_value(RuleLimits::default()).expect("limits");
        limits["integration_window_hours"] = json!(168);
        limits["min_hours_between_dosings"] = json!(0);
        limits["max_dosings_per_partner"] = json!(4);
        limits["fasting_hours"] = json!(6);
        limits["dosing_max_minutes"] = json!(300);
        limits["dosing_min_minutes"] = json!(60);
        limits["max_minutes_without_break"] = json!(240);
        limits["full_day_hours"] = json!(24);
        let v2 = json!({ "version": 2, "plans": [{ "limits": limits }] });
        let v3: Value = serde_json::from_str(&to_current(&v2.to_string(), 2).expect("migrates")).expect("JSON");
        assert_eq!(v3["version"], json!(5));
        let migrated = &v3["plans"][0]["limits"];
        assert_eq!(migrated["integration_window_hours"], json!(72));
        assert_eq!(migrated["min_hours_between_dosings"], json!(24));
        assert_eq!(migrated["max_dosings_per_partner"], json!(2));
        assert_eq!(migrated["fasting_hours"], json!(6), "a stricter limit is kept");
        assert_eq!(migrated["dosing_max_minutes"], json!(240));
        assert_eq!(migrated["dosing_min_minutes"], json!(150));
        assert_eq!(migrated["max_minutes_without_break"], json!(120));
        assert_eq!(migrated["full_day_hours"], json!(6));
        // Version 1 passes through every step.
        let mut older = limits.clone();
        older["fasting_hours"] = json!(0);
        let v1 = json!({ "version": 1, "plan": { "limits": older } });
        let up: Value = serde_json::from_str(&to_current(&v1.to_string(), 1).expect("migrates")).expect("JSON");
        assert_eq!((up["version"].clone(), up["plan"]["limits"]["fasting_hours"].clone()), (json!(5), json!(4)));
    }
}
